/**
 * `POST /webhooks/square`: Square's events (`payment.updated`, `refund.updated`,
 * `dispute.created`, `dispute.state.updated`). The raw body is
 * verified with the SDK's own helper (`WebhooksHelper.verifySignature`: HMAC-SHA256 of the
 * notification URL and the body, with SQUARE_WEBHOOK_SIGNATURE_KEY, in the
 * `x-square-hmacsha256-signature` header); the notification URL is ours, from PUBLIC_URL, never
 * from the request. A verified event goes through handleProviderEvent(), each `event_id` once.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyCap } from '../http/body-cap.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { openApiHooks } from '../http/openapi.ts';
import { errorResponses, jsonResponse } from '../http/schemas.ts';
import { eventTaken, handleProviderEvent } from '../payments/events.ts';
import { type SquareEventBody, squareProviderEvents } from '../payments/square/square-events.ts';
import { squareSdk } from '../payments/square/square-sdk.ts';

const Received = z
  .object({ received: z.literal(true), outcomes: z.array(z.string()) })
  .openapi('SquareWebhookReceived');

const SIGNATURE = 'x-square-hmacsha256-signature';

export const squareWebhookRoutes = new OpenAPIHono<AppEnv>(openApiHooks).openapi(
  createRoute({
    method: 'post',
    path: '/square',
    tags: ['Webhooks'],
    summary: "Square's events, signature checked",
    description:
      'Subscribe payment.updated, refund.updated, dispute.created and dispute.state.updated, with the notification URL `<PUBLIC_URL>/webhooks/square`. Signed in the `x-square-hmacsha256-signature` header.',
    responses: {
      200: jsonResponse(Received, 'Taken (or already taken before)'),
      ...errorResponses(400, 404, 413),
    },
    middleware: [bodyCap(1024 * 1024, 413)],
  }),
  async (c) => {
    const { config, db, logger } = c.var;
    const key = config.square.webhookSignatureKey;
    if (!key || config.paymentProvider !== 'square') {
      throw new ApiError(
        404,
        'invalid_request_error',
        'webhooks_not_configured',
        'Square webhooks are not set up on this server (PAYMENT_PROVIDER=square, SQUARE_WEBHOOK_SIGNATURE_KEY).',
      );
    }
    const signature = c.req.header(SIGNATURE);
    const payload = await c.req.text();
    const verified =
      !!signature &&
      (await squareSdk().WebhooksHelper.verifySignature({
        requestBody: payload,
        signatureHeader: signature,
        signatureKey: key,
        notificationUrl: `${config.publicUrl}/webhooks/square`,
      }));
    if (!verified) {
      logger.warn('square webhook refused: signature');
      throw new ApiError(
        400,
        'invalid_request_error',
        signature ? 'signature_invalid' : 'signature_missing',
        'The webhook signature could not be verified (wrong key, altered body or URL).',
        SIGNATURE,
      );
    }
    let body: SquareEventBody;
    try {
      body = JSON.parse(payload) as SquareEventBody;
    } catch {
      throw new ApiError(400, 'invalid_request_error', 'body_invalid', 'The body is not JSON.');
    }
    if (body.event_id && (await eventTaken(db, 'square', body.event_id))) {
      return c.json({ received: true as const, outcomes: ['duplicate'] }, 200);
    }
    const outcomes: string[] = [];
    for (const event of squareProviderEvents(body)) {
      outcomes.push(await handleProviderEvent(db, event));
    }
    logger.info({ event: body.event_id, type: body.type, outcomes }, 'square webhook');
    return c.json({ received: true as const, outcomes }, 200);
  },
);
