/**
 * `<link rel="modulepreload">` for the hosted page (issue 13): the lazy parts of the element a
 * portal page will ask for at once, fetched while the entry is, so neither the account's view
 * nor the payment form waits on a round trip of its own after the entry has run. A part is
 * found in the build by its name (`account-view.<hash>.mjs`), with every file it imports
 * statically beside it (`from "./lent-lit.<hash>.mjs"`), read from the files the app serves;
 * a part the build lacks is left out (the element still loads what it needs).
 */
import type { WidgetFiles } from './widget-files.ts';

/**
 * The parts a portal page uses at once: the account's view; with something to pay, the form and
 * the receipt; and the element heading the page (`heading`: an estimate link's estimate view, an
 * invoice link's invoice view), which the element loads before it draws the account.
 */
export function portalParts(
  provider: string,
  payable: boolean,
  heading: 'estimate-view' | 'invoice-view' | null = null,
): string[] {
  const parts = payable
    ? ['account-view', `${provider}-form`, 'confirmation-view']
    : ['account-view'];
  return heading ? [...parts, heading] : parts;
}

const STATIC_IMPORT = /\b(?:from|import)\s*["']\.\/([\w.-]+\.mjs)["']/g;
const cache = new WeakMap<WidgetFiles, Map<string, string[]>>();

/** The files to preload for `parts`, each once, a part before what it imports. */
export function preloadFiles(widget: WidgetFiles, parts: readonly string[]): string[] {
  const key = parts.join(',');
  const known = cache.get(widget) ?? new Map<string, string[]>();
  cache.set(widget, known);
  const cached = known.get(key);
  if (cached) return cached;
  const names = [...widget.files.keys()];
  const files: string[] = [];
  const visit = (name: string) => {
    const file = widget.files.get(name);
    if (!file || files.includes(name)) return;
    files.push(name);
    const text = Buffer.from(file.body).toString('utf8');
    for (const [, imported] of text.matchAll(STATIC_IMPORT)) visit(imported!);
  };
  for (const part of parts) {
    const file = names.find((name) => new RegExp(`^${part}\\.[\\w-]{8}\\.mjs$`).test(name));
    if (file) visit(file);
  }
  known.set(key, files);
  return files;
}

export function preloadLinks(widget: WidgetFiles, parts: readonly string[]): string {
  return preloadFiles(widget, parts)
    .map((name) => `<link rel="modulepreload" href="/widget/${name}">`)
    .join('\n');
}
