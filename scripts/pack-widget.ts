/**
 * `npm run pack:widget`: makes dist/npm/, the `<pay-portal>` element as an npm package of its
 * own (the repository's package is the server and stays private). It holds the built module and
 * classic script (Lit included), the type declarations, and a package.json whose `exports` give
 * the module with its types. Publish with `npm publish dist/npm` (see docs/embedding.md).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const at = (path: string) => new URL(path, root);
const out = at('dist/npm/');

const server = JSON.parse(readFileSync(at('package.json'), 'utf8')) as {
  version: string;
  license: string;
  dependencies: Record<string, string>;
};
for (const needed of ['dist/widget/pay-portal.mjs', 'dist/widget/pay-portal.js', 'dist/types']) {
  if (!existsSync(at(needed))) throw new Error(`${needed} is missing: run npm run build:widget`);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(at('dist/widget/'), out, { recursive: true });
cpSync(at('dist/types/'), new URL('types/', out), { recursive: true });

const types = './types/widget/index.d.ts';
const manifest = {
  name: 'pay-portal-element',
  version: server.version,
  description:
    '<pay-portal>: a customer payment portal as a web component (Lit), for a Pay Portal server.',
  license: server.license,
  type: 'module',
  main: './pay-portal.mjs',
  module: './pay-portal.mjs',
  types,
  exports: {
    '.': { types, import: './pay-portal.mjs' },
    './pay-portal.js': './pay-portal.js',
    './package.json': './package.json',
  },
  // The entries, and the payment forms they import from beside themselves (content-hashed).
  files: ['*.mjs', '*.mjs.map', 'pay-portal.js', 'pay-portal.js.map', 'types'],
  // Importing the package defines the element: bundlers must keep that import.
  sideEffects: true,
  // The bundle carries Lit; the declarations name Lit's types.
  dependencies: { lit: server.dependencies.lit },
  keywords: ['web-component', 'custom-element', 'lit', 'payments', 'invoices'],
};
writeFileSync(new URL('package.json', out), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(
  new URL('README.md', out),
  [
    '# pay-portal-element',
    '',
    'The `<pay-portal>` element of Pay Portal. It needs a Pay Portal server: pass its origin in',
    '`api-base` and a payment link token in `token`.',
    '',
    '```js',
    "import 'pay-portal-element';",
    '```',
    '',
    '```html',
    '<pay-portal api-base="https://pay.example.com" token="…"></pay-portal>',
    '```',
    '',
    "Your site's origin must be in the business's allowed origins (Settings), or the server",
    'refuses its calls (CORS). See docs/embedding.md in the Pay Portal repository.',
    '',
  ].join('\n'),
);
process.stdout.write(`dist/npm is ready: npm pack dist/npm, or npm publish dist/npm\n`);
