/** `/v1/payments`: the business's payments, and refunds through the provider. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { ListQuery, listHandler, listRoute } from '../../http/lists.ts';
import { openApiHooks } from '../../http/openapi.ts';
import {
  errorResponses,
  idParam,
  jsonBody,
  jsonResponse,
  positiveAmount,
  prefixedId,
  Timestamp,
} from '../../http/schemas.ts';
import { getBusinessPayment, listBusinessPayments } from '../../payments/payments.ts';
import { providerNamed } from '../../payments/providers.ts';
import { refundPayment } from '../../payments/refunds.ts';
import { staffPaymentViews, staffRefundView } from '../../payments/staff-views.ts';

export const Refund = z
  .object({
    id: z.string(),
    object: z.literal('refund'),
    payment: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    failure_message: z.string().nullable(),
    reason: z.string().nullable().openapi({
      description: "Why staff refunded, for the business's records; never shown to the customer.",
    }),
    created: Timestamp,
  })
  .openapi('Refund');

const STATUSES = [
  'requires_confirmation',
  'processing',
  'requires_action',
  'succeeded',
  'failed',
  'canceled',
] as const;

export const StaffPayment = z
  .object({
    id: z.string(),
    object: z.literal('payment'),
    customer: z.string(),
    payment_link: z.string().nullable(),
    status: z.enum(STATUSES),
    amount: z.number().int(),
    subtotal: z.number().int(),
    tip: z.number().int(),
    fee: z.number().int(),
    currency: z.string(),
    provider: z.enum(['sandbox', 'stripe', 'square', 'paypal']),
    provider_payment_id: z.string().nullable(),
    method: z.enum(['card', 'us_bank_account', 'paypal']),
    funding: z.string().nullable(),
    card: z.object({ brand: z.string().nullable(), last4: z.string() }).nullable(),
    receipt_number: z.string().nullable(),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    invoices: z.array(z.object({ invoice: z.string(), amount: z.number().int() })),
    amount_refunded: z.number().int(),
    refunds: z.array(Refund),
    /** A cardholder's dispute, as the provider tells it; null when none. */
    dispute: z
      .object({
        id: z.string(),
        status: z.string(),
        reason: z.string(),
        amount: z.number().int(),
        funds_withdrawn: z.boolean(),
      })
      .nullable(),
    created: Timestamp,
    succeeded_at: Timestamp.nullable(),
  })
  .openapi('Payment');

const PaymentListQuery = ListQuery.extend({
  customer: prefixedId('cus').optional(),
  status: z.enum(STATUSES).optional(),
});

const security = [{ bearer: [] }];
const tags = ['Payments'];

export const paymentRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    listRoute({
      tags,
      summary: 'List payments, newest first',
      request: { query: PaymentListQuery },
      item: StaffPayment,
      page: 'A page of payments',
    }),
    listHandler(
      (c, page) => listBusinessPayments(c.var.db, c.var.business.id, page),
      (c, rows) => staffPaymentViews(c.var.db, rows),
    ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      summary: 'Retrieve a payment',
      request: { params: idParam('pay') },
      responses: {
        200: jsonResponse(StaffPayment, 'The payment'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const payment = await getBusinessPayment(db, business.id, c.req.valid('param').id);
      const [view] = await staffPaymentViews(db, [payment]);
      return c.json(view!, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/refunds',
      tags,
      security,
      summary: 'Refund a payment, in full or in part',
      description:
        'Without `amount`, refunds what is left. The refund goes through the provider and is ' +
        'posted to the ledger: the amount goes back onto the balance (an invoice it paid ' +
        'reopens); tip and fee refunded are taken off the balance again, since they were never ' +
        'owed. 422 `amount_too_large` beyond what is left to refund.',
      request: {
        params: idParam('pay'),
        ...jsonBody(
          z.object({
            amount: positiveAmount.optional(),
            reason: z.string().trim().min(1).max(500).optional().openapi({
              description:
                "Why, in staff's words; kept with the refund, never shown to the customer.",
            }),
          }),
        ),
      },
      responses: {
        200: jsonResponse(Refund, 'The refund'),
        ...errorResponses(400, 401, 404, 409, 422),
      },
    }),
    async (c) => {
      const { db, business, config } = c.var;
      const { id } = c.req.valid('param');
      const payment = await getBusinessPayment(db, business.id, id);
      // Refunded through the provider that took it (PayPal's beside the card provider).
      const provider = providerNamed(config, db, payment.provider);
      const { amount, reason } = c.req.valid('json');
      const refund = await refundPayment(db, provider, business.id, id, amount, reason ?? null);
      return c.json(staffRefundView(refund, business.currency), 200);
    },
  );
