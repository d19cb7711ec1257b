/**
 * `npm ci` on a fresh clone accepts the committed lockfile (issue 15). It refuses one that lacks
 * an optional dependency of a locked package, such as another platform's build of rollup or
 * biome, which npm leaves out when the lockfile is made on a machine with node_modules already
 * installed (npm/cli#4828). `.ci/run` runs `npm ci` itself; this says why, before CI does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'))
  .packages as Record<string, LockedPackage>;

/** Where npm would find `name` from the package at `from`: its own node_modules, then upwards. */
function resolves(from: string, name: string): boolean {
  let base = from;
  for (;;) {
    if (lock[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const up = base.lastIndexOf('/node_modules/');
    base = up === -1 ? '' : base.slice(0, up);
  }
}

describe('package-lock.json', () => {
  it('holds every optional dependency of every locked package, for every platform', () => {
    const missing = Object.entries(lock).flatMap(([path, locked]) =>
      Object.keys(locked.optionalDependencies ?? {})
        .filter((name) => !resolves(path, name))
        .map((name) => `${name} (for ${path || 'the root'})`),
    );
    expect(missing).toEqual([]);
  });

  it('holds the builds other platforms need of rollup and biome', () => {
    for (const name of [
      '@rollup/rollup-darwin-arm64',
      '@rollup/rollup-win32-x64-msvc',
      '@rollup/rollup-linux-x64-musl',
      '@biomejs/cli-darwin-arm64',
      '@biomejs/cli-win32-x64',
      '@biomejs/cli-linux-x64-musl',
    ]) {
      expect(lock[`node_modules/${name}`]?.version, name).toMatch(/^\d+\.\d+\.\d+/);
    }
  });
});
