/**
 * `POST /v1/payment_links/:id/send`: staff send a link to its customer by email. The message is
 * queued in the outbox (server/outbox/outbox.ts) and the link records `sent` with channel `email`
 * in the same transaction, so the activity says "sent" exactly when a message was queued.
 *
 * Email is the only channel: SMS needs a provider this product does not have yet, and a channel
 * it cannot use is refused (400) rather than recorded as sent.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { businessSettings } from '../../businesses/businesses.ts';
import type { AppEnv } from '../../http/env.ts';
import { conflict, unprocessable } from '../../http/errors.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, idParam, jsonBody, jsonResponse, Timestamp } from '../../http/schemas.ts';
import { paymentLinkEmail } from '../../links/link-email.ts';
import { recordLinkEvent } from '../../links/link-events.ts';
import { getPaymentLink, linkStatus } from '../../links/payment-links.ts';
import { unsealToken } from '../../links/tokens.ts';
import { enqueueEmail } from '../../outbox/outbox.ts';

const SendLink = z
  .object({
    channel: z.literal('email').default('email'),
    to: z.email().max(254).optional().openapi({ description: "Default: the customer's email." }),
  })
  .openapi('SendPaymentLink');

export const SentEvent = z
  .object({
    id: z.string(),
    object: z.literal('link_event'),
    type: z.literal('sent'),
    channel: z.literal('email'),
    created: Timestamp,
    detail: z.object({ to: z.string(), message: z.string() }),
  })
  .openapi('SentLinkEvent');

export const paymentLinkSendRoutes = new OpenAPIHono<AppEnv>(openApiHooks).openapi(
  createRoute({
    method: 'post',
    path: '/{id}/send',
    tags: ['Payment links'],
    security: [{ bearer: [] }],
    summary: 'Send the link to the customer by email (through the outbox)',
    description:
      'Queues an email with the link in the outbox and records `sent` (channel `email`). ' +
      "`to` defaults to the customer's email; 422 `customer_email_missing` when there is none. " +
      '409 when the link is revoked or expired.',
    request: { params: idParam('lnk'), ...jsonBody(SendLink) },
    responses: {
      200: jsonResponse(SentEvent, 'The `sent` event'),
      ...errorResponses(400, 401, 404, 409, 422),
    },
  }),
  async (c) => {
    const { db, business, config } = c.var;
    const input = c.req.valid('json');
    const link = await getPaymentLink(db, business.id, c.req.valid('param').id);
    const status = linkStatus(link);
    if (status !== 'active') {
      throw conflict(`link_${status}`, `This link is ${status}; it cannot be sent.`);
    }
    const customer = await db
      .selectFrom('customers')
      .select(['name', 'email'])
      .where('id', '=', link.customer_id)
      .executeTakeFirstOrThrow();
    const to = input.to ?? customer.email;
    if (!to) {
      throw unprocessable(
        'customer_email_missing',
        'The customer has no email: give one in `to`, or add it to the customer.',
        'to',
      );
    }
    const token = unsealToken(link.token_sealed, link.id, config.appSecret);
    if (token === null) {
      throw conflict(
        'link_url_unavailable',
        "The link's URL cannot be shown again (the server's secret changed): regenerate it.",
      );
    }
    const documentNumber = await linkDocumentNumber(c.var.db, link);
    const { branding } = businessSettings(business);
    const email = paymentLinkEmail({
      business: {
        name: business.name,
        locale: business.locale,
        brandColor: branding.brand_color,
        contact: branding.email ?? branding.phone,
      },
      customerName: customer.name,
      kind: link.kind,
      documentNumber,
      url: `${config.publicUrl}/p/${token}`,
    });
    const { event, detail } = await db.transaction().execute(async (trx) => {
      const message = await enqueueEmail(trx, {
        business_id: business.id,
        kind: 'link',
        to,
        reply_to: branding.email,
        ...email,
      });
      const detail = { to, message: message.id };
      return {
        event: await recordLinkEvent(trx, link, 'sent', { channel: 'email', detail }),
        detail,
      };
    });
    return c.json(
      {
        id: event.id,
        object: 'link_event' as const,
        type: 'sent' as const,
        channel: 'email' as const,
        created: event.created_at,
        detail,
      },
      200,
    );
  },
);

async function linkDocumentNumber(
  db: AppEnv['Variables']['db'],
  link: { invoice_id: string | null; estimate_id: string | null },
): Promise<string | null> {
  if (link.invoice_id) {
    const invoice = await db
      .selectFrom('invoices')
      .select('number')
      .where('id', '=', link.invoice_id)
      .executeTakeFirst();
    return invoice?.number ?? null;
  }
  if (link.estimate_id) {
    const estimate = await db
      .selectFrom('estimates')
      .select('number')
      .where('id', '=', link.estimate_id)
      .executeTakeFirst();
    return estimate?.number ?? null;
  }
  return null;
}
