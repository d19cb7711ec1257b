/**
 * Bringing the provider's amount to the payment's total before the customer confirms (the fee
 * follows the card's funding). Each change is counted on the payment in its own transaction
 * before the provider is called, so each distinct attempt has an idempotency key of its own:
 * debit (100.00), credit (103.00), debit again sends 100.00 with a new key, where a key made of
 * the amount would have been replayed by Stripe with the 103.00 answer (issue 10, defect 1). A
 * retry of the same attempt after a crash is a new attempt too, which is harmless: setting an
 * amount twice sets it once. And the amount the provider answers with is checked: a replayed or
 * stale answer is never taken as proof that the change happened.
 */
import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import type { Payment } from './payments.ts';
import type { PaymentProvider } from './provider.ts';

export async function setProviderAmount(
  db: Db,
  provider: PaymentProvider,
  payment: Pick<Payment, 'id' | 'provider_payment_id'>,
  total: number,
): Promise<void> {
  const providerPaymentId = payment.provider_payment_id;
  if (!providerPaymentId) return;
  const atProvider = await provider.retrieve(providerPaymentId);
  if (atProvider.amount === total) return;
  const key = `${payment.id}:change:${await countProviderChange(db, payment.id)}`;
  const amount = await provider.updateAmount(providerPaymentId, total, key);
  if (amount !== total) {
    throw new ApiError(
      500,
      'api_error',
      'provider_amount_mismatch',
      'The payment processor did not take the new total. Nothing was charged; try again.',
    );
  }
}

/**
 * Counts one more change asked of the provider for this payment (a new amount, a confirmation),
 * in its own statement before the call: the count makes the call's idempotency key new for
 * each distinct attempt.
 */
export async function countProviderChange(db: Db, paymentId: string): Promise<number> {
  const counted = await db
    .updateTable('payments')
    .set((eb) => ({ provider_changes: eb('provider_changes', '+', 1) }))
    .where('id', '=', paymentId)
    .returning('provider_changes')
    .executeTakeFirstOrThrow();
  return counted.provider_changes;
}
