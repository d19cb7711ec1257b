/**
 * `npm run pack:client`: makes dist/client-npm/, the typed API client as an npm package of its
 * own beside the element's (scripts/pack-widget.ts): client/ compiled to ES modules with their
 * declarations, its README, and a package.json. Publish with `npm publish dist/client-npm`.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const at = (path: string) => new URL(path, root);
const out = at('dist/client-npm/');

const server = JSON.parse(readFileSync(at('package.json'), 'utf8')) as {
  version: string;
  license: string;
  dependencies: Record<string, string>;
};
if (!existsSync(at('dist/client/index.js'))) {
  throw new Error('dist/client is missing: run npm run build:client');
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(at('dist/client/'), out, { recursive: true });
cpSync(at('client/README.md'), new URL('README.md', out));

const manifest = {
  name: 'pay-portal-client',
  version: server.version,
  description: "A typed client for Pay Portal's staff API, and Standard Webhooks verification.",
  license: server.license,
  type: 'module',
  main: './index.js',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', import: './index.js' },
    './package.json': './package.json',
  },
  files: ['*.js', '*.js.map', '*.d.ts', 'README.md'],
  sideEffects: false,
  dependencies: {
    'openapi-fetch': server.dependencies['openapi-fetch'],
    standardwebhooks: server.dependencies.standardwebhooks,
  },
  keywords: ['payments', 'invoices', 'openapi', 'webhooks', 'standard-webhooks'],
};
writeFileSync(new URL('package.json', out), `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write('dist/client-npm is ready: npm pack dist/client-npm, or npm publish it\n');
