/**
 * Compression on the wire (issue 13): a phone on a slow network downloads a third of the bytes.
 * The element's files are compressed once at build time (widget/build/precompress.ts) and served
 * by content negotiation (../pages/widget-files.ts); JSON answers and HTML pages are compressed
 * here, as they leave, when they are at least COMPRESS_MIN_BYTES long (below that the headers
 * and the work cost more than the bytes saved). Brotli when the client takes it, else gzip. An
 * answer's other headers are kept as they are: a `no-store` answer stays `no-store`.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export const COMPRESS_MIN_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with, from `Accept-Encoding` (RFC 9110 §12.5.3): brotli, else gzip, of
 * those the client accepts with a q-value above 0 (`*` stands for any not named); null for none.
 */
export function preferredEncoding(acceptEncoding: string | undefined | null): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...parameters] = part.trim().split(';');
    if (!name) continue;
    const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (encoding: Encoding) => (weights.get(encoding) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip') || (weights.get('x-gzip') ?? 0) > 0) return 'gzip';
  return null;
}

/** Adds `value` to the answer's `Vary` unless it is there already. */
export function addVary(headers: Headers, value: string): void {
  const vary = headers.get('vary');
  if (!vary) {
    headers.set('vary', value);
    return;
  }
  if (!varies(vary, value)) headers.set('vary', `${vary}, ${value}`);
}

/** Whether a `Vary` list names `value` (any case) or `*`. Read on every answer: no arrays made. */
function varies(vary: string, value: string): boolean {
  const wanted = value.toLowerCase();
  for (let start = 0; start <= vary.length; ) {
    let end = vary.indexOf(',', start);
    if (end < 0) end = vary.length;
    const name = vary.slice(start, end).trim().toLowerCase();
    if (name === wanted || name === '*') return true;
    start = end + 1;
  }
  return false;
}

/**
 * Brotli at quality 5 for answers made on each request: most of quality 11's gain for a few
 * hundredths of its time (build-time files use 11).
 */
export function compressNow(body: Uint8Array, encoding: Encoding): Uint8Array {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipSync(body, { level: 6 });
}

const COMPRESSIBLE = /^(application\/(json|problem\+json)|text\/html)\b/i;
const NO_TRANSFORM = /\bno-transform\b/i;

/**
 * Compresses JSON and HTML answers of COMPRESS_MIN_BYTES or more for clients that take it. The
 * answer's body is not touched for a client that takes no encoding: reading `body` turns the
 * Node adapter's light answer (a string written at once) into a stream read chunk by chunk.
 */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'HEAD') return;
    const response = c.res;
    // Every answer passes here: each header read below costs, so the cheapest checks come first.
    const headers = response.headers;
    if (!COMPRESSIBLE.test(headers.get('content-type') ?? '')) return;
    if (headers.has('content-encoding')) return;
    const cacheControl = headers.get('cache-control');
    if (cacheControl && NO_TRANSFORM.test(cacheControl)) return;
    // A cache in between keeps one copy per encoding, whatever this answer's size.
    addVary(headers, 'Accept-Encoding');
    if (response.status === 204 || response.status === 304) return;
    const encoding = preferredEncoding(c.req.header('accept-encoding'));
    if (!encoding) return;
    const body = new Uint8Array(await response.arrayBuffer());
    const small = body.byteLength < COMPRESS_MIN_BYTES;
    const sent = small ? body : compressNow(body, encoding);
    const answerHeaders = new Headers(headers);
    if (!small) answerHeaders.set('content-encoding', encoding);
    answerHeaders.set('content-length', String(sent.byteLength));
    // Cleared first: setting c.res over an answer would copy the old answer's headers onto it.
    c.res = undefined;
    c.res = new Response(sent as Uint8Array<ArrayBuffer>, {
      status: response.status,
      headers: answerHeaders,
    });
  };
}
