import type { MiddlewareHandler } from 'hono';
import { findBusinessByApiKey } from '../../businesses/businesses.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';

/** Staff API: `Authorization: Bearer <secret key>` names the business every call acts for. */
export function staffAuth(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const business = match?.[1] ? await findBusinessByApiKey(c.var.db, match[1]) : undefined;
    if (!business) {
      throw new ApiError(
        401,
        'authentication_error',
        match ? 'api_key_invalid' : 'api_key_missing',
        match
          ? 'The API key is not valid.'
          : 'Send your secret key as "Authorization: Bearer <key>".',
      );
    }
    c.set('business', business);
    await next();
  };
}
