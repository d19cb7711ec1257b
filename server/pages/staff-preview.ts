/**
 * The staff preview's way to the portal API: `/preview/v1/portal/*` is the portal API itself,
 * except that reporting a view (`POST …/views`) records nothing. The hosted page opened with
 * `?preview=1` points the element here (`api-base`), so staff can look at the portal as the
 * customer sees it without the link showing "viewed" or an invoice moving to `viewed`.
 *
 * Why on the server: the element reports views on its own once it renders, and a preview must
 * never count whatever element build a browser runs. Skipping the count needs no secret: the
 * view is the business's statistic, and anyone holding the token could skip it anyway.
 *
 * Forwarded requests pass through everything the portal API runs (CORS, rate limits); the token
 * segment is redacted in request logs like the portal's own.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { openPortalLink, portalGuard } from '../links/access.ts';

type FetchApp = { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };

export const PREVIEW_PREFIX = '/preview';

export function staffPreviewRoutes(app: FetchApp) {
  return new Hono<AppEnv>()
    .use('/v1/portal/*', async (c, next) => {
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      await next();
    })
    .post('/v1/portal/:token/views', async (c) => {
      await portalGuard()(c, async () => {});
      await openPortalLink(c, c.req.param('token'));
      return c.body(null, 204);
    })
    .all('/v1/portal/*', (c) => {
      const url = new URL(c.req.url);
      url.pathname = url.pathname.slice(PREVIEW_PREFIX.length);
      return app.fetch(new Request(url, c.req.raw), c.env);
    });
}
