/** `/v1/outbox`: the business's email, with each message's delivery state (staff API). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { ListQuery, listHandler, listRoute } from '../../http/lists.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, jsonResponse, prefixedId, Timestamp } from '../../http/schemas.ts';
import {
  getOutboxMessage,
  listOutboxMessages,
  outboxMessageView,
  retryOutboxMessage,
} from '../../outbox/outbox.ts';

const kinds = [
  'receipt',
  'payment_notice',
  'refund_failed',
  'dispute',
  'estimate_decision',
  'question',
  'link',
] as const;
const states = ['pending', 'sent', 'failed'] as const;

export const Email = z
  .object({
    id: z.string(),
    object: z.literal('email'),
    kind: z.enum(kinds),
    to: z.string(),
    reply_to: z.string().nullable(),
    subject: z.string(),
    payment: z.string().nullable(),
    state: z.enum(states).openapi({
      description:
        'pending: waiting to be sent (always, while SMTP_URL is not set) or to be tried again; sent; failed: given up after repeated errors (POST …/retry tries again).',
    }),
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    next_attempt_at: Timestamp.nullable(),
    sent_at: Timestamp.nullable(),
    created: Timestamp,
  })
  .openapi('Email');

export const EmailDetail = Email.extend({ text: z.string(), html: z.string() }).openapi(
  'EmailDetail',
);

const idParam = z.object({
  id: prefixedId('msg').openapi({ param: { name: 'id', in: 'path' } }),
});

const security = [{ bearer: [] }];
const tags = ['Outbox'];

export const outboxRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    listRoute({
      tags,
      summary: 'List the email sent and waiting to be sent, newest first',
      request: {
        query: ListQuery.extend({
          state: z.enum(states).optional(),
          kind: z.enum(kinds).optional(),
        }),
      },
      item: Email,
      page: 'A page of email',
    }),
    listHandler(
      (c, page) => listOutboxMessages(c.var.db, c.var.business.id, page),
      (_c, rows) => rows.map((row) => outboxMessageView(row)),
    ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      summary: 'Retrieve one email, with its text and HTML',
      request: { params: idParam },
      responses: {
        200: jsonResponse(EmailDetail, 'The email'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const message = await getOutboxMessage(c.var.db, c.var.business.id, c.req.valid('param').id);
      return c.json(outboxMessageView(message, true) as z.infer<typeof EmailDetail>, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/retry',
      tags,
      security,
      summary: 'Send a failed email again',
      description: 'A failed email goes back to pending, due at once; others are left as they are.',
      request: { params: idParam },
      responses: { 200: jsonResponse(Email, 'The email'), ...errorResponses(400, 401, 404) },
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
