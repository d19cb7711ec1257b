/**
 * A cap on a request body, read no further than the cap. The refusal says `Connection: close`:
 * the rest of the body is never read, so the socket cannot carry another request, and a client
 * told so opens a new one instead of losing its next request to a "socket hang up" (issue 10).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.ts';

export function bodyCap(
  maxSize: number,
  status: 400 | 413,
  param: string | null = null,
): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(
        status,
        'invalid_request_error',
        'body_too_large',
        `The request body is too large (at most ${Math.round(maxSize / 1024)} KB).`,
        param,
        { connection: 'close' },
      );
    },
  });
}
