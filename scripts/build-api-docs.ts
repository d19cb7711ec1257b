/**
 * `npm run build:docs`: Redoc's standalone bundle (a devDependency) into dist/docs/, where the
 * server's `/docs` reads it (server/pages/api-docs.ts), so a production image serves the API
 * reference without node_modules/redoc. Its licence notice goes along.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const bundles = dirname(require.resolve('redoc/bundles/redoc.standalone.js'));
const out = fileURLToPath(new URL('../dist/docs/', import.meta.url));
mkdirSync(out, { recursive: true });
for (const name of ['redoc.standalone.js', 'redoc.standalone.js.LICENSE.txt']) {
  copyFileSync(join(bundles, name), join(out, name));
}
process.stdout.write(`API reference renderer copied into ${out}\n`);
