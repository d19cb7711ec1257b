/**
 * The production log (server/http/log-batches.ts `backgroundStdout`, issue 13): lines are written in
 * batches, yet a quiet server's line still shows within a moment, and nothing is lost on a stop.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { backgroundStdout, LOG_FLUSH_MS } from '../../server/http/log-batches.ts';
import { createLogger } from '../../server/http/logger.ts';

describe('the production log', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function logFile() {
    const dir = mkdtempSync(join(tmpdir(), 'pay-portal-log-'));
    dirs.push(dir);
    const file = join(dir, 'out.log');
    const destination = backgroundStdout(file);
    const lines = () =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { msg: string; n?: number });
    return { destination, logger: createLogger('info', destination), lines };
  }

  async function eventually<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
    for (let waited = 0; ; waited += 20) {
      const value = read();
      if (done(value) || waited > 20 * LOG_FLUSH_MS) return value;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("writes a quiet server's one line without waiting for more", async () => {
    const { destination, logger, lines } = logFile();
    await destination.ready;
    logger.info({ method: 'GET', path: '/health', status: 200 }, 'request');
    const written = await eventually(lines, (found) => found.length === 1);
    expect(written).toMatchObject([{ msg: 'request', path: '/health', status: 200 }]);
  });

  it("writes a busy server's lines together, every one in order, and the rest on a stop", async () => {
    const { destination, logger, lines } = logFile();
    await destination.ready;
    for (let n = 0; n < 1000; n += 1) logger.info({ n }, 'request');
    // Stopping (main.ts) writes what is still queued.
    destination.flushSync();
    expect(lines().map((line) => line.n)).toEqual([...Array(1000).keys()]);
  });

  it('writes what is queued when the process ends at once, as a failed start does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pay-portal-log-'));
    dirs.push(dir);
    const file = join(dir, 'out.log');
    const module = (name: string) =>
      JSON.stringify(fileURLToPath(new URL(`../../server/http/${name}`, import.meta.url)));
    const script = `
      import { backgroundStdout } from ${module('log-batches.ts')};
      import { createLogger } from ${module('logger.ts')};
      const destination = backgroundStdout(${JSON.stringify(file)});
      await destination.ready;
      createLogger('info', destination).error({ reason: 'no database' }, 'start failed');
      process.exit(1);`;
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: 'pipe',
      }),
    ).toThrow();
    expect(readFileSync(file, 'utf8')).toContain('"msg":"start failed"');
  });
});
