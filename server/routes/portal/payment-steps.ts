/**
 * `/v1/portal/:token/payments/:id/...`: one payment the customer started, taken forward (sandbox
 * confirmation, the fee fixed for the method Stripe.js collected, cancel) and its status. The
 * token is the only credential, as in portal-payments.ts; docs/payments.md tells the whole flow.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, jsonBody, jsonResponse, prefixedId } from '../../http/schemas.ts';
import { openPortalLink, openPortalLinkToPay } from '../../links/access.ts';
import { cancelPortalPayment } from '../../payments/cancel.ts';
import { confirmSandboxPayment } from '../../payments/confirm.ts';
import { confirmByAuthorizing } from '../../payments/confirm-authorize.ts';
import { confirmByCapture } from '../../payments/confirm-capture.ts';
import { confirmOnServer } from '../../payments/confirm-server.ts';
import { finalizePaymentMethod } from '../../payments/finalize.ts';
import { asSeenByLink, getLinkPayment, type Payment, refundsOf } from '../../payments/payments.ts';
import { configuredProviders, paymentProvider, providerNamed } from '../../payments/providers.ts';
import { reconcilePayment } from '../../payments/reconcile.ts';
import { PaymentParams, PortalPayment, portalPaymentView, tags } from './payment-views.ts';

const SandboxDetails = z.union([
  z.strictObject({
    card_number: z.string().max(30),
    exp_month: z.number().int(),
    exp_year: z.number().int(),
    cvc: z.string().max(8),
  }),
  z.strictObject({ routing_number: z.string().max(20), account_number: z.string().max(30) }),
  z.strictObject({ three_d_secure: z.enum(['approve', 'fail']) }),
  z.strictObject({ payment_method: prefixedId('pm') }),
]);

export const SandboxConfirmation = z
  .object({ sandbox: SandboxDetails, accept_total: z.number().int().min(0).optional() })
  .openapi('SandboxConfirmation');

export const ServerConfirmation = z
  .strictObject({
    confirmation_token: z
      .string()
      .regex(/^ctoken_\w{1,250}$/, 'must be a ConfirmationToken id (ctoken_…)')
      .optional()
      .openapi({
        description: 'What `stripe.createConfirmationToken` made; absent for a saved card.',
      }),
    return_url: z.string().max(2000).openapi({
      description: 'Where the bank sends the customer back: our page or an allowed origin.',
    }),
    accept_total: z.number().int().min(0).optional(),
  })
  .openapi('ServerConfirmation');

export const SquareConfirmation = z
  .strictObject({
    square: z.strictObject({
      source_id: z
        .string()
        .regex(/^(cnon|ccof|bnon):[\w-]{1,250}$/, 'must be a Square payment token (cnon:…)')
        .optional()
        .openapi({
          description:
            "The Web Payments SDK's token (`card.tokenize()`, a wallet's, or `ach.tokenize()`'s `bnon:`); absent for a saved card.",
        }),
      verification_token: z
        .string()
        .regex(/^verf:[\w-]{1,500}$/, 'must be a Square verification token (verf:…)')
        .optional()
        .openapi({
          description:
            "What `payments.verifyBuyer()` made for the card (3-D Secure / SCA); passed to Square's CreatePayment.",
        }),
    }),
    accept_total: z.number().int().min(0).optional(),
  })
  .openapi('SquareConfirmation');

export const PayPalConfirmation = z
  .strictObject({
    paypal: z.strictObject({
      order_id: z
        .string()
        .regex(/^[A-Z0-9]{5,36}$/, 'must be a PayPal order id')
        .openapi({ description: "The order PayPal's buttons approved (`onApprove`'s `orderID`)." }),
    }),
  })
  .openapi('PayPalConfirmation');

export const Confirmation = z.union([
  SandboxConfirmation,
  ServerConfirmation,
  SquareConfirmation,
  PayPalConfirmation,
]);

const IN_FLIGHT = new Set<Payment['status']>([
  'requires_confirmation',
  'processing',
  'requires_action',
  // A declined payment may have been confirmed again with another card, in the browser (Stripe.js).
  'failed',
]);

export const portalPaymentStepRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'post',
      path: '/{token}/payments/{id}/confirm',
      tags,
      summary:
        'Confirm a payment: on the server with a Stripe ConfirmationToken, or a sandbox test card',
      description:
        'Stripe: `{confirmation_token, return_url}` (Stripe\'s "finalize payments on the server" ' +
        'flow): the fee is fixed for the card the token previews, the PaymentIntent is confirmed ' +
        'with it, and a 3-D Secure card answers `requires_action` with `next_action` ' +
        '(`use_stripe_sdk`: `stripe.handleNextAction` in the browser). Sandbox: `{sandbox}`. 409 `fee_changed` when the ' +
        "card's funding changes the fee: confirm again with `accept_total` set to the new total. " +
        "PayPal: `{paypal: {order_id}}` once the buyer approved the order in PayPal's window: the " +
        'server captures it (a decline answers `failed`). ' +
        'A 3-D Secure card answers `requires_action`; confirm again with ' +
        '`{"sandbox":{"three_d_secure":"approve"}}` (or `"fail"`). A declined card answers ' +
        '`failed` with the reason in `failure.message`, and may be retried with another card.',
      request: { params: PaymentParams, ...jsonBody(Confirmation) },
      responses: {
        200: jsonResponse(PortalPayment, 'The payment after confirmation'),
        ...errorResponses(400, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const scope = await openPortalLinkToPay(c, token);
      const { db, config } = c.var;
      const body = c.req.valid('json');
      if ('paypal' in body) {
        const payment = await confirmByCapture(
          db,
          providerNamed(config, db, 'paypal'),
          scope,
          id,
          body.paypal.order_id,
        );
        return c.json(portalPaymentView(payment, scope), 200);
      }
      const provider = paymentProvider(config, db);
      if ('square' in body) {
        const payment = await confirmByAuthorizing(db, provider, scope, id, {
          source_id: body.square.source_id,
          verification_token: body.square.verification_token,
          accept_total: body.accept_total,
        });
        return c.json(portalPaymentView(payment, scope), 200);
      }
      if ('sandbox' in body) {
        const payment = await confirmSandboxPayment(db, provider, scope, id, body);
        return c.json(portalPaymentView(payment, scope), 200);
      }
      const confirmed = await confirmOnServer(db, provider, scope, id, body, config.publicUrl);
      return c.json(portalPaymentView(confirmed.payment, scope, [], confirmed.nextAction), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{token}/payments/{id}/cancel',
      tags,
      summary: 'Cancel a payment the customer did not complete',
      description:
        'For a payment in `requires_confirmation`, `requires_action` or `failed` (made for ' +
        'choices the customer then changed): it becomes `canceled`, what it held is free at ' +
        "once, and the provider's side is canceled too. Again is harmless. 409 " +
        '`payment_not_cancelable` once it succeeded or is processing.',
      request: { params: PaymentParams },
      responses: {
        200: jsonResponse(PortalPayment, 'The payment, canceled'),
        ...errorResponses(400, 404, 409, 429),
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const scope = await openPortalLink(c, token);
      const { db, config } = c.var;
      const made = await getLinkPayment(db, scope, id);
      const payment = await cancelPortalPayment(
        db,
        providerNamed(config, db, made.provider),
        scope,
        id,
      );
      return c.json(portalPaymentView(payment, scope), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{token}/payments/{id}/payment_method',
      tags,
      summary: 'Fix the fee for the payment method collected in the browser (Stripe)',
      request: {
        params: PaymentParams,
        ...jsonBody(z.object({ payment_method: z.string().min(1).max(255) })),
      },
      responses: {
        200: jsonResponse(PortalPayment, 'The payment with its final figures'),
        ...errorResponses(400, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const scope = await openPortalLink(c, token);
      const payment = await finalizePaymentMethod(
        c.var.db,
        paymentProvider(c.var.config, c.var.db),
        scope,
        id,
        c.req.valid('json').payment_method,
      );
      return c.json(portalPaymentView(payment, scope), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{token}/payments/{id}',
      tags,
      summary: "A payment's status",
      request: { params: PaymentParams },
      responses: {
        200: jsonResponse(PortalPayment, 'The payment'),
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const { db, config } = c.var;
      const scope = await openPortalLink(c, token);
      let payment = await getLinkPayment(db, scope, id);
      // Still in flight here: ask the provider rather than wait for its event (a Stripe payment
      // is confirmed in the browser; an event may have been lost).
      if (configuredProviders(config).includes(payment.provider) && IN_FLIGHT.has(payment.status)) {
        const provider = providerNamed(config, db, payment.provider);
        await reconcilePayment(db, provider, payment).catch((error: unknown) =>
          c.var.logger.warn({ err: error, payment: payment.id }, 'status: provider did not answer'),
        );
        payment = await getLinkPayment(db, scope, id);
      }
      const refunds = (await refundsOf(db, [payment.id])).get(payment.id);
      return c.json(portalPaymentView(await asSeenByLink(db, scope, payment), scope, refunds), 200);
    },
  );
