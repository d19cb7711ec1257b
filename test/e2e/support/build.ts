/**
 * The element and the demo page, built from the working tree into a temporary folder once per
 * test process, so the browser runs today's code without touching dist/ (which a running
 * server or another build may be using).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

export interface Build {
  widgetDir: string;
  demoDir: string;
}

let built: Build | null = null;

export function buildOnce(): Build {
  if (built) return built;
  const out = mkdtempSync(join(tmpdir(), 'pay-portal-e2e-build-'));
  const widgetDir = join(out, 'widget');
  const demoDir = join(out, 'demo');
  const vite = (config: string, outDir: string) =>
    execFileSync(
      process.execPath,
      [
        VITE,
        'build',
        '--config',
        config,
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  vite('vite.config.ts', widgetDir);
  vite('vite.demo.config.ts', demoDir);
  built = { widgetDir, demoDir };
  return built;
}
