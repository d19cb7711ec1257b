/**
 * What a built entry is made of, by source, from the build's metafile (widget/build/metafile.ts):
 * Lit, the strings, the styles, the element's UI code, and the money and shared rules (shared/),
 * each with its minified bytes and its gzip size alone (gzip of a part is not additive: the table
 * says each group's share, and the real file's size beside them).
 */
import { gzipSync } from 'node:zlib';
import type { Metafile } from '../../widget/build/metafile.ts';

export interface Group {
  name: string;
  modules: number;
  bytes: number;
  gzip: number;
}

const GROUPS: [string, RegExp][] = [
  ['lit', /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/],
  ['strings', /widget[\\/](i18n[\\/](en|en-later|es)\.ts|.*-(strings|words)\.ts)$/],
  ['styles', /\.styles\.ts$/],
  ['money and shared rules', /(^|[\\/])shared[\\/]/],
  ['UI', /(^|[\\/])widget[\\/]/],
];

export function breakdown(output: Metafile['outputs'][string]): Group[] {
  const code = new Map<string, string[]>();
  for (const [id, input] of Object.entries(output.inputs)) {
    const name = GROUPS.find(([, test]) => test.test(id))?.[0] ?? 'other (bundler helpers)';
    code.set(name, [...(code.get(name) ?? []), input.code]);
  }
  return [...code].map(([name, parts]) => ({
    name,
    modules: parts.length,
    bytes: parts.reduce((sum, part) => sum + part.length, 0),
    gzip: gzipSync(parts.join('\n')).length,
  }));
}

export function printBreakdown(
  file: string,
  output: Metafile['outputs'][string],
  real: { bytes: number; gzip: number },
): void {
  const groups = breakdown(output).sort((a, b) => b.bytes - a.bytes);
  const total = groups.reduce((sum, group) => sum + group.bytes, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
  const rows = [
    ['source', 'modules', 'minified', 'gzip alone', 'share'],
    ...groups.map((group) => [
      group.name,
      String(group.modules),
      kb(group.bytes),
      kb(group.gzip),
      `${((group.bytes / total) * 100).toFixed(1)} %`,
    ]),
    [`${file} (the real file)`, '', kb(real.bytes), kb(real.gzip), ''],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  console.log(
    [
      `What ${file} is made of (build metafile):`,
      line(rows[0]!),
      `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
      ...rows.slice(1).map(line),
    ].join('\n'),
  );
}
