/**
 * `npm start` needs no build step of its own: when dist/ lacks the element (or, in demo mode, the
 * demo page), it is built here with Vite before the app reads the files. A deployment that ships
 * dist/ (built in CI with `npm run build`) never gets here, and needs no Vite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VITE = `${ROOT}node_modules/vite/bin/vite.js`;

const BUILDS = [
  {
    what: 'the <pay-portal> element',
    output: 'dist/widget/pay-portal.mjs',
    config: 'vite.config.ts',
  },
  { what: 'the staff demo page', output: 'dist/demo/index.html', config: 'vite.demo.config.ts' },
] as const;

export function ensureBuilt(options: { demo: boolean; logger: Logger }): void {
  for (const build of BUILDS) {
    if (build.config === 'vite.demo.config.ts' && !options.demo) continue;
    if (existsSync(`${ROOT}${build.output}`)) continue;
    if (!existsSync(VITE)) {
      throw new Error(
        `${build.output} is missing and Vite is not installed: run \`npm run build\``,
      );
    }
    options.logger.info(`Building ${build.what} (${build.output} is missing)…`);
    const result = spawnSync(process.execPath, [VITE, 'build', '--config', build.config], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0 || !existsSync(`${ROOT}${build.output}`)) {
      throw new Error(`Building ${build.what} failed: run \`npm run build\` to see why`);
    }
  }
}
