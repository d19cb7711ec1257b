/**
 * `/v1/outbox`: the business's email and texts, one list, with each message's delivery state and
 * (on a single message) its log (staff API).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { ListQuery, listHandler, listRoute } from '../../http/lists.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, jsonResponse, prefixedId, Timestamp } from '../../http/schemas.ts';
import { messageLog } from '../../outbox/log.ts';
import { getOutboxMessage, listOutboxMessages, retryOutboxMessage } from '../../outbox/outbox.ts';
import { outboxMessageView } from '../../outbox/views.ts';

const emailKinds = [
  'receipt',
  'payment_notice',
  'refund_failed',
  'refund',
  'dispute',
  'estimate_decision',
  'question',
  'link',
  'reminder',
  'portal_access',
  'estimate_approved',
  'webhook_disabled',
] as const;
const textKinds = ['link', 'reminder', 'portal_access', 'keyword_reply'] as const;
const kinds = [...new Set([...emailKinds, ...textKinds])] as [string, ...string[]];
const states = ['pending', 'sent', 'failed'] as const;
const deliveryStatuses = [
  'accepted',
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
] as const;

const Delivery = {
  state: z.enum(states).openapi({
    description:
      'pending: waiting to be sent (always, while SMTP_URL is not set for email or SMS_PROVIDER is outbox for texts) or to be tried again; sent: handed to the SMTP server or to Twilio; failed: given up after repeated errors, refused for good (an invalid number), or reported undelivered (POST …/retry tries again).',
  }),
  attempts: z.number().int(),
  last_error: z.string().nullable(),
  next_attempt_at: Timestamp.nullable(),
  sent_at: Timestamp.nullable(),
  created: Timestamp,
};
export const Email = z
  .object({
    id: z.string(),
    object: z.literal('email'),
    channel: z.literal('email'),
    kind: z.enum(emailKinds),
    to: z.string(),
    reply_to: z.string().nullable(),
    subject: z.string(),
    payment: z.string().nullable(),
    ...Delivery,
  })
  .openapi('Email');

export const TextMessage = z
  .object({
    id: z.string(),
    object: z.literal('text_message'),
    channel: z.literal('sms'),
    kind: z.enum(textKinds),
    to: z.string().openapi({ description: 'The number, E.164.' }),
    customer: z.string().nullable(),
    payment_link: z.string().nullable(),
    invoice: z.string().nullable(),
    provider_message_id: z.string().nullable().openapi({ description: "Twilio's SM… sid." }),
    delivery_status: z.enum(deliveryStatuses).nullable().openapi({
      description: "Twilio's last word: queued → sent → delivered, or failed / undelivered.",
    }),
    error_code: z.string().nullable().openapi({ description: "Twilio's error code (21211 …)." }),
    delivered_at: Timestamp.nullable(),
    ...Delivery,
  })
  .openapi('TextMessage');

const OutboxMessage = z.discriminatedUnion('object', [Email, TextMessage]).openapi('OutboxMessage');

const LogEntry = z
  .object({
    event: z.enum(['queued', 'sent', 'attempt_failed', 'gave_up', 'retry', 'status', 'skipped']),
    detail: z.record(z.string(), z.unknown()).nullable(),
    created: Timestamp,
  })
  .openapi('OutboxLogEntry');

export const EmailDetail = Email.extend({
  text: z.string(),
  html: z.string(),
  log: z.array(LogEntry),
}).openapi('EmailDetail');

export const TextMessageDetail = TextMessage.extend({
  body: z.string(),
  log: z.array(LogEntry),
}).openapi('TextMessageDetail');

const OutboxMessageDetail = z
  .discriminatedUnion('object', [EmailDetail, TextMessageDetail])
  .openapi('OutboxMessageDetail');

const idParam = z.object({
  id: prefixedId('msg').openapi({ param: { name: 'id', in: 'path' } }),
});

const security = [{ bearer: [] }];
const tags = ['Outbox'];

export const outboxRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    listRoute({
      tags,
      summary: 'List the email and texts sent and waiting to be sent, newest first',
      request: {
        query: ListQuery.extend({
          state: z.enum(states).optional(),
          kind: z.enum(kinds).optional(),
          channel: z.enum(['email', 'sms']).optional(),
        }),
      },
      item: OutboxMessage,
      page: 'A page of email and texts',
    }),
    listHandler(
      (c, page: Parameters<typeof listOutboxMessages>[2]) =>
        listOutboxMessages(c.var.db, c.var.business.id, page),
      (_c, rows) => rows.map((row) => outboxMessageView(row)),
    ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      summary: 'Retrieve one message with its bodies and its log',
      request: { params: idParam },
      responses: {
        200: jsonResponse(OutboxMessageDetail, 'The email or text'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const message = await getOutboxMessage(c.var.db, c.var.business.id, c.req.valid('param').id);
      const view = {
        ...outboxMessageView(message, true),
        log: await messageLog(c.var.db, message.id),
      };
      return c.json(view as z.infer<typeof OutboxMessageDetail>, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/retry',
      tags,
      security,
      summary: 'Send a failed email or text again',
      description:
        'A failed message goes back to pending, due at once; others are left as they are. A text to a number that opted out fails again.',
      request: { params: idParam },
      responses: {
        200: jsonResponse(OutboxMessage, 'The message'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const message = await retryOutboxMessage(
        c.var.db,
        c.var.business.id,
        c.req.valid('param').id,
      );
      return c.json(outboxMessageView(message), 200);
    },
  );
