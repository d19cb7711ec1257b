/**
 * Request logging that never writes a link token: the token segment of a path is redacted, where
 * a route puts it and, by its shape, anywhere else (a mistyped `//v1/portal/T` or `/P/T` too).
 */
import type { MiddlewareHandler } from 'hono';
import pino, { type Logger } from 'pino';
import type { AppEnv } from './env.ts';

/** A pino logger; `destination` (stdout by default) lets tests read what would be written. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: ['req.headers.authorization', 'token'] };
  return destination ? pino(options, destination) : pino(options);
}

/** Lines held before they are written, and how long a line waits at most on a quiet server. */
export const LOG_BATCH_BYTES = 4096;
export const LOG_FLUSH_MS = 250;

/**
 * Stdout written in the background and in batches (issue 13): a request's log line is queued, and
 * the queue is written once it holds LOG_BATCH_BYTES (about 25 request lines) or LOG_FLUSH_MS
 * after the last write, whichever comes first. One write per line cost a busy server more CPU than
 * building the answer it logged (the thread pool's round trip for each). Pino writes what is queued
 * when the process exits, and `main.ts` flushes it on a stop. `dest`: a file instead (tests).
 */
export function backgroundStdout(dest: number | string = 1): ReturnType<typeof pino.destination> {
  return pino.destination({
    dest,
    sync: false,
    minLength: LOG_BATCH_BYTES,
    periodicFlush: LOG_FLUSH_MS,
  });
}

const TOKEN_PATHS = [
  /^(\/v1\/portal\/)[^/]+/,
  /^(\/p\/)[^/?#]+/,
  // The staff preview's way to the portal API (server/pages/staff-preview.ts).
  /^(\/preview\/v1\/portal\/)[^/]+/,
];

/**
 * What a token looks like: 16 or more base64url characters in one segment (ours are 43). Our own
 * ids (`pay_` and 20 base-62 characters) look alike and are kept: a log names what it touched.
 */
const TOKEN_SEGMENT = /(?<=^|\/)[A-Za-z0-9_-]{16,}(?=(\.[A-Za-z0-9]{1,5})?(\/|$))/g;
const ID_SHAPE =
  /^(biz|cus|inv|est|chg|crd|led|lin|pay|lnk|evt|re|pm|cns|hld|sbx|msg|qst)_[0-9A-Za-z]{20}$/;

/**
 * `/v1/portal/abc…/charges` → `/v1/portal/[token]/charges`; `/P//abc….pdf` → `/P//[token].pdf`.
 * One pass over the path: it runs for every request (issue 13).
 */
export function redactPath(path: string): string {
  for (const pattern of TOKEN_PATHS) {
    if (pattern.test(path)) path = path.replace(pattern, '$1[token]');
  }
  return path.replace(TOKEN_SEGMENT, (name) => (ID_SHAPE.test(name) ? name : '[token]'));
}

export function requestLogger(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    c.get('logger').info(
      {
        method: c.req.method,
        path: redactPath(c.req.path),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}
