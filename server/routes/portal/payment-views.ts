/**
 * What the portal shows of a payment, and the path parameters naming one: shared by the routes
 * that start and list payments (portal-payments.ts) and those that take one payment forward
 * (portal-payment-steps.ts).
 */
import { z } from '@hono/zod-openapi';
import type { RefundTable } from '../../db/schema.ts';
import { prefixedId } from '../../http/schemas.ts';
import type { PortalScope } from '../../links/access.ts';
import {
  amountRefunded,
  madeElsewhere,
  type Payment,
  paymentFields,
} from '../../payments/payments.ts';
import { TokenParam } from '../../portal/schemas.ts';

export const tags = ['Portal payments'];

export const PortalPayment = z
  .object({
    id: z.string(),
    object: z.literal('payment'),
    status: z.enum([
      'requires_confirmation',
      'processing',
      'requires_action',
      'succeeded',
      'failed',
      'canceled',
    ]),
    amount: z.number().int(),
    subtotal: z.number().int(),
    tip: z.number().int(),
    fee: z.number().int(),
    currency: z.string(),
    provider: z.enum(['sandbox', 'stripe', 'square', 'paypal']),
    method: z.enum(['card', 'us_bank_account', 'paypal']),
    funding: z.string().nullable(),
    card: z.object({ brand: z.string().nullable(), last4: z.string() }).nullable(),
    receipt_number: z.string().nullable(),
    receipt_url: z.string().nullable(),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    next_action: z.object({ type: z.string(), message: z.string() }).nullable(),
    client_secret: z.string().nullable().optional().openapi({
      description:
        "What the browser confirms with, only in the answer that made the payment: Stripe's PaymentIntent client secret, or PayPal's order id (for its Buttons' createOrder).",
    }),
    created: z.string(),
    succeeded_at: z.string().nullable(),
    amount_refunded: z.number().int().openapi({
      description: 'What has been given back of it (refunds succeeded or on their way).',
    }),
    refunds: z
      .array(
        z.object({
          id: z.string(),
          amount: z.number().int(),
          status: z.enum(['pending', 'succeeded', 'failed']),
          created: z.string(),
        }),
      )
      .openapi({
        description: 'Its refunds, oldest first, as the customer’s bank will show them.',
      }),
  })
  .openapi('PortalPayment');

export const PaymentParams = TokenParam.extend({
  id: prefixedId('pay').openapi({ param: { name: 'id', in: 'path' } }),
});
/**
 * `refunds`: the payment's refunds (none for one just made). A payment made through another link
 * is shown as the part that paid this link's invoice, so its refunds, which may have given back
 * other parts, are not shown there.
 */
export function portalPaymentView(
  payment: Payment,
  scope: PortalScope,
  refunds: readonly RefundTable[] = [],
  /** The provider's own next step, when it just said so (Stripe's `next_action.type`). */
  providerAction: { type: string } | null = null,
) {
  const shown = madeElsewhere(scope, payment) ? [] : refunds.filter((r) => r.status !== 'failed');
  return {
    ...paymentFields(payment),
    amount_refunded: amountRefunded(shown),
    refunds: shown.map((refund) => ({
      id: refund.id,
      amount: Number(refund.amount),
      status: refund.status,
      created: refund.created_at,
    })),
    receipt_url:
      payment.status === 'succeeded' && !madeElsewhere(scope, payment)
        ? `/v1/portal/${scope.token}/payments/${payment.id}/receipt.pdf`
        : null,
    next_action:
      payment.status === 'requires_action'
        ? {
            type:
              providerAction?.type ??
              (payment.provider === 'sandbox' ? 'sandbox_three_d_secure' : 'use_stripe_sdk'),
            message: 'Your bank asks you to confirm this payment.',
          }
        : null,
  };
}
