/**
 * The staff demo page's build: demo/index.html and its Lit elements into dist/demo/, served by
 * the server at /demo (server/pages/demo-pages.ts). Built like the element (vite.config.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./demo/', import.meta.url)),
  base: '/demo/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/demo/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2021',
    sourcemap: true,
    // Every asset a file of its own: the page's CSP allows no inline script or data: module.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
