/**
 * The event catalog in the OpenAPI document's `webhooks` section (OpenAPI 3.1): one entry per
 * event type, its body the event with `data.object` as the staff API's own schema, and the three
 * Standard Webhooks headers. Written from events/catalog.ts, so a type added there is documented.
 */

import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { API_VERSION, EVENT_CATALOG, type EventType } from '../../events/catalog.ts';
import { Timestamp } from '../../http/schemas.ts';
import { Balance, Customer } from './customers.ts';
import { Estimate } from './estimates.ts';
import { Invoice } from './invoices.ts';
import { PaymentLinkSchema } from './payment-links.ts';
import { Refund, StaffPayment } from './payments.ts';

const OBJECTS = {
  payment: StaffPayment,
  invoice: Invoice,
  estimate: Estimate,
  payment_link: PaymentLinkSchema,
  customer: Customer,
  balance: Balance,
} as const;

/** What some types carry in `data` beside `object`. */
const EXTRA: Partial<Record<EventType, Record<string, z.ZodType>>> = {
  'payment.refunded': { refund: Refund },
  'invoice.sent': { channel: z.enum(['email', 'sms']) },
  'estimate.declined': { reason: z.string().nullable() },
  'estimate.question': {
    question: z.object({ id: z.string(), message: z.string(), created: Timestamp }),
  },
  'customer.sms_opt_out': { phone: z.string() },
  'customer.credit_changed': { credit: z.number().int(), previous_credit: z.number().int() },
};

const headers = z.object({
  'webhook-id': z.string().openapi({ description: "The event's id: the same on every retry." }),
  'webhook-timestamp': z.string().openapi({ description: 'Unix seconds when it was sent.' }),
  'webhook-signature': z.string().openapi({
    description:
      '`v1,<base64 HMAC-SHA256>` per secret that signs now (two during a roll), space-separated.',
  }),
});

export function registerWebhookCatalog(registry: OpenAPIHono['openAPIRegistry']) {
  for (const [type, entry] of Object.entries(EVENT_CATALOG) as [
    EventType,
    (typeof EVENT_CATALOG)[EventType],
  ][]) {
    const name = `${type.replace(/[._](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase())}Event`;
    const body = z
      .object({
        id: z.string(),
        object: z.literal('event'),
        type: z.literal(type),
        api_version: z.string().openapi({ example: API_VERSION }),
        created: Timestamp,
        data: z.object({ object: OBJECTS[entry.object], ...EXTRA[type] }),
      })
      .openapi(name);
    registry.registerWebhook({
      method: 'post',
      path: type,
      summary: type,
      description: `${entry.description} Signed by Standard Webhooks (docs/webhooks.md). Answer 2xx within 10 seconds; anything else is retried with backoff for about three days.`,
      tags: ['Webhooks'],
      request: { headers, body: { content: { 'application/json': { schema: body } } } },
      responses: { 200: { description: 'Received (any 2xx).' } },
    });
  }
}
