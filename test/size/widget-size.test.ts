/**
 * The element's bundle budget: the classic script a business's page loads must stay under 25 KB
 * gzip (issue 3). Builds widget/ with the project's vite.config.ts into a temporary folder, so it
 * measures the source as it is now, and prints both files' gzip sizes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BUDGET = 25 * 1024;
const outDir = mkdtempSync(join(tmpdir(), 'pay-portal-size-'));
const sizes: Record<string, { bytes: number; gzip: number; text: string }> = {};

describe('widget bundle size', () => {
  beforeAll(() => {
    // A separate process: under vitest NODE_ENV is "test", which would bundle Lit's dev build.
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--logLevel', 'error'],
      { env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' },
    );
    for (const file of ['pay-portal.js', 'pay-portal.mjs']) {
      const content = readFileSync(join(outDir, file));
      sizes[file] = {
        bytes: content.length,
        gzip: gzipSync(content).length,
        text: content.toString(),
      };
    }
    const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
    for (const [file, size] of Object.entries(sizes)) {
      console.log(`${file}: ${kb(size.bytes)}, ${kb(size.gzip)} gzip`);
    }
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('keeps the classic script under 25 KB gzip', () => {
    expect(sizes['pay-portal.js']!.gzip).toBeLessThan(BUDGET);
  });

  it('keeps the ES module under 25 KB gzip too', () => {
    expect(sizes['pay-portal.mjs']!.gzip).toBeLessThan(BUDGET);
  });

  it('carries no schema library, server code or Stripe loader', () => {
    for (const { text } of Object.values(sizes)) {
      expect(text).not.toMatch(/ZodError|zod|better-sqlite3|kysely|js\.stripe\.com/i);
    }
  });

  it('never renders text as markup: no unsafeHTML or unsafeSVG directive inside', () => {
    for (const { text } of Object.values(sizes)) expect(text).not.toMatch(/unsafeHTML|unsafeSVG/);
  });

  it('is self-contained: no import or require of anything', () => {
    expect(sizes['pay-portal.mjs']!.text).not.toMatch(/\bimport\s*[\s{*"'(]|\brequire\(/);
    expect(sizes['pay-portal.js']!.text).not.toMatch(/\bimport\s*[\s{*"'(]|\brequire\(/);
  });
});
