/**
 * `/v1/portal/:token/payments` and `/v1/portal/:token/payment_methods`: the customer starts a
 * payment, reads the history, forgets a saved card (one payment taken forward:
 * portal-payment-steps.ts). The token is the only credential (openPortalLink: one 404 for every
 * dead link; portalGuard in app.ts rate limits). docs/payments.md tells the whole flow.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { olderThan } from '../../db/pagination.ts';
import { clientAddress } from '../../http/client-address.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, jsonBody, jsonResponse, prefixedId } from '../../http/schemas.ts';
import { openPortalLink } from '../../links/access.ts';
import { createPortalPayment, startWithProvider } from '../../payments/create.ts';
import {
  beginIdempotent,
  releaseKey,
  requestHash,
  storeResponse,
} from '../../payments/idempotency.ts';
import { asSeenByLink, getLinkPayment, paymentsInScope } from '../../payments/payments.ts';
import { paymentProvider } from '../../payments/providers.ts';
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
    method: z.enum(['card', 'us_bank_account']),
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
      const provider = paymentProvider(config, db);
      const scope = await openPortalLink(c, c.req.valid('param').token);
      const key = c.req.header('idempotency-key')?.trim() ?? '';
      if (key.length === 0 || key.length > 255) {
        throw new ApiError(
          400,
          'invalid_request_error',
          key.length === 0 ? 'idempotency_key_missing' : 'parameter_invalid',
          'Send an Idempotency-Key header of 1 to 255 characters, new for each payment.',
          'Idempotency-Key',
        );
      }
      const input = c.req.valid('json');
      const businessId = scope.business.id;
      const start = await beginIdempotent(
        db,
        businessId,
        key,
        requestHash({ link: scope.link.id, body: input }),
      );
      if (start.kind === 'replay') {
        c.header('Idempotent-Replayed', 'true');
        return c.json(JSON.parse(start.body) as z.infer<typeof PortalPayment>, 200);
      }
      try {
        const started =
          start.kind === 'resume'
            ? await startWithProvider(
                db,
                provider,
                scope,
                await getLinkPayment(db, scope, start.paymentId),
              )
            : await createPortalPayment(
                db,
                provider,
                scope,
                input,
                { address: clientAddress(c), userAgent: c.req.header('user-agent') ?? null },
                key,
              );
        const body = {
          ...portalPaymentView(started.payment, scope),
          client_secret: started.clientSecret,
        };
        await storeResponse(db, businessId, key, 200, body);
        return c.json(body, 200);
      } catch (error) {
        await releaseKey(db, businessId, key);
        throw error;
      }
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
        200: jsonResponse(
          z.object({
            object: z.literal('list'),
            data: z.array(PortalPayment),
            has_more: z.boolean(),
          }),
          'A page of payments',
        ),
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const { db } = c.var;
      const scope = await openPortalLink(c, c.req.valid('param').token);
      const { limit, starting_after } = c.req.valid('query');
      let query = paymentsInScope(db, scope)
        .where('status', 'not in', ['requires_confirmation', 'canceled'])
        .limit(limit + 1);
      if (starting_after) {
        const cursor = await getLinkPayment(db, scope, starting_after).catch(() => {
          throw new ApiError(
            404,
            'invalid_request_error',
            'resource_missing',
            'No such payment.',
            'starting_after',
          );
        });
        query = query.where(olderThan(cursor));
      }
      const rows = await query.execute();
      return c.json(
        {
          object: 'list' as const,
          data: await Promise.all(
            rows
              .slice(0, limit)
              .map(async (row) => portalPaymentView(await asSeenByLink(db, scope, row), scope)),
          ),
          has_more: rows.length > limit,
        },
        200,
      );
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
