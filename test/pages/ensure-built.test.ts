/**
 * `npm start` rebuilds the element and the staff page when their sources changed since the last
 * build, not only when dist/ is missing (issue 15). A checkout of its own in a temporary folder,
 * whose `vite` is a stand-in that writes the output and counts its builds.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/http/logger.ts';
import { ensureBuilt } from '../../server/pages/ensure-built.ts';

const FAKE_VITE = `
const { appendFileSync, mkdirSync, writeFileSync } = require('node:fs');
const config = process.argv[process.argv.indexOf('--config') + 1];
const output = config === 'vite.config.ts' ? 'dist/widget/pay-portal.mjs' : 'dist/demo/index.html';
if (process.env.FAIL_BUILD) process.exit(1);
mkdirSync(require('node:path').dirname(output), { recursive: true });
writeFileSync(output, 'built');
appendFileSync('builds.log', config + '\\n');
`;

describe('ensureBuilt', () => {
  let root: string;
  const logger = createLogger('silent');
  const write = (path: string, text = 'x') => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  /** Sets a file's modification time `seconds` from now, as a pull or an edit would. */
  const touch = (path: string, seconds: number) => {
    const when = new Date(Date.now() + seconds * 1000);
    utimesSync(join(root, path), when, when);
  };
  const builtAMinuteAgo = () => {
    touch('dist/widget/pay-portal.mjs', -60);
    touch('dist/demo/index.html', -60);
  };
  const builds = () =>
    existsSync(join(root, 'builds.log'))
      ? readFileSync(join(root, 'builds.log'), 'utf8').trim().split('\n')
      : [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pay-portal-ensure-built-'));
    write('node_modules/vite/bin/vite.js', FAKE_VITE);
    write('package.json', '{"type":"commonjs"}');
    write('widget/pay-portal.ts');
    write('shared/money.ts');
    write('demo/main.ts');
    for (const file of ['widget/pay-portal.ts', 'shared/money.ts', 'demo/main.ts']) {
      touch(file, -120);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds what is missing, then nothing while the sources are unchanged', () => {
    ensureBuilt({ demo: true, logger, root });
    expect(builds()).toEqual(['vite.config.ts', 'vite.demo.config.ts']);
    ensureBuilt({ demo: true, logger, root });
    expect(builds()).toHaveLength(2);
  });

  it('rebuilds the element when its source changed since the last build', () => {
    ensureBuilt({ demo: true, logger, root });
    builtAMinuteAgo();
    write('widget/pay-portal.ts', 'changed');
    ensureBuilt({ demo: true, logger, root });
    expect(builds()).toEqual(['vite.config.ts', 'vite.demo.config.ts', 'vite.config.ts']);
  });

  it('rebuilds both when shared code changed, and the staff page only in demo mode', () => {
    ensureBuilt({ demo: true, logger, root });
    builtAMinuteAgo();
    write('shared/quote.ts');
    ensureBuilt({ demo: false, logger, root });
    expect(builds().slice(2)).toEqual(['vite.config.ts']);
    ensureBuilt({ demo: true, logger, root });
    expect(builds().slice(3)).toEqual(['vite.demo.config.ts']);
  });

  it('serves a shipped dist/ as it is where Vite is not installed, and refuses to start without one', () => {
    ensureBuilt({ demo: false, logger, root });
    rmSync(join(root, 'node_modules'), { recursive: true });
    touch('widget/pay-portal.ts', 60);
    expect(() => ensureBuilt({ demo: false, logger, root })).not.toThrow();
    rmSync(join(root, 'dist'), { recursive: true });
    expect(() => ensureBuilt({ demo: false, logger, root })).toThrow(/npm run build/);
  });

  it('stops the start when a build fails', () => {
    process.env.FAIL_BUILD = '1';
    try {
      expect(() => ensureBuilt({ demo: false, logger, root })).toThrow(
        /Building the <pay-portal> element failed/,
      );
    } finally {
      delete process.env.FAIL_BUILD;
    }
  });
});
