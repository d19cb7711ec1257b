/**
 * `POST /webhooks/paypal`: PayPal's events (PAYMENT.CAPTURE.COMPLETED, .DENIED, .REFUNDED,
 * .REVERSED), verified as PayPal documents: the delivery's transmission headers
 * (`paypal-auth-algo`, `paypal-cert-url`, `paypal-transmission-id`, `paypal-transmission-sig`,
 * `paypal-transmission-time`), our PAYPAL_WEBHOOK_ID and the event go to PayPal's
 * verify-webhook-signature call, which must answer SUCCESS. A verified event goes through
 * handleProviderEvent(), each event id once.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyCap } from '../http/body-cap.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { openApiHooks } from '../http/openapi.ts';
import { errorResponses, jsonResponse } from '../http/schemas.ts';
import { eventTaken, handleProviderEvent } from '../payments/events.ts';
import { type PayPalEventBody, paypalProviderEvents } from '../payments/paypal/paypal-events.ts';
import type { PayPalTransmission } from '../payments/paypal/paypal-provider.ts';
import { paypalProvider } from '../payments/providers.ts';

const Received = z
  .object({ received: z.literal(true), outcomes: z.array(z.string()) })
  .openapi('PayPalWebhookReceived');

const HEADERS: Record<keyof PayPalTransmission, string> = {
  authAlgo: 'paypal-auth-algo',
  certUrl: 'paypal-cert-url',
  transmissionId: 'paypal-transmission-id',
  transmissionSig: 'paypal-transmission-sig',
  transmissionTime: 'paypal-transmission-time',
};

export const paypalWebhookRoutes = new OpenAPIHono<AppEnv>(openApiHooks).openapi(
  createRoute({
    method: 'post',
    path: '/paypal',
    tags: ['Webhooks'],
    summary: "PayPal's events, verified with PayPal",
    description:
      "Subscribe PAYMENT.CAPTURE.COMPLETED, PAYMENT.CAPTURE.DENIED, PAYMENT.CAPTURE.REFUNDED and PAYMENT.CAPTURE.REVERSED at `<PUBLIC_URL>/webhooks/paypal`, and set PAYPAL_WEBHOOK_ID to the webhook's id. Each delivery is verified with PayPal's verify-webhook-signature call.",
    responses: {
      200: jsonResponse(Received, 'Taken (or already taken before)'),
      ...errorResponses(400, 404, 413),
    },
    middleware: [bodyCap(1024 * 1024, 413)],
  }),
  async (c) => {
    const { config, db, logger } = c.var;
    if (!config.paypal?.webhookId || !config.paypal.clientSecret) {
      throw new ApiError(
        404,
        'invalid_request_error',
        'webhooks_not_configured',
        'PayPal webhooks are not set up on this server (PAYPAL_CLIENT_ID, PAYPAL_WEBHOOK_ID).',
      );
    }
    const payload = await c.req.text();
    let body: PayPalEventBody;
    try {
      body = JSON.parse(payload) as PayPalEventBody;
    } catch {
      throw new ApiError(400, 'invalid_request_error', 'body_invalid', 'The body is not JSON.');
    }
    const transmission = {} as PayPalTransmission;
    for (const [field, header] of Object.entries(HEADERS)) {
      const value = c.req.header(header);
      if (!value) {
        throw new ApiError(
          400,
          'invalid_request_error',
          'signature_missing',
          `The ${header} header is missing.`,
          header,
        );
      }
      transmission[field as keyof PayPalTransmission] = value;
    }
    const paypal = paypalProvider(config);
    let verified: boolean;
    try {
      verified = await paypal.verifyWebhook(transmission, body);
    } catch (error) {
      logger.warn({ err: error }, 'paypal webhook: verification did not answer');
      // Not taken: PayPal delivers again later.
      throw new ApiError(
        500,
        'api_error',
        'provider_unavailable',
        'PayPal could not be asked to verify this delivery; it will be delivered again.',
      );
    }
    if (!verified) {
      logger.warn('paypal webhook refused: signature');
      throw new ApiError(
        400,
        'invalid_request_error',
        'signature_invalid',
        'PayPal did not verify this delivery (wrong webhook id, altered body or signature).',
        HEADERS.transmissionSig,
      );
    }
    if (body.id && (await eventTaken(db, 'paypal', body.id))) {
      return c.json({ received: true as const, outcomes: ['duplicate'] }, 200);
    }
    const outcomes: string[] = [];
    for (const event of await paypalProviderEvents(body, paypal)) {
      outcomes.push(await handleProviderEvent(db, event));
    }
    logger.info({ event: body.id, type: body.event_type, outcomes }, 'paypal webhook');
    return c.json({ received: true as const, outcomes }, 200);
  },
);
