/**
 * `POST /v1/portal/:token/payments/:id/confirm` for a provider whose buyer approves the payment
 * in the provider's own window (PayPal, and Venmo through it): the browser sends the order it
 * approved (`{"paypal": {"order_id"}}`), which must be the one made for this payment. The
 * payment is claimed (two tabs capture once), its holds kept while money moves, and the order
 * captured with a key new for each attempt (`<pay_id>:capture:<n>`). The fee was fixed when the
 * payment was made: the method is known from the start, so the total never changes here.
 *
 * What the capture answers reaches our books through handleProviderEvent, with the same event
 * id reconciliation uses for this order's success, so the capture's answer, a webhook and a
 * restart after a crash record it once. A decline is the payment `failed`, in the customer's
 * words, and may be tried again (PayPal lets the buyer choose another funding source). No answer
 * at all: the order is read again; captured, it is recorded; not captured, the payment goes back
 * to the customer (a second capture of one order is refused by PayPal, so nothing is charged twice).
 */
import type { Db } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { conflict } from '../http/errors.ts';
import type { PortalScope } from '../links/access.ts';
import { countProviderChange } from './amounts.ts';
import { cancelIfNotPayable, claim, putBack } from './confirm-claim.ts';
import { handleProviderEvent } from './events.ts';
import { placeHolds } from './holds.ts';
import { getLinkPayment, type Payment, quoteInputOf } from './payments.ts';
import type { PaymentProvider, ProviderPaymentState } from './provider.ts';
import { reconcilePayment } from './reconcile.ts';

export async function confirmByCapture(
  db: Db,
  provider: PaymentProvider,
  scope: PortalScope,
  paymentId: string,
  orderId: string,
): Promise<Payment> {
  const payment = await getLinkPayment(db, scope, paymentId);
  if (!provider.captureApproved || payment.provider !== provider.name) {
    throw conflict(
      'confirm_not_supported',
      `This payment is not confirmed through ${provider.name}.`,
    );
  }
  if (!payment.provider_payment_id || payment.provider_payment_id !== orderId) {
    throw conflict('order_mismatch', 'This PayPal order was not made for this payment.');
  }
  await claim(db, payment.id, ['requires_confirmation', 'failed'], async (trx, current) => {
    const gone = await cancelIfNotPayable(trx, scope, current);
    if (gone) return { refuse: gone };
    // Money is moving: what it pays stays held until PayPal answers (or reconciliation does).
    await placeHolds(trx, current, quoteInputOf(current), null);
    return null;
  });
  const key = `${payment.id}:capture:${await countProviderChange(db, payment.id)}`;
  let state: ProviderPaymentState;
  try {
    state = await provider.captureApproved({
      providerPaymentId: orderId,
      idempotencyKey: key,
      currency: payment.currency,
    });
  } catch (error) {
    // Refused, or no answer: what PayPal did meanwhile is read back; if nothing, the customer
    // may press the PayPal button again.
    const recorded = await reconcilePayment(db, provider, payment).catch(() => null);
    if (recorded !== 'recorded') await putBack(db, payment.id);
    throw error;
  }
  await record(db, provider, payment, orderId, state);
  return getLinkPayment(db, scope, payment.id);
}

async function record(
  db: Db,
  provider: PaymentProvider,
  payment: Payment,
  orderId: string,
  state: ProviderPaymentState,
) {
  const base = { provider: provider.name, providerPaymentId: orderId, paymentId: payment.id };
  if (state.status === 'succeeded') {
    // The id reconciliation gives this order's success: whichever comes first records it.
    await handleProviderEvent(db, {
      ...base,
      id: `reconcile:${orderId}:succeeded`,
      type: 'payment.succeeded',
      amount: state.amount,
      details: state.details,
    });
  } else if (state.status === 'failed') {
    await handleProviderEvent(db, {
      ...base,
      id: `capture:${orderId}:failed:${now()}`,
      type: 'payment.failed',
      amount: state.amount,
      details: state.details,
      failure: state.failure,
    });
  } else if (state.status === 'processing') {
    // PayPal holds the capture PENDING: PAYMENT.CAPTURE.COMPLETED (or DENIED) tells the end.
    await handleProviderEvent(db, {
      ...base,
      id: `capture:${orderId}:processing`,
      type: 'payment.processing',
      amount: state.amount,
      details: state.details,
    });
  } else {
    await putBack(db, payment.id);
  }
}
