/**
 * What the portal shows of a payment, and the path parameters naming one: shared by the routes
 * that start and list payments (portal-payments.ts) and those that take one payment forward
 * (portal-payment-steps.ts).
 */
import { z } from '@hono/zod-openapi';
import { prefixedId } from '../../http/schemas.ts';
import type { PortalScope } from '../../links/access.ts';
import { madeElsewhere, type Payment, paymentFields } from '../../payments/payments.ts';
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
    provider: z.enum(['sandbox', 'stripe']),
    method: z.enum(['card', 'us_bank_account']),
    funding: z.string().nullable(),
    card: z.object({ brand: z.string().nullable(), last4: z.string() }).nullable(),
    receipt_number: z.string().nullable(),
    receipt_url: z.string().nullable(),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    next_action: z.object({ type: z.string(), message: z.string() }).nullable(),
    client_secret: z.string().nullable().optional(),
    created: z.string(),
    succeeded_at: z.string().nullable(),
  })
  .openapi('PortalPayment');

export const PaymentParams = TokenParam.extend({
  id: prefixedId('pay').openapi({ param: { name: 'id', in: 'path' } }),
});
export function portalPaymentView(payment: Payment, scope: PortalScope) {
  return {
    ...paymentFields(payment),
    receipt_url:
      payment.status === 'succeeded' && !madeElsewhere(scope, payment)
        ? `/v1/portal/${scope.token}/payments/${payment.id}/receipt.pdf`
        : null,
    next_action:
      payment.status === 'requires_action'
        ? {
            type: payment.provider === 'sandbox' ? 'sandbox_three_d_secure' : 'use_stripe_sdk',
            message: 'Your bank asks you to confirm this payment.',
          }
        : null,
  };
}
