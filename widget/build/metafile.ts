/**
 * A metafile of the element's build, written only when `PAY_PORTAL_METAFILE` names a file (the
 * size test asks for one; a normal build writes nothing more): for each entry script, each source
 * module in it with the bytes it adds once minified, and that minified code, so a reader can
 * group modules and gzip each group (test/size prints lit, strings, styles, UI and money that
 * way). Rolldown keeps each module's rendered code (tree-shaken, before the chunk is minified);
 * each is minified alone here, top-level names mangled as in the real file, so the figures are
 * close to, not exactly, each module's share of the shipped file.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { minifySync, type Plugin } from 'vite';

export interface MetafileInput {
  /** Bytes of this module's code once minified. */
  bytesInOutput: number;
  code: string;
}

export interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, MetafileInput> }>;
}

export function metafile(): Plugin {
  const target = process.env.PAY_PORTAL_METAFILE;
  const meta: Metafile = { outputs: {} };
  return {
    name: 'pay-portal:metafile',
    apply: 'build',
    generateBundle(_options, bundle) {
      if (!target) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const inputs: Record<string, MetafileInput> = {};
        for (const [id, module] of Object.entries(chunk.modules)) {
          if (!module.code) continue;
          const code = minifySync(id, module.code, {
            compress: true,
            mangle: { toplevel: true },
          }).code.trim();
          if (code) inputs[relative(process.cwd(), id)] = { bytesInOutput: code.length, code };
        }
        meta.outputs[chunk.fileName] = { bytes: chunk.code.length, inputs };
      }
    },
    closeBundle() {
      if (target) writeFileSync(target, JSON.stringify(meta));
    },
  };
}
