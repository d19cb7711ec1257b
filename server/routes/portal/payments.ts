/**
 * `/v1/portal/:token/payments` and `/v1/portal/:token/payment_methods`: the customer starts a
 * payment, reads the history, forgets a saved card (one payment taken forward:
 * portal-payment-steps.ts). The token is the only credential (openPortalLink: one 404 for every
 * dead link; portalGuard in app.ts rate limits). docs/payments.md tells the whole flow.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { clientOf } from '../../http/client-address.ts';
import type { AppEnv } from '../../http/env.ts';
import { listAnswer, listOf } from '../../http/lists.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, jsonBody, jsonResponse, prefixedId } from '../../http/schemas.ts';
import { openPortalLink, openPortalLinkToPay } from '../../links/access.ts';
import { createPortalPayment, startWithProvider } from '../../payments/create.ts';
import { idempotencyKey, idempotent } from '../../payments/idempotency.ts';
import {
  asSeenByLink,
  getLinkPayment,
  listLinkPayments,
  refundsOf,
} from '../../payments/payments.ts';
import { paymentProvider, providerForMethod } from '../../payments/providers.ts';
import { removeSavedPaymentMethod } from '../../payments/saved-methods.ts';
import { TokenParam } from '../../portal/schemas.ts';
import { PortalPayment, portalPaymentView, tags } from './payment-views.ts';

const Tip = z
  .union([
    z.strictObject({ percent: z.number().min(0).max(100) }),
    z.strictObject({ amount: z.number().int() }),
  ])
  .nullable()
  .optional();

export const NewPayment = z
  .object({
    invoices: z
      .array(z.object({ id: z.string().min(1).max(100), amount: z.number().int() }))
      .max(100)
      .default([]),
    balance_amount: z.number().int().default(0),
    tip: Tip,
    method: z.enum(['card', 'us_bank_account', 'paypal']),
    save_payment_method: z.boolean().default(false),
    save_payment_method_text: z.string().trim().min(1).max(500).optional(),
    payment_method: prefixedId('pm').nullable().optional(),
    estimate_deposit: z
      .object({ estimate: prefixedId('est') })
      .nullable()
      .optional()
      .openapi({ description: 'Pay the deposit of an approved estimate (on its own).' }),
    sms_consent: z
      .object({
        phone: z.string().regex(/^\+?[0-9 ().-]{7,20}$/, 'must be a phone number'),
        text: z.string().trim().min(1).max(2000),
      })
      .nullable()
      .optional(),
  })
  .openapi('NewPortalPayment');

const MethodParams = TokenParam.extend({
  id: prefixedId('pm').openapi({ param: { name: 'id', in: 'path' } }),
});
const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  starting_after: prefixedId('pay').optional(),
});
const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({ description: 'Required: a new random value for each payment the customer makes.' }),
});

export const portalPaymentRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'post',
      path: '/{token}/payments',
      tags,
      summary: 'Start a payment',
      description:
        'The server computes subtotal, tip and fee again from the ledger and settings. Needs an ' +
        '`Idempotency-Key` header: the same key and body replay the same answer; the same key ' +
        'with another body is a 422 `idempotency_error`. 409 `amount_unavailable` (with ' +
        '`amount_available`) when another payment in flight holds part of what is asked.',
      request: { params: TokenParam, headers: IdempotencyHeader, ...jsonBody(NewPayment) },
      responses: {
        200: jsonResponse(PortalPayment, 'The payment, with what the browser needs to confirm it'),
        ...errorResponses(400, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const { db, config } = c.var;
      const scope = await openPortalLinkToPay(c, c.req.valid('param').token);
      const key = idempotencyKey(c.req.header('idempotency-key'));
      const input = c.req.valid('json');
      // PayPal for `paypal`, the card provider for every other method.
      const provider = providerForMethod(config, db, input.method);
      const client = clientOf(c);
      const request = { link: scope.link.id, body: input };
      const answer = await idempotent(db, scope.business.id, key, request, async (resume) => {
        const started = resume
          ? await startWithProvider(
              db,
              provider,
              scope,
              await getLinkPayment(db, scope, resume.paymentId),
            )
          : await createPortalPayment(db, provider, scope, input, client, key);
        return {
          ...portalPaymentView(started.payment, scope),
          client_secret: started.clientSecret,
        };
      });
      if (answer.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(answer.body, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{token}/payments',
      tags,
      summary: 'Payment history of the link, newest first',
      description: 'Payments the customer submitted (not those only started, nor canceled).',
      request: { params: TokenParam, query: HistoryQuery },
      responses: {
        200: jsonResponse(listOf(PortalPayment), 'A page of payments'),
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const { db } = c.var;
      const scope = await openPortalLink(c, c.req.valid('param').token);
      const page = c.req.valid('query');
      const rows = await listLinkPayments(db, scope, page);
      const refunds = await refundsOf(
        db,
        rows.map((row) => row.id),
      );
      const view = async (row: (typeof rows)[number]) =>
        portalPaymentView(await asSeenByLink(db, scope, row), scope, refunds.get(row.id));
      return c.json(await listAnswer(rows, page.limit, (data) => Promise.all(data.map(view))), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{token}/payment_methods/{id}',
      tags,
      summary: 'Forget a saved card',
      request: { params: MethodParams },
      responses: {
        200: jsonResponse(
          z.object({
            id: z.string(),
            object: z.literal('payment_method'),
            deleted: z.literal(true),
          }),
          'Forgotten',
        ),
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const scope = await openPortalLink(c, token);
      await removeSavedPaymentMethod(c.var.db, paymentProvider(c.var.config, c.var.db), scope, id);
      return c.json({ id, object: 'payment_method' as const, deleted: true as const }, 200);
    },
  );
