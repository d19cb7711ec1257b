/**
 * The one error shape of the API: `{"error": {"type", "code", "message", "param"}}`.
 * Handlers throw `ApiError`; validation failures and anything unforeseen are mapped here.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'idempotency_error'
  | 'rate_limit_error'
  | 'api_error';

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toJSON() {
    return {
      error: { type: this.type, code: this.code, message: this.message, param: this.param },
    };
  }
}

export function notFound(what: string, param: string | null = null): ApiError {
  return new ApiError(404, 'invalid_request_error', 'resource_missing', `No such ${what}.`, param);
}

export function unprocessable(
  code: string,
  message: string,
  param: string | null = null,
): ApiError {
  return new ApiError(422, 'invalid_request_error', code, message, param);
}

export function conflict(code: string, message: string, param: string | null = null): ApiError {
  return new ApiError(409, 'invalid_request_error', code, message, param);
}

/** `lines[0].quantity` from zod's path `['lines', 0, 'quantity']`. */
export function paramName(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/**
 * The first problem zod found, as our error. `input` is what the caller sent: a field that is not
 * there is `parameter_missing`, whatever rule it then failed (a type, an enum, a format).
 */
export function validationError(error: ZodError, input?: unknown): ApiError {
  const issue = error.issues[0];
  const param = issue ? paramName(issue.path) : null;
  const missing =
    issue !== undefined &&
    issue.path.length > 0 &&
    valueAt(input, issue.path) === undefined &&
    (input !== undefined || /received undefined/.test(issue.message));
  const message = issue
    ? `${param ? `${param}: ` : ''}${missing ? 'is required' : issue.message}`
    : 'Invalid request.';
  return new ApiError(
    400,
    'invalid_request_error',
    missing ? 'parameter_missing' : 'parameter_invalid',
    message,
    param,
  );
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function respondWithError(error: unknown, c: Context) {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json(error.toJSON(), error.status);
  }
  if (error instanceof HTTPException) {
    // The framework's refusals (unreadable JSON, a body that is not JSON) are the caller's bad
    // input, in our shape: 415 for a content type other than JSON (HTTP's word for it, as
    // docs/api.md says), else 400.
    const unauthorized = error.status === 401;
    const refusal = new ApiError(
      unauthorized ? 401 : error.status === 415 ? 415 : 400,
      unauthorized ? 'authentication_error' : 'invalid_request_error',
      unauthorized
        ? 'unauthorized'
        : error.status === 415
          ? 'content_type_invalid'
          : 'body_invalid',
      error.status === 415
        ? 'Send the body as JSON, with "Content-Type: application/json".'
        : error.message || 'The request could not be read.',
    );
    return c.json(refusal.toJSON(), refusal.status);
  }
  c.var.logger?.error({ err: error }, 'unhandled error');
  return c.json(
    new ApiError(500, 'api_error', 'internal', 'Something went wrong on our side.').toJSON(),
    500,
  );
}
