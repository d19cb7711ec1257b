/** Request logging that never writes a link token: the token segment of a path is redacted. */
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

/** `/v1/portal/abc…/charges` → `/v1/portal/[token]/charges`. */
export function redactPath(path: string): string {
  for (const pattern of TOKEN_PATHS) {
    if (pattern.test(path)) return path.replace(pattern, '$1[token]');
  }
  return path;
}

export function requestLogger(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    c.var.logger.info(
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
