/**
 * `POST /webhooks/stripe`: Stripe's events. The raw body is verified against the
 * `Stripe-Signature` header with STRIPE_WEBHOOK_SECRET by the SDK (default tolerance: 300 s), so
 * a forged, altered or replayed-late event is a 400 that changes nothing. A verified event is
 * handed to handleProviderEvent(), which takes each event id once (a redelivery is ignored) and
 * records in one short transaction; then Stripe gets its 200.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type Stripe from 'stripe';
import { bodyCap } from '../http/body-cap.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { openApiHooks } from '../http/openapi.ts';
import { errorResponses, jsonResponse } from '../http/schemas.ts';
import { eventTaken, handleProviderEvent } from '../payments/events.ts';
import { stripeProvider } from '../payments/providers.ts';
import { toProviderEvents } from '../payments/stripe-events.ts';
import { STRIPE_API_VERSION } from '../payments/stripe-provider.ts';
import { stripeSdk } from '../payments/stripe-sdk.ts';

const Received = z
  .object({
    received: z.literal(true),
    /** What became of each outcome the event carried: applied, ignored or duplicate. */
    outcomes: z.array(z.string()),
  })
  .openapi('WebhookReceived');

function signatureRefused(code: string, message: string) {
  return new ApiError(400, 'invalid_request_error', code, message, 'Stripe-Signature');
}

export const webhookRoutes = new OpenAPIHono<AppEnv>(openApiHooks).openapi(
  createRoute({
    method: 'post',
    path: '/stripe',
    tags: ['Webhooks'],
    summary: "Stripe's events, signature checked",
    description:
      "Send payment_intent.succeeded, payment_intent.payment_failed, payment_intent.requires_action, payment_intent.processing, charge.refunded, refund.updated, refund.failed and charge.dispute.created, .updated, .funds_withdrawn, .funds_reinstated, .closed. The body is Stripe's event as sent, signed in the `Stripe-Signature` header.",
    responses: {
      200: jsonResponse(Received, 'Taken (or already taken before)'),
      ...errorResponses(400, 404, 413),
    },
    // Read before the signature can be checked: Stripe's events are a few KB, so 1 MB is
    // generous, and anything larger is refused unread (413 `body_too_large`).
    middleware: [bodyCap(1024 * 1024, 413)],
  }),
  async (c) => {
    const { config, db, logger } = c.var;
    const secret = config.stripe.webhookSecret;
    if (!secret || !config.stripe.secretKey) {
      throw new ApiError(
        404,
        'invalid_request_error',
        'webhooks_not_configured',
        'Stripe webhooks are not set up on this server (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET).',
      );
    }
    const signature = c.req.header('stripe-signature');
    if (!signature) {
      throw signatureRefused('signature_missing', 'The Stripe-Signature header is missing.');
    }
    // The exact bytes Stripe signed: parsing and re-serializing the JSON would break the check.
    const payload = await c.req.text();
    // Loaded on the first event (../payments/stripe-sdk.ts), outside the check's refusal.
    const { webhooks } = await stripeSdk();
    let event: Stripe.Event;
    try {
      event = webhooks.constructEvent(payload, signature, secret);
    } catch (error) {
      logger.warn({ err: error }, 'stripe webhook refused: signature');
      throw signatureRefused(
        'signature_invalid',
        'The webhook signature could not be verified (wrong secret, altered body or too old).',
      );
    }
    // An event's objects are in the webhook endpoint's API version, not the one our requests pin:
    // the endpoint must be created with STRIPE_API_VERSION (docs/payments.md). Taken anyway, since
    // Stripe would retry a refusal for days, but said loudly.
    if (event.api_version && event.api_version !== STRIPE_API_VERSION) {
      logger.warn(
        { event: event.id, api_version: event.api_version, pinned: STRIPE_API_VERSION },
        'stripe webhook: API version differs from the pinned one; recreate the endpoint with it',
      );
    }
    if (await eventTaken(db, 'stripe', event.id)) {
      logger.info({ event: event.id, type: event.type }, 'stripe webhook: delivered again');
      return c.json({ received: true as const, outcomes: ['duplicate'] }, 200);
    }
    const events = await toProviderEvents(event, {
      provider: stripeProvider(config),
      warn: (message, error) => logger.warn({ err: error, event: event.id }, message),
    });
    const outcomes: string[] = [];
    for (const providerEvent of events) {
      outcomes.push(await handleProviderEvent(db, providerEvent));
    }
    logger.info({ event: event.id, type: event.type, outcomes }, 'stripe webhook');
    return c.json({ received: true as const, outcomes }, 200);
  },
);
