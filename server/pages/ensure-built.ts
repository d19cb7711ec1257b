/**
 * `npm start` needs no build step of its own: when dist/ lacks the element (or, in demo mode, the
 * demo page), or when any of their sources changed since that build (a `git pull`, an edit), it
 * is built here with Vite before the app reads the files, so a change is never served stale
 * (issue 15). "Changed" is by modification time: a file written after the build's output.
 *
 * A deployment that ships dist/ (built with `npm run build`, docs/deployment.md) has no Vite:
 * there the files in dist/ are served as they are.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { APP_ROOT } from '../config.ts';

interface Build {
  what: string;
  output: string;
  config: string;
  /** Files and folders (relative to the root) whose change calls for a new build. */
  sources: readonly string[];
  demoOnly: boolean;
}

const BUILDS: readonly Build[] = [
  {
    what: 'the <pay-portal> element',
    output: 'dist/widget/pay-portal.mjs',
    config: 'vite.config.ts',
    sources: ['widget', 'shared', 'vite.config.ts', 'package-lock.json'],
    demoOnly: false,
  },
  {
    what: 'the staff demo page',
    output: 'dist/demo/index.html',
    config: 'vite.demo.config.ts',
    sources: ['demo', 'shared', 'vite.demo.config.ts', 'package-lock.json'],
    demoOnly: true,
  },
];

/** The newest modification time (ms) of a file or of any file under a folder; 0 if none. */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(join(path, entry.name)));
  }
  return newest;
}

/** Why `build` must run again under `root`, or null when its output is newer than its sources. */
function staleness(build: Build, root: string): string | null {
  const output = join(root, build.output);
  if (!existsSync(output)) return `${build.output} is missing`;
  const built = statSync(output).mtimeMs;
  const changed = build.sources.find((source) => newestChange(join(root, source)) > built);
  return changed ? `${changed} changed since the last build` : null;
}

export interface EnsureBuiltOptions {
  demo: boolean;
  logger: Logger;
  /** The checkout (default: this one); tests use a folder of their own. */
  root?: string;
}

export function ensureBuilt({ demo, logger, root = APP_ROOT }: EnsureBuiltOptions): void {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  for (const build of BUILDS) {
    if (build.demoOnly && !demo) continue;
    const reason = staleness(build, root);
    if (!reason) continue;
    const output = join(root, build.output);
    if (!existsSync(vite)) {
      // A deployment without devDependencies serves the dist/ it was given.
      if (existsSync(output)) continue;
      throw new Error(
        `${build.output} is missing and Vite is not installed: run \`npm run build\``,
      );
    }
    logger.info(`Building ${build.what} (${reason})…`);
    const result = spawnSync(process.execPath, [vite, 'build', '--config', build.config], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0 || !existsSync(output)) {
      throw new Error(`Building ${build.what} failed: run \`npm run build\` to see why`);
    }
  }
}
