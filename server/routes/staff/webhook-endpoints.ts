/**
 * `/v1/webhook_endpoints`: where the business's other systems are told what happened (issue 14;
 * docs/webhooks.md). The signing secret is in the answer to POST and to …/roll_secret only.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Config } from '../../config.ts';
import { EVENT_TYPES } from '../../events/catalog.ts';
import {
  createEndpoint,
  deleteEndpoint,
  endpointView,
  getEndpoint,
  listEndpoints,
  ROLL_OVERLAP_HOURS,
  rollEndpointSecret,
  updateEndpoint,
} from '../../events/endpoints.ts';
import type { AppEnv } from '../../http/env.ts';
import { ListQuery, listHandler, listRoute } from '../../http/lists.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, idParam, jsonBody, jsonResponse, Timestamp } from '../../http/schemas.ts';

export const WebhookEndpoint = z
  .object({
    id: z.string(),
    object: z.literal('webhook_endpoint'),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    disabled_reason: z.string().nullable().openapi({
      description:
        'Why Pay Portal disabled it (every delivery failed for three days); null otherwise.',
    }),
    failing_since: Timestamp.nullable(),
    previous_secret_expires_at: Timestamp.nullable().openapi({
      description: 'Until when the secret before the last roll still signs beside the new one.',
    }),
    created: Timestamp,
  })
  .openapi('WebhookEndpoint');

export const WebhookEndpointWithSecret = WebhookEndpoint.extend({
  secret: z.string().openapi({
    description:
      'The Standard Webhooks signing secret (`whsec_…`). Shown only in this answer: keep it.',
  }),
}).openapi('WebhookEndpointWithSecret');

const eventsField = z
  .array(z.string().max(60))
  .min(1)
  .max(EVENT_TYPES.length)
  .openapi({
    description: 'Event types to receive (see the `webhooks` section), or `["*"]` for every one.',
    example: ['payment.succeeded', 'invoice.paid'],
  });

export const NewWebhookEndpoint = z.object({
  url: z.string().max(2048).openapi({ example: 'https://books.example.com/hooks/pay-portal' }),
  events: eventsField,
  description: z.string().trim().max(500).nullable().optional(),
  enabled: z.boolean().optional(),
});

export const WebhookEndpointChanges = NewWebhookEndpoint.partial();

const security = [{ bearer: [] }];
const tags = ['Webhook endpoints'];
const rulesOf = (config: Config) => ({
  production: config.production,
  allowPrivateNetworks: config.webhooks.allowPrivateNetworks,
});
const endpointAnswer = { 200: jsonResponse(WebhookEndpoint, 'The endpoint') };

export const webhookEndpointRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      security,
      summary: 'Register a webhook endpoint',
      description:
        'Events of the types asked for are POSTed to `url`, signed (Standard Webhooks). ' +
        '`url` must be https in production and a public address. The answer holds the signing ' +
        'secret, shown this once.',
      request: jsonBody(NewWebhookEndpoint),
      responses: {
        200: jsonResponse(WebhookEndpointWithSecret, 'The endpoint, with its secret'),
        ...errorResponses(400, 401, 422),
      },
    }),
    async (c) => {
      const { db, business, config } = c.var;
      const input = c.req.valid('json');
      const { endpoint, secret } = await createEndpoint(
        db,
        business.id,
        input,
        rulesOf(config),
        config.appSecret,
      );
      return c.json(
        endpointView(endpoint, secret) as z.infer<typeof WebhookEndpointWithSecret>,
        200,
      );
    },
  )
  .openapi(
    listRoute({
      tags,
      summary: 'List webhook endpoints, newest first',
      request: { query: ListQuery },
      item: WebhookEndpoint,
      page: 'A page of endpoints',
    }),
    listHandler(
      (c, page) => listEndpoints(c.var.db, c.var.business.id, page),
      (_c, rows) => rows.map((row) => endpointView(row)),
    ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      summary: 'Retrieve a webhook endpoint',
      request: { params: idParam('we') },
      responses: { ...endpointAnswer, ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const endpoint = await getEndpoint(c.var.db, c.var.business.id, c.req.valid('param').id);
      return c.json(endpointView(endpoint), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      security,
      summary: 'Change a webhook endpoint',
      description:
        'Enabling an endpoint again (`{"enabled": true}`) clears why it was disabled; what is ' +
        'still pending for it is delivered.',
      request: { params: idParam('we'), ...jsonBody(WebhookEndpointChanges) },
      responses: { ...endpointAnswer, ...errorResponses(400, 401, 404, 422) },
    }),
    async (c) => {
      const { db, business, config } = c.var;
      const endpoint = await updateEndpoint(
        db,
        business.id,
        c.req.valid('param').id,
        c.req.valid('json'),
        rulesOf(config),
      );
      return c.json(endpointView(endpoint), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      security,
      summary: 'Delete a webhook endpoint',
      description: 'Nothing more is sent to it; its past deliveries stay on the events.',
      request: { params: idParam('we') },
      responses: {
        200: jsonResponse(
          z.object({
            id: z.string(),
            object: z.literal('webhook_endpoint'),
            deleted: z.literal(true),
          }),
          'Deleted',
        ),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const endpoint = await deleteEndpoint(c.var.db, c.var.business.id, c.req.valid('param').id);
      return c.json(
        { id: endpoint.id, object: 'webhook_endpoint' as const, deleted: true as const },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/roll_secret',
      tags,
      security,
      summary: 'Roll the signing secret',
      description: `A new secret, shown in this answer only; the old one keeps signing beside it for ${ROLL_OVERLAP_HOURS} hours (both signatures are in \`webhook-signature\`), so receivers can switch without missing events.`,
      request: { params: idParam('we') },
      responses: {
        200: jsonResponse(WebhookEndpointWithSecret, 'The endpoint, with its new secret'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { endpoint, secret } = await rollEndpointSecret(
        c.var.db,
        c.var.business.id,
        c.req.valid('param').id,
        c.var.config.appSecret,
      );
      return c.json(
        endpointView(endpoint, secret) as z.infer<typeof WebhookEndpointWithSecret>,
        200,
      );
    },
  );
