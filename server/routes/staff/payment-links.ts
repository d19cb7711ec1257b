/**
 * `/v1/payment_links`: staff make, show, regenerate and revoke links, and read their activity.
 *
 * The URL is shown again on every read, not only when the link is made: staff copy and resend
 * links from the demo page, so the token is kept sealed under APP_SECRET (see server/links/tokens.ts).
 * Sending by email or SMS (`/send`) comes with the outbox.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Config } from '../../config.ts';
import type { LinkEventTable } from '../../db/schema.ts';
import type { AppEnv } from '../../http/env.ts';
import { ListQuery, listAnswer, listHandler, listRoute } from '../../http/lists.ts';
import { openApiHooks } from '../../http/openapi.ts';
import {
  errorResponses,
  idParam,
  jsonBody,
  jsonResponse,
  prefixedId,
  Timestamp,
} from '../../http/schemas.ts';
import { listLinkEvents, recordLinkEvent } from '../../links/link-events.ts';
import { paymentLinkView } from '../../links/link-view.ts';
import {
  createPaymentLink,
  getPaymentLink,
  type LinkTarget,
  listPaymentLinks,
  type PaymentLink,
  regeneratePaymentLink,
  revokePaymentLink,
} from '../../links/payment-links.ts';
import { unsealToken } from '../../links/tokens.ts';

const TARGETS = ['customer', 'invoice', 'estimate'] as const;

const NewPaymentLink = z
  .object({
    customer: prefixedId('cus').optional(),
    invoice: prefixedId('inv').optional(),
    estimate: prefixedId('est').optional(),
  })
  .superRefine((input, ctx) => {
    const given = TARGETS.filter((target) => input[target] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [given[1] ?? 'customer'],
        message: 'give exactly one of customer, invoice or estimate',
      });
    }
  })
  .openapi('NewPaymentLink', { description: 'Exactly one of `customer`, `invoice`, `estimate`.' });

export const PaymentLinkSchema = z
  .object({
    id: z.string(),
    object: z.literal('payment_link'),
    kind: z.enum(['customer', 'invoice', 'estimate']),
    customer: z.string(),
    invoice: z.string().nullable(),
    estimate: z.string().nullable(),
    url: z.string().nullable().openapi({
      description: 'The link to give the customer; null only if APP_SECRET changed since.',
    }),
    status: z.enum(['active', 'revoked', 'expired']),
    expires: Timestamp.nullable(),
    created: Timestamp,
  })
  .openapi('PaymentLink');

export const LinkEvent = z
  .object({
    id: z.string(),
    object: z.literal('link_event'),
    type: z.enum([
      'created',
      'copied',
      'sent',
      'viewed',
      'payment_made',
      'regenerated',
      'revoked',
      'reminder',
    ]),
    channel: z.string().nullable(),
    created: Timestamp,
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('LinkEvent');

const LinkListQuery = ListQuery.extend({ customer: prefixedId('cus').optional() });
const EventListQuery = ListQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(100),
});

function linkView(link: PaymentLink, config: Config, token?: string) {
  const clear = token ?? unsealToken(link.token_sealed, link.id, config.appSecret);
  // From the configured public URL only, never from the request's Host header.
  return paymentLinkView(link, clear === null ? null : `${config.publicUrl}/p/${clear}`);
}

function eventView(event: LinkEventTable) {
  return {
    id: event.id,
    object: 'link_event' as const,
    type: event.type,
    channel: event.channel,
    created: event.created_at,
    detail: event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : null,
  };
}

const security = [{ bearer: [] }];
const tags = ['Payment links'];
const linkAnswer = { 200: jsonResponse(PaymentLinkSchema, 'The payment link') };

export const paymentLinkRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      security,
      summary: 'Create a link to a customer, an invoice or an estimate',
      request: jsonBody(NewPaymentLink),
      responses: { ...linkAnswer, ...errorResponses(400, 401, 404, 409) },
    }),
    async (c) => {
      const { db, business, config } = c.var;
      const target = c.req.valid('json') as LinkTarget;
      const { link, token } = await db
        .transaction()
        .execute((trx) => createPaymentLink(trx, business, target, config.appSecret));
      return c.json(linkView(link, config, token), 200);
    },
  )
  .openapi(
    listRoute({
      tags,
      summary: 'List links, newest first; `customer` narrows to one customer',
      request: { query: LinkListQuery },
      item: PaymentLinkSchema,
      page: 'A page of links',
    }),
    listHandler(
      (c, page) => listPaymentLinks(c.var.db, c.var.business.id, page),
      (c, rows) => rows.map((link) => linkView(link, c.var.config)),
    ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      summary: 'Retrieve a link, its URL included',
      description:
        'The URL can be shown again on purpose, so staff can copy or resend a link: the token ' +
        'is stored as a SHA-256 hash for lookup and a copy sealed (AES-256-GCM) under the ' +
        "server's APP_SECRET. It is never logged.",
      request: { params: idParam('lnk') },
      responses: { ...linkAnswer, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db, business, config } = c.var;
      const link = await getPaymentLink(db, business.id, c.req.valid('param').id);
      return c.json(linkView(link, config), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/regenerate',
      tags,
      security,
      summary: 'Give the link a new token; the old one stops working at once',
      request: { params: idParam('lnk') },
      responses: { ...linkAnswer, ...errorResponses(400, 401, 404, 409) },
    }),
    async (c) => {
      const { db, business, config } = c.var;
      const id = c.req.valid('param').id;
      const { link, token } = await db
        .transaction()
        .execute((trx) => regeneratePaymentLink(trx, business, id, config.appSecret));
      return c.json(linkView(link, config, token), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/revoke',
      tags,
      security,
      summary: 'Revoke the link for good',
      request: { params: idParam('lnk') },
      responses: { ...linkAnswer, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db, business, config } = c.var;
      const id = c.req.valid('param').id;
      const link = await db.transaction().execute((trx) => revokePaymentLink(trx, business.id, id));
      return c.json(linkView(link, config), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/events',
      tags,
      security,
      summary: 'Record that staff copied the link',
      description:
        'Other activity (created, sent, viewed, payment made…) is recorded by Pay Portal.',
      request: {
        params: idParam('lnk'),
        ...jsonBody(z.object({ type: z.literal('copied') }).openapi('NewLinkEvent')),
      },
      responses: {
        200: jsonResponse(LinkEvent, 'The event'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const link = await getPaymentLink(db, business.id, c.req.valid('param').id);
      const event = await recordLinkEvent(db, link, c.req.valid('json').type);
      return c.json(eventView(event), 200);
    },
  )
  .openapi(
    listRoute({
      path: '/{id}/events',
      tags,
      summary: "The link's activity, oldest first",
      request: { params: idParam('lnk'), query: EventListQuery },
      item: LinkEvent,
      page: 'A page of events',
    }),
    async (c) => {
      const { db, business } = c.var;
      const page = c.req.valid('query');
      const link = await getPaymentLink(db, business.id, c.req.valid('param').id);
      const rows = await listLinkEvents(db, link, page);
      return c.json(await listAnswer(rows, page.limit, (data) => data.map(eventView)), 200);
    },
  );
