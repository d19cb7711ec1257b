/**
 * `/v1/events`: what happened in the last 30 days, as the business's other systems are told
 * (issue 14), each with its deliveries and attempts; and resending one.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { EVENT_TYPES, type EventType } from '../../events/catalog.ts';
import { deliveriesOf, resendEvent } from '../../events/deliveries.ts';
import { EVENT_DAYS, eventView, getEvent, listEvents } from '../../events/events.ts';
import type { AppEnv } from '../../http/env.ts';
import { ListQuery, listHandler, listRoute } from '../../http/lists.ts';
import { openApiHooks } from '../../http/openapi.ts';
import {
  errorResponses,
  idParam,
  jsonResponse,
  prefixedId,
  Timestamp,
} from '../../http/schemas.ts';

export const EventTypeSchema = z.enum(EVENT_TYPES as [EventType, ...EventType[]]);

export const WebhookEvent = z
  .object({
    id: z.string().openapi({ description: 'Stable: the `webhook-id` of every delivery of it.' }),
    object: z.literal('event'),
    type: EventTypeSchema,
    api_version: z.string(),
    created: Timestamp,
    data: z
      .object({ object: z.record(z.string(), z.unknown()) })
      .catchall(z.unknown())
      .openapi({
        description:
          '`object`: the object as the staff API shows it; some types add more (see `webhooks`).',
      }) as z.ZodType<{ object: Record<string, unknown> } & Record<string, unknown>>,
  })
  .openapi('Event');

export const WebhookAttempt = z
  .object({
    id: z.string(),
    status_code: z.number().int().nullable(),
    error: z.string().nullable(),
    response_excerpt: z.string().nullable(),
    duration_ms: z.number().int(),
    created: Timestamp,
  })
  .openapi('WebhookAttempt');

export const WebhookDelivery = z
  .object({
    id: z.string(),
    object: z.literal('webhook_delivery'),
    endpoint: z.string(),
    state: z.enum(['pending', 'delivered', 'failed']),
    resend: z.boolean(),
    attempts: z.array(WebhookAttempt),
    next_attempt_at: Timestamp.nullable(),
    delivered_at: Timestamp.nullable(),
    created: Timestamp,
  })
  .openapi('WebhookDelivery');

export const WebhookEventDetail = WebhookEvent.extend({
  deliveries: z.array(WebhookDelivery),
}).openapi('EventDetail');

export const ResendRequest = z.object({
  endpoint: prefixedId('we').optional().openapi({
    description: 'Only to this endpoint; without it, every enabled endpoint that wants the type.',
  }),
});

const security = [{ bearer: [] }];
const tags = ['Events'];

export const eventRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    listRoute({
      tags,
      summary: `List events of the last ${EVENT_DAYS} days, newest first`,
      request: {
        query: ListQuery.extend({
          type: EventTypeSchema.optional(),
          object: z.string().max(80).optional().openapi({
            description: 'Only the events about this object (an invoice, a payment…), by id.',
          }),
        }),
      },
      item: WebhookEvent,
      page: 'A page of events',
    }),
    listHandler(
      (c, page) => listEvents(c.var.db, c.var.business.id, page),
      (_c, rows) => rows.map(eventView),
    ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      summary: 'Retrieve an event, with its deliveries and every attempt',
      request: { params: idParam('evt') },
      responses: {
        200: jsonResponse(WebhookEventDetail, 'The event'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const event = await getEvent(db, business.id, c.req.valid('param').id);
      return c.json({ ...eventView(event), deliveries: await deliveriesOf(db, event.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/resend',
      tags,
      security,
      summary: 'Send an event again',
      description:
        'Queues a new delivery, due at once, with the same `webhook-id` (receivers that keep ids ' +
        'see a repeat). 409 `no_endpoint` when no enabled endpoint wants it.',
      request: {
        params: idParam('evt'),
        body: {
          required: false,
          content: { 'application/json': { schema: ResendRequest } },
        },
      },
      responses: {
        200: jsonResponse(WebhookEventDetail, 'The event, with the new deliveries'),
        ...errorResponses(400, 401, 404, 409),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const event = await getEvent(db, business.id, c.req.valid('param').id);
      const { endpoint } = (c.req.valid('json') ?? {}) as z.infer<typeof ResendRequest>;
      await resendEvent(db, event, endpoint);
      return c.json({ ...eventView(event), deliveries: await deliveriesOf(db, event.id) }, 200);
    },
  );
