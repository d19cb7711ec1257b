/**
 * `POST /v1/portal/:token/payments/:id/cancel`: the customer lets go of a payment they never
 * completed (made for choices they then changed, refused at the card, a new total not accepted, a
 * 3-D Secure step abandoned, a decline), so what it held is free at once instead of for the
 * 15 minutes a hold lasts (holds.ts), and the next payment is not told another one holds the
 * invoices.
 *
 * Only a payment of the link that is `requires_confirmation`, `requires_action` or `failed` is
 * canceled; one already canceled is answered as it is (a retry); one that succeeded or whose money
 * is moving (`processing`) is a 409 `payment_not_cancelable`. The provider's side is canceled
 * first (Stripe's PaymentIntent, which Stripe.js could otherwise still confirm with its client
 * secret), then ours, with the payment's row held: an event that arrived meanwhile wins, and a
 * success recorded after a cancel is still recorded (events.ts), so no money is ever lost.
 */
import type { Db } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { conflict } from '../http/errors.ts';
import type { PortalScope } from '../links/access.ts';
import { releaseHolds } from './holds.ts';
import { getLinkPayment, lockPayment, type Payment } from './payments.ts';
import type { PaymentProvider } from './provider.ts';
import { reconcilePayment } from './reconcile.ts';

const CANCELABLE = new Set<Payment['status']>([
  'requires_confirmation',
  'requires_action',
  'failed',
]);

export async function cancelPortalPayment(
  db: Db,
  provider: PaymentProvider,
  scope: PortalScope,
  paymentId: string,
): Promise<Payment> {
  const payment = await getLinkPayment(db, scope, paymentId);
  if (payment.status === 'canceled') return payment;
  if (!CANCELABLE.has(payment.status)) throw notCancelable(payment);
  if (payment.provider_payment_id && payment.provider === provider.name) {
    try {
      await provider.cancel(payment.provider_payment_id, `${payment.id}:cancel`);
    } catch (error) {
      // The provider took it meanwhile (another tab, Stripe.js): our books learn it now.
      await reconcilePayment(db, provider, payment).catch(() => null);
      throw error;
    }
  }
  const canceled = await db.transaction().execute(async (trx) => {
    const current = (await lockPayment(trx, { id: payment.id }))!;
    if (current.status === 'canceled') return current;
    if (!CANCELABLE.has(current.status)) throw notCancelable(current);
    const at = now();
    await trx
      .updateTable('payments')
      .set({ status: 'canceled', updated_at: at })
      .where('id', '=', payment.id)
      .execute();
    await releaseHolds(trx, payment.id);
    return { ...current, status: 'canceled' as const, updated_at: at };
  });
  return canceled;
}

function notCancelable(payment: Payment) {
  return payment.status === 'succeeded'
    ? conflict('payment_not_cancelable', 'This payment has already been made.')
    : conflict(
        'payment_not_cancelable',
        'This payment is being processed and can no longer be canceled.',
      );
}
