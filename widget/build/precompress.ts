/**
 * Brotli and gzip copies of every file the build writes (`pay-portal.js.br`, `pay-portal.js.gz`,
 * …), at the highest settings (source maps excepted), since this runs once per build and not
 * once per request. The server sends the copy the browser accepts (server/pages/widget-files.ts,
 * issue 13); a file under 1 KB, or one its copy would not shrink, gets none.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const MIN_BYTES = 1024;
const COMPRESSED = /\.(m?js|css|map)$/;

/** Writes `<file>.br` and `<file>.gz` beside `file`; returns their sizes. */
export function precompressFile(file: string): { br: number; gz: number } | null {
  const body = readFileSync(file);
  if (body.byteLength < MIN_BYTES) return null;
  // Source maps are fetched by developer tools only: a quicker setting keeps the build quick.
  const map = file.endsWith('.map');
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: map ? 6 : constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
  const gz = gzipSync(body, { level: map ? 6 : 9 });
  if (br.byteLength < body.byteLength) writeFileSync(`${file}.br`, br);
  if (gz.byteLength < body.byteLength) writeFileSync(`${file}.gz`, gz);
  return { br: br.byteLength, gz: gz.byteLength };
}

export function precompress(): Plugin {
  return {
    name: 'pay-portal:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist/widget';
      for (const name of Object.keys(bundle)) {
        if (COMPRESSED.test(name)) precompressFile(join(dir, name));
      }
    },
  };
}
