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

const TOKEN_PATHS = [
  /^(\/v1\/portal\/)[^/]+/,
  /^(\/p\/)[^/?#]+/,
  // The staff preview's way to the portal API (server/pages/staff-preview.ts).
  /^(\/preview\/v1\/portal\/)[^/]+/,
];

/**
 * What a token looks like: 16 or more base64url characters in one segment (ours are 43), perhaps
 * with a file extension. Our own ids (`pay_` and 20 base-62 characters) look alike and are kept: a
 * log names what it touched.
 */
const TOKEN_SEGMENT = /^([A-Za-z0-9_-]{16,})(\.[A-Za-z0-9]{1,5})?$/;
const ID_SHAPE =
  /^(biz|cus|inv|est|chg|crd|led|lin|pay|lnk|evt|re|pm|cns|hld|sbx|msg|qst)_[0-9A-Za-z]{20}$/;

function redactSegment(segment: string): string {
  if (segment.length < 16) return segment;
  const named = TOKEN_SEGMENT.exec(segment);
  if (!named || ID_SHAPE.test(named[1]!)) return segment;
  return `[token]${named[2] ?? ''}`;
}

/**
 * `/v1/portal/abc…/charges` → `/v1/portal/[token]/charges`; `/P//abc….pdf` → `/P//[token].pdf`.
 * It runs for every request, so segments are looked at one by one: a global pattern with a
 * look-behind and a replacer cost a busy server about 5 µs a request (issue 13).
 */
export function redactPath(path: string): string {
  for (const pattern of TOKEN_PATHS) {
    const route = pattern.exec(path);
    if (route) {
      path = `${route[1]}[token]${path.slice(route[0].length)}`;
      break;
    }
  }
  return path.split('/').map(redactSegment).join('/');
}

const { lsCacheSym, timeSym, chindingsSym, streamSym } = pino.symbols;

const INFO = 30;

/**
 * The line `logger.info({ method, path, status, ms }, 'request')` writes, made here from the
 * logger's own level, time and bindings, and written to its stream: pino's general path (an object
 * walked key by key, its serializers and redaction) was a tenth of a portal read's CPU (issue 13).
 * Falls back to `logger.info` should a pino release keep its state elsewhere;
 * test/api/logging.test.ts holds the two lines equal.
 */
export function logRequest(
  logger: Logger,
  request: { method: string; path: string; status: number; ms: number },
): void {
  if (!logger.isLevelEnabled('info')) return;
  const internals = logger as unknown as Record<symbol, unknown>;
  const level = (internals[lsCacheSym] as Record<number, unknown> | undefined)?.[INFO];
  const time = internals[timeSym];
  const bindings = internals[chindingsSym];
  const stream = internals[streamSym] as { write?: unknown } | undefined;
  if (
    typeof level !== 'string' ||
    typeof time !== 'function' ||
    typeof bindings !== 'string' ||
    typeof stream?.write !== 'function'
  ) {
    logger.info(request, 'request');
    return;
  }
  stream.write(
    `${level}${time()}${bindings},"method":${JSON.stringify(request.method)},` +
      `"path":${JSON.stringify(request.path)},"status":${request.status},` +
      `"ms":${request.ms},"msg":"request"}\n`,
  );
}

export function requestLogger(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logRequest(c.get('logger'), {
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}
