/**
 * CORS on the portal API (`/v1/portal/*`). A browser may call it from the hosted page and Pay
 * Portal's own origin, and from the origins the business allows in its settings
 * (`allowed_origins`), found through the link the token opens. Every other origin is refused at
 * the request itself, before any handler runs, so that a page elsewhere cannot even make a simple
 * POST (`/views`) count. The refusal of a request (never its answer) is readable from that
 * origin, so the element on a page the business has not allowed can say so
 * (`origin_not_allowed`) instead of blaming the customer's connection (issue 11). It tells that
 * page nothing it could not learn already: a dead token's 404 is readable everywhere, so a
 * refusal it cannot read meant a live link.
 *
 * A preflight from such an origin is answered (204) so that the browser sends the call and the
 * page can read its refusal: a refused preflight would reach the element as a network error
 * ("check your connection") for every JSON call (quote, payments). Letting the call through
 * costs nothing: it is refused above every handler, with no body read and nothing changed. Such a
 * preflight is never cached (`Access-Control-Max-Age: 0`), so an origin the business allows later
 * is not held to it.
 *
 * A token that opens no live link (unknown, revoked, expired) names no business; its only answer
 * is the public `link_invalid` 404, which tells nothing, so any origin may read it. That keeps
 * the dead-link message working on the business's own site and makes unknown, revoked and
 * expired tokens answer alike from every origin.
 *
 * Requests without an `Origin` header are not CORS requests (servers, curl, a same-origin GET)
 * and pass untouched.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { businessSettings } from '../businesses/businesses.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { lookUpPortalLink } from '../links/access.ts';
import { linkStatus } from '../links/payment-links.ts';

export const PORTAL_METHODS = 'GET, POST, DELETE, OPTIONS';
export const PORTAL_HEADERS = 'Content-Type, Idempotency-Key';
/** What a cross-origin caller may read beyond the basics: when to retry, and a replayed answer. */
const EXPOSED_HEADERS = 'Retry-After, Idempotent-Replayed';
const PREFLIGHT_MAX_AGE = '600';

export function originRefused(): ApiError {
  return new ApiError(
    403,
    'permission_error',
    'origin_not_allowed',
    "This website is not one of the business's allowed origins.",
  );
}

/**
 * Pay Portal's own origin: the configured public URL's, or the host the request was sent to (a
 * browser sets both `Origin` and `Host`, and they only agree when the page is on this server).
 */
export function isSameOrigin(c: Context<AppEnv>, origin: string): boolean {
  if (origin === new URL(c.get('config').publicUrl).origin) return true;
  const host = c.req.header('host');
  if (!host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host.toLowerCase();
}

/** The token of `/v1/portal/:token/…`, or '' when the path has none. */
function tokenOf(path: string): string {
  const segment = path.split('/')[3] ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Whether `origin` may call the portal API with this token (see the file's comment). */
async function originAllowed(c: Context<AppEnv>, origin: string): Promise<boolean> {
  const token = tokenOf(c.req.path);
  const opened = token ? await lookUpPortalLink(c, token) : undefined;
  if (!opened || linkStatus(opened.link) !== 'active') return true;
  return businessSettings(opened.business).allowed_origins.includes(origin);
}

export function portalCors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('Vary', 'Origin');
    const origin = c.req.header('origin');
    const preflight = c.req.method === 'OPTIONS';
    if (!origin || isSameOrigin(c, origin)) {
      if (preflight) return c.body(null, 204);
      return next();
    }
    if (!(await originAllowed(c, origin))) {
      c.header('Access-Control-Allow-Origin', origin);
      if (preflight) {
        c.header('Access-Control-Allow-Methods', PORTAL_METHODS);
        c.header('Access-Control-Allow-Headers', PORTAL_HEADERS);
        c.header('Access-Control-Max-Age', '0');
        return c.body(null, 204);
      }
      throw originRefused();
    }
    c.header('Access-Control-Allow-Origin', origin);
    if (preflight) {
      c.header('Access-Control-Allow-Methods', PORTAL_METHODS);
      c.header('Access-Control-Allow-Headers', PORTAL_HEADERS);
      c.header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
      return c.body(null, 204);
    }
    c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    return next();
  };
}
