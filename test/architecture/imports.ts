/**
 * The repository's import graph as TypeScript reads it: every static import and export-from,
 * `import type` included, and every dynamic `import('…')` with a literal path. Only relative
 * imports between our own files are edges; packages are not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  from: string;
  to: string;
}

/** Source files (not tests) below `folders`, as paths relative to `root`. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
      } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        files.push(normalize(path));
      }
    }
  };
  for (const folder of folders) walk(folder);
  return files.sort();
}

/** The relative imports of each file, resolved to repository paths. */
export function importGraph(root: string, files: readonly string[]): Map<string, ImportEdge[]> {
  const graph = new Map<string, ImportEdge[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const edges = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('./') || name.startsWith('../'))
      .map((name) => ({ from: file, to: normalize(join(dirname(file), name)) }));
    graph.set(file, edges);
  }
  return graph;
}

/** The import circles: each strongly connected component of more than one file (Tarjan). */
export function importCircles(graph: Map<string, ImportEdge[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const { to } of graph.get(file) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file)!, index.get(to)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || selfImport(graph, file)) circles.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

function selfImport(graph: Map<string, ImportEdge[]>, file: string): boolean {
  return (graph.get(file) ?? []).some((edge) => edge.to === file);
}

/**
 * The layer a file stands on: the index of the first entry of `layers` (folders or files,
 * relative to `base`) that holds it, or -1.
 */
export function layerOf(file: string, base: string, layers: readonly (readonly string[])[]) {
  const path = relative(base, file);
  return layers.findIndex((names) =>
    names.some((name) => path === name || path.startsWith(`${name}/`)),
  );
}
