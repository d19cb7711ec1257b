/**
 * Imports point down only, in the order docs/architecture.md draws, and close no circle: in
 * server/, widget/, demo/ and shared/. Reading the import lines of the real files, so a new
 * import that climbs, or a new folder nobody placed, fails here with its file and line of sight.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ImportEdge, importCircles, importGraph, layerOf, sourceFiles } from './imports.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * server/, bottom to top. A file may import its own folder and any folder below its own; the
 * ground floor (config, db, http) knows no business noun, and no noun knows the portal, the
 * pages or the routes above it.
 */
const SERVER_LAYERS = [
  ['config.ts'],
  ['db'],
  ['http'],
  ['events'],
  ['ledger'],
  ['outbox'],
  ['businesses'],
  ['texts'],
  ['links'],
  ['invoices'],
  ['estimates'],
  ['documents'],
  ['email'],
  ['webhooks'],
  ['payments'],
  ['reminders'],
  ['portal'],
  ['pages'],
  ['routes'],
  ['app.ts'],
  ['demo'],
  ['cli.ts', 'main.ts'],
] as const;

/**
 * widget/, bottom to top (docs/architecture.md says what each folder is). Folders on one layer
 * do not import each other; `build/` runs only at build time and nothing imports it.
 */
const WIDGET_LAYERS = [
  ['api', 'i18n', 'styles', 'build', 'question-form'],
  [
    'business-header',
    'balance-summary',
    'recent-charges',
    'confirmation',
    'checkout',
    'provider-form',
    'pay-portal-estimate',
    'pay-portal-invoice',
    'statement',
    'pay-portal-access',
  ],
  [
    'status',
    'history',
    'invoice-picker',
    'tip-selector',
    'sandbox-form',
    'stripe-form',
    'square-form',
    'paypal-form',
  ],
  ['lazy'],
  ['payment-block', 'estimates', 'invoice-view'],
  ['pay-portal'],
  ['index.ts'],
] as const;

/**
 * The ledger is the ground floor of the money: it stands on the database alone, and tells the
 * events it causes (a credit changed) through events/, which itself stands on db/ and http/.
 */
const LEDGER_MAY_IMPORT = ['server/db/', 'server/ledger/', 'server/events/'];

/** Which trees each tree may import from. */
const TREES: Record<string, readonly string[]> = {
  shared: ['shared'],
  server: ['server', 'shared'],
  widget: ['widget', 'shared'],
  demo: ['demo', 'shared'],
  // The API client package stands alone: its types are generated, not imported (issue 14).
  client: ['client'],
};

const files = sourceFiles(root, Object.keys(TREES));
const graph = importGraph(root, files);
const edges = [...graph.values()].flat();
const show = (edge: ImportEdge) => `${edge.from} imports ${edge.to}`;
const tree = (path: string) => path.split('/')[0]!;
/** The folder (or top-level file) a path is in: `server/invoices/status.ts` → `invoices`. */
const room = (path: string) => path.split('/')[1]!;

describe('imports', () => {
  it('close no circle', () => {
    expect(importCircles(graph)).toEqual([]);
  });

  it('stay inside the trees each tree may use', () => {
    const crossings = edges.filter((edge) => !TREES[tree(edge.from)]!.includes(tree(edge.to)));
    expect(crossings.map(show)).toEqual([]);
  });

  it('name files that exist', () => {
    const known = new Set(files);
    const missing = edges.filter((edge) => !known.has(edge.to));
    expect(missing.map(show)).toEqual([]);
  });
});

const LAYERED: Record<string, readonly (readonly string[])[]> = {
  server: SERVER_LAYERS,
  widget: WIDGET_LAYERS,
};

describe.each(Object.entries(LAYERED))('%s/ layers', (name, layers) => {
  const treeFiles = files.filter((file) => tree(file) === name);

  it('place every file on a layer', () => {
    const unplaced = treeFiles.filter((file) => layerOf(file, name, layers) < 0);
    expect(unplaced).toEqual([]);
  });

  it('point down: a file imports its own folder or a layer below its own', () => {
    const climbing = edges
      .filter((edge) => tree(edge.from) === name && tree(edge.to) === name)
      .filter((edge) => room(edge.from) !== room(edge.to))
      .filter((edge) => layerOf(edge.to, name, layers) >= layerOf(edge.from, name, layers));
    expect(climbing.map(show)).toEqual([]);
  });
});

describe('server/', () => {
  const serverFiles = files.filter((file) => tree(file) === 'server');

  it('keep the ledger on the database alone', () => {
    const ledger = edges
      .filter((edge) => edge.from.startsWith('server/ledger/') && tree(edge.to) === 'server')
      .filter((edge) => !LEDGER_MAY_IMPORT.some((folder) => edge.to.startsWith(folder)));
    expect(ledger.map(show)).toEqual([]);
  });

  it('keep only entry and wiring at the top of server/', () => {
    const loose = serverFiles.filter((file) => file.split('/').length === 2);
    expect(loose).toEqual(['server/app.ts', 'server/cli.ts', 'server/config.ts', 'server/main.ts']);
  });
});
