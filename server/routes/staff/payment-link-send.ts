/**
 * `POST /v1/payment_links/:id/send`: staff send a link to its customer by email or by text. The
 * message is queued in the outbox (server/outbox/outbox.ts) and the link records `sent` with its
 * channel in the same transaction, so the activity says "sent" exactly when a message was queued.
 * A text goes through queueText (server/texts/queue.ts): only to a number with recorded consent
 * that has not replied STOP; otherwise 422 with the reason, and nothing is recorded.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { businessSettings } from '../../businesses/businesses.ts';
import { customerLocale, forCustomer } from '../../businesses/customer-locale.ts';
import type { AppEnv } from '../../http/env.ts';
import { conflict, unprocessable } from '../../http/errors.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, idParam, jsonBody, jsonResponse, Timestamp } from '../../http/schemas.ts';
import { emitInvoiceSent } from '../../invoices/events.ts';
import { paymentLinkEmail } from '../../links/link-email.ts';
import { recordLinkEvent } from '../../links/link-events.ts';
import { paymentLinkText } from '../../links/link-text.ts';
import { getPaymentLink, linkStatus } from '../../links/payment-links.ts';
import { unsealToken } from '../../links/tokens.ts';
import { enqueueEmail } from '../../outbox/outbox.ts';
import { queueText, type SkipReason } from '../../texts/queue.ts';

const SendLink = z
  .object({
    channel: z.enum(['email', 'sms']).default('email'),
    to: z
      .string()
      .trim()
      .min(1)
      .max(254)
      .optional()
      .openapi({
        description:
          "email: an address, default the customer's email. sms: a number (E.164, or ten digits " +
          "for North America), default the customer's most recently consented number.",
      }),
  })
  .superRefine((input, ctx) => {
    if (input.to === undefined) return;
    const valid =
      input.channel === 'email'
        ? z.email().safeParse(input.to).success
        : /^\+?[0-9 ().-]{7,20}$/.test(input.to);
    if (!valid) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: input.channel === 'email' ? 'must be an email' : 'must be a phone number',
      });
    }
  })
  .openapi('SendPaymentLink');

export const SentEvent = z
  .object({
    id: z.string(),
    object: z.literal('link_event'),
    type: z.literal('sent'),
    channel: z.enum(['email', 'sms']),
    created: Timestamp,
    detail: z.object({ to: z.string(), message: z.string() }),
  })
  .openapi('SentLinkEvent');

/** Why a text could not be sent, as the 422's code and message. */
const TEXT_REFUSALS: Record<SkipReason, [string, string]> = {
  customer_not_found: ['customer_missing', 'The link has no customer to text.'],
  no_phone: [
    'customer_phone_missing',
    'The customer has no number with consent to texts: give one in `to`, or record consent.',
  ],
  invalid_phone: ['phone_invalid', 'That is not a phone number a text can go to (use +1…).'],
  no_consent: [
    'sms_consent_missing',
    'The customer has not agreed to texts at this number: record their consent first (POST /v1/customers/:id/sms_consents).',
  ],
  opted_out: [
    'sms_opted_out',
    'This number replied STOP: it gets no texts until it replies START.',
  ],
  too_long: ['sms_too_long', 'The text would be longer than 1,600 characters.'],
};

export const paymentLinkSendRoutes = new OpenAPIHono<AppEnv>(openApiHooks).openapi(
  createRoute({
    method: 'post',
    path: '/{id}/send',
    tags: ['Payment links'],
    security: [{ bearer: [] }],
    summary: 'Send the link to the customer by email or text (through the outbox)',
    description:
      'Queues an email or a text with the link in the outbox and records `sent` with its channel. ' +
      "email: `to` defaults to the customer's email; 422 `customer_email_missing` when there is none. " +
      "sms: `to` defaults to the customer's consented number; only a number with recorded consent " +
      'that has not replied STOP: 422 `sms_consent_missing`, `sms_opted_out`, ' +
      '`customer_phone_missing` or `phone_invalid` otherwise. 409 when the link is revoked or expired.',
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
      .select(['name', 'email', 'locale'])
      .where('id', '=', link.customer_id)
      .executeTakeFirstOrThrow();
    const to = input.channel === 'email' ? (input.to ?? customer.email) : (input.to ?? null);
    if (input.channel === 'email' && !to) {
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
    const url = `${config.publicUrl}/p/${token}`;
    if (input.channel === 'sms') {
      const body = paymentLinkText({
        business: forCustomer(business, customer),
        kind: link.kind,
        documentNumber,
        url,
      });
      const sent = await db.transaction().execute(async (trx) => {
        const queued = await queueText(trx, {
          businessId: business.id,
          customerId: link.customer_id,
          to,
          body,
          kind: 'link',
          paymentLinkId: link.id,
          invoiceId: link.invoice_id,
        });
        if (queued.status === 'skipped') return queued;
        const detail = { to: queued.to, message: queued.message.id };
        const event = await recordLinkEvent(trx, link, 'sent', { channel: 'sms', detail });
        if (link.invoice_id) await emitInvoiceSent(trx, link.invoice_id, 'sms');
        return { status: 'queued' as const, event, detail };
      });
      if (sent.status === 'skipped') {
        const [code, message] = TEXT_REFUSALS[sent.reason];
        throw unprocessable(code, message, 'to');
      }
      return c.json(
        {
          id: sent.event.id,
          object: 'link_event' as const,
          type: 'sent' as const,
          channel: 'sms' as const,
          created: sent.event.created_at,
          detail: sent.detail,
        },
        200,
      );
    }
    const { branding } = businessSettings(business);
    const email = paymentLinkEmail({
      business: {
        name: business.name,
        locale: customerLocale(business.locale, customer.locale),
        brandColor: branding.brand_color,
        contact: branding.email ?? branding.phone,
      },
      customerName: customer.name,
      kind: link.kind,
      documentNumber,
      url,
    });
    const emailTo = to as string;
    const { event, detail } = await db.transaction().execute(async (trx) => {
      const message = await enqueueEmail(trx, {
        business_id: business.id,
        kind: 'link',
        to: emailTo,
        reply_to: branding.email,
        ...email,
      });
      const detail = { to: emailTo, message: message.id };
      if (link.invoice_id) await emitInvoiceSent(trx, link.invoice_id, 'email');
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
