/**
 * The import reader that the architecture test stands on, tried on a small tree written for it:
 * a circle closed only by `import type` or by `import()` is still a circle, and layers are read
 * by folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCircles, importGraph, layerOf, sourceFiles } from './imports.ts';

const root = mkdtempSync(join(tmpdir(), 'pay-portal-imports-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const paths = sourceFiles(root, ['app']);
  return { paths, graph: importGraph(root, paths) };
}

describe('the import reader', () => {
  it('finds a circle closed by a type-only import and by a dynamic import', () => {
    const { paths, graph } = tree({
      'app/ledger/entries.ts': "import type { Invoice } from '../invoices/invoices.ts';\n",
      'app/invoices/invoices.ts':
        "import { appendEntries } from '../ledger/entries.ts';\nexport type Invoice = {};\n",
      'app/forms/loader.ts': "export const load = () => import('./form.ts');\n",
      'app/forms/form.ts': "export { load } from './loader.ts';\n",
      'app/forms/form.test.ts': "import { load } from './loader.ts';\n",
      'app/money.ts': "import { z } from 'zod';\n",
    });
    expect(paths).not.toContain('app/forms/form.test.ts');
    expect(importCircles(graph)).toEqual([
      ['app/forms/form.ts', 'app/forms/loader.ts'],
      ['app/invoices/invoices.ts', 'app/ledger/entries.ts'],
    ]);
    expect(graph.get('app/money.ts')).toEqual([]);
  });

  it('places a file on the layer of its folder, or on none', () => {
    const layers = [['db'], ['ledger', 'main.ts']];
    expect(layerOf('server/db/schema/ledger.ts', 'server', layers)).toBe(0);
    expect(layerOf('server/ledger/entries.ts', 'server', layers)).toBe(1);
    expect(layerOf('server/main.ts', 'server', layers)).toBe(1);
    expect(layerOf('server/ledgers/entries.ts', 'server', layers)).toBe(-1);
  });
});
