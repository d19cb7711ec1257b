/**
 * The element's library build: widget/index.ts into dist/widget/pay-portal.mjs (ES module) and
 * dist/widget/pay-portal.js (classic script, an IIFE for pages without modules). Both carry Lit
 * and everything else they need; the payment forms (the sandbox's test form, the Stripe form
 * with its loader) are not in them: they are built beside them as content-hashed ES modules and
 * imported when the payment block first shows (widget/build/lazy-parts.ts). Every file gets
 * brotli and gzip copies beside it for the server to send (widget/build/precompress.ts).
 */
import { defineConfig } from 'vite';
import { lazyParts } from './widget/build/lazy-parts.ts';
import { metafile } from './widget/build/metafile.ts';
import { minifyTemplates } from './widget/build/minify-templates.ts';
import { precompress } from './widget/build/precompress.ts';

export default defineConfig({
  publicDir: false,
  plugins: [minifyTemplates(), lazyParts(), precompress(), metafile()],
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2021',
    minify: true,
    sourcemap: true,
    reportCompressedSize: true,
    lib: {
      entry: 'widget/index.ts',
      name: 'PayPortal',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'pay-portal.mjs' : 'pay-portal.js'),
    },
    rolldownOptions: {
      // The classic script has no import.meta; it finds its origin through document.currentScript
      // (widget/api/script-origin.ts), so the empty stand-in is expected there.
      checks: { emptyImportMeta: false },
      // Vite leaves library ES output unminified; the module is served to browsers as is.
      output: { minify: true },
    },
  },
});
