/**
 * `/v1/portal/:token`: the customer's read API. The token is the only credential; portalGuard()
 * (mounted in app.ts) rate limits every request, and openPortalLink() answers every dead token
 * with the same 404. A GET here changes nothing.
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { openPortalLink } from '../../links/access.ts';
import { providerMethods } from '../../payments/providers.ts';
import { portalCharges } from '../../portal/charges.ts';
import { portalInvoicePage } from '../../portal/invoice-pages.ts';
import { portalQuote } from '../../portal/quote.ts';
import {
  Portal,
  PortalCharges,
  PortalChargesQuery,
  PortalInvoices,
  PortalInvoicesQuery,
  Quote,
  QuoteRequest,
  TokenParam,
} from '../../portal/schemas.ts';
import { portalView } from '../../portal/view.ts';
import { recordPortalView } from '../../portal/viewed.ts';

const tags = ['Portal'];

/** The portal read: the request every customer makes, and the one issue 13 measures. */
const readPortal = createRoute({
  method: 'get',
  path: '/{token}',
  tags,
  summary: 'What the customer sees: branding, balance, invoices, estimates, tips, methods',
  request: { params: TokenParam },
  responses: { 200: jsonResponse(Portal, 'The portal'), ...errorResponses(404, 429) },
});

const portalRead = new OpenAPIHono<AppEnv>(openApiHooks);
// Documented by its route and served without the validator `.openapi()` puts in front: it only
// checked that a path segment is a string (any string is a token to look up; an unknown one
// gets the same 404), and its layer cost a read several µs of CPU (issue 13, docs/performance.md).
// The answer is still held to the Portal schema by its type.
portalRead.openAPIRegistry.registerPath(readPortal);
portalRead.get('/:token', async (c) => {
  const scope = await openPortalLink(c, c.req.param('token'));
  const portal: z.output<typeof Portal> = await portalView(c.get('db'), c.get('config'), scope);
  return c.json(portal, 200);
});

export const portalRoutes = portalRead
  .openapi(
    createRoute({
      method: 'post',
      path: '/{token}/views',
      tags,
      summary: 'Report that the customer saw the portal',
      description:
        'Sent by the element once it has rendered. Records `viewed` on the link and moves the ' +
        'invoices shown from `open` to `viewed`. Fetching the portal does neither, so mail ' +
        'scanners that open every link are not counted.',
      request: { params: TokenParam },
      responses: { 204: { description: 'Recorded' }, ...errorResponses(404, 429) },
    }),
    async (c) => {
      const scope = await openPortalLink(c, c.req.valid('param').token);
      const db = c.get('db');
      await db.transaction().execute((trx) => recordPortalView(trx, scope));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{token}/charges',
      tags,
      summary: 'Recent billing line items, newest first',
      description: "`amount` excludes `tax`. An invoice link lists that invoice's charges only.",
      request: { params: TokenParam, query: PortalChargesQuery },
      responses: {
        200: jsonResponse(PortalCharges, 'A page of charges'),
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const scope = await openPortalLink(c, c.req.valid('param').token);
      return c.json(await portalCharges(c.get('db'), scope, c.req.valid('query').limit), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{token}/invoices',
      tags,
      summary: 'More open invoices, oldest first, after those the portal showed',
      description:
        'The portal answer shows the first 10 open invoices (`invoices_summary.has_more` when ' +
        'there are more); this lists the next ones after `starting_after`, the last invoice ' +
        'already shown. An id that is not one of the customer’s invoices gives an empty page.',
      request: { params: TokenParam, query: PortalInvoicesQuery },
      responses: {
        200: jsonResponse(PortalInvoices, 'A page of open invoices'),
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const scope = await openPortalLink(c, c.req.valid('param').token);
      return c.json(await portalInvoicePage(c.get('db'), scope, c.req.valid('query')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{token}/quote',
      tags,
      summary: 'Subtotal, tip, convenience fee and total of a payment being chosen',
      description:
        'Computed by the same code the element runs (shared/quote.ts). Choices that do not fit ' +
        'what is open on this link answer 422 with the offending `param`.',
      request: { params: TokenParam, ...jsonBody(QuoteRequest) },
      responses: {
        200: jsonResponse(Quote, 'The quote'),
        ...errorResponses(400, 404, 422, 429),
      },
    }),
    async (c) => {
      const scope = await openPortalLink(c, c.req.valid('param').token);
      const offered = providerMethods(c.get('config'), scope.business.currency).map((m) => m.type);
      return c.json(await portalQuote(c.get('db'), scope, c.req.valid('json'), offered), 200);
    },
  );
