/**
 * The element's lazily loaded parts (the payment forms, the estimate and invoice views, Spanish,
 * the "Pay your bill" form, and the element's own account, history and confirmation views) as ES
 * modules of their own beside pay-portal.js and pay-portal.mjs, so neither entry carries them.
 *
 * A classic script (IIFE) cannot be split by a bundler, but it can call `import()`. So the build
 * (1) bundles each part listed in widget/lazy/lazy.ts and widget/pay-portal/view-parts.ts into
 * `dist/widget/<name>.<hash>.mjs` (content-hashed: a page whose entry script is pinned with SRI
 * never meets a part of another build), then (2) serves the entries' copy of those two loader
 * files as an `import()` of that file beside the
 * script: in the classic script through `partUrl()` (a classic script's relative import would
 * resolve against the page), in the module as a plain `import('./<name>.<hash>.mjs')`, which
 * browsers resolve against the module and which an app's bundler follows (the npm package).
 * In the source, lazy.ts is plain dynamic imports: the browser tests and any app that bundles
 * widget/index.ts itself split it as usual. A part may load other parts too (the account's view
 * loads the payment forms and the estimate and invoice views): in the parts' build lazy.ts stays
 * plain dynamic imports of other entries of that build, which come out as
 * `import("./<name>.<hash>.mjs")`, relative to the part, an ES module, whichever entry loaded it.
 *
 * The parts carry no copy of Lit: the payment forms import nothing from Lit at run time (the
 * element hands them its own `html`, `css` and `nothing`, widget/provider-form/provider-form.ts),
 * and a part that is an element of its own (the estimate view, a LitElement) or draws with the
 * element's Lit (the account, history and confirmation views, the access form) has `lit`,
 * `lit/decorators.js` and the shared base styles resolved here to those the entry lends before
 * loading it (widget/lazy/lend-lit.ts). So Lit is loaded once, whichever part a page needs.
 */
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';
import { minifyTemplates } from './minify-templates.ts';

/** Entry name → source, as widget/lazy/lazy.ts imports them. */
export const LAZY_PARTS = {
  'sandbox-form': 'widget/sandbox-form/sandbox-form.ts',
  'stripe-form': 'widget/stripe-form/stripe-form.ts',
  'square-form': 'widget/square-form/square-form.ts',
  'paypal-form': 'widget/paypal-form/paypal-form.ts',
  'estimate-view': 'widget/pay-portal-estimate/define.ts',
  'invoice-view': 'widget/pay-portal-invoice/define.ts',
  'messages-es': 'widget/i18n/es.ts',
  'access-form': 'widget/pay-portal-access/access-controller.ts',
  'account-view': 'widget/pay-portal/account-view.part.ts',
  'history-view': 'widget/history/history.part.ts',
  'confirmation-view': 'widget/confirmation/confirmation.part.ts',
} as const;

/** What a part's `lit`, `lit/decorators.js` and base styles are: the entry's, lent under this key. */
const BORROWED_LIT = '\0pay-portal:borrowed-lit';
const BORROWED_LIT_SOURCE = [
  `const lit = globalThis[Symbol.for('pay-portal.lit')];`,
  `if (!lit) throw new Error('pay-portal: load this part through the element');`,
  'export const { LitElement, html, css, nothing, property, state, baseStyles } = lit;',
].join('\n');

function borrowedLit(): Plugin {
  return {
    name: 'pay-portal:borrowed-lit',
    enforce: 'pre',
    resolveId: (id) =>
      id === 'lit' || id === 'lit/decorators.js' || /\/styles\/base\.styles\.ts$/.test(id)
        ? BORROWED_LIT
        : null,
    load: (id) => (id === BORROWED_LIT ? BORROWED_LIT_SOURCE : null),
  };
}

/** The loader files: lazy.ts, and the element's own views' (above the layers lazy/ may load). */
const LOADER = /[\\/]widget[\\/](lazy[\\/]lazy|pay-portal[\\/]view-parts)\.ts$/;
/** Marks a part's name in the generated loader until each output writes it its own way. */
const MARK = '__pay_portal_part__';
const MARKED = new RegExp(
  `import\\(\\s*(?:/\\*[^*]*\\*/\\s*)?([\\w$]+)\\(\\s*(["'\`])${MARK}([\\w.-]+)\\2\\s*\\)\\s*\\)`,
  'g',
);
const SCRIPT_BASE = fileURLToPath(new URL('../api/script-origin.ts', import.meta.url));

interface BuiltFile {
  fileName: string;
  source: string;
}

export function lazyParts(): Plugin {
  let root = process.cwd();
  let files: BuiltFile[] = [];
  const names = new Map<string, string>();
  return {
    name: 'pay-portal:lazy-parts',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async buildStart() {
      const result = await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        plugins: [borrowedLit(), minifyTemplates()],
        build: {
          write: false,
          target: 'es2021',
          minify: true,
          sourcemap: true,
          emptyOutDir: false,
          lib: { entry: { ...LAZY_PARTS }, formats: ['es'] },
          rolldownOptions: {
            output: {
              entryFileNames: '[name].[hash].mjs',
              // The lent Lit's stand-in, shared by the parts, by a name a reader understands.
              chunkFileNames: (chunk) =>
                chunk.name.includes('borrowed-lit') ? 'lent-lit.[hash].mjs' : '[name].[hash].mjs',
              minify: true,
            },
          },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
      files = [];
      names.clear();
      for (const item of outputs.flatMap((output) => output.output)) {
        if (item.type === 'chunk') {
          if (item.isEntry) names.set(item.name, item.fileName);
          files.push({ fileName: item.fileName, source: item.code });
        } else {
          files.push({ fileName: item.fileName, source: String(item.source) });
        }
      }
    },
    load(id) {
      if (!LOADER.test(id)) return null;
      const lines = Object.keys(LAZY_PARTS).map((name) => {
        const file = names.get(name);
        if (!file) throw new Error(`lazy part ${name} was not built`);
        const exported = `load${name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`;
        return `export const ${exported} = () => import(/* @vite-ignore */ partUrl(${JSON.stringify(MARK + file)}));`;
      });
      return [`import { partUrl } from ${JSON.stringify(SCRIPT_BASE)};`, ...lines].join('\n');
    },
    renderChunk(code, _chunk, options) {
      if (!code.includes(MARK)) return null;
      const rewritten = code.replace(MARKED, (_match, partUrl: string, _quote, file: string) =>
        options.format === 'es'
          ? `import(${JSON.stringify(`./${file}`)})`
          : `import(${partUrl}(${JSON.stringify(file)}))`,
      );
      if (rewritten.includes(MARK)) throw new Error('a lazy part import was not rewritten');
      return { code: rewritten, map: null };
    },
    generateBundle() {
      for (const file of files) {
        this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
      }
    },
  };
}
