/**
 * The sandbox's book of payments (`sandbox_payments`), read as a provider reads its own: one
 * payment by id or by the idempotency key that made it, and its state as the provider tells it.
 */
import type { Db } from '../db/database.ts';
import type { SandboxPaymentTable } from '../db/schema.ts';
import { conflict } from '../http/errors.ts';
import type { PaymentMethodDetails, ProviderPaymentState } from './provider.ts';

/** A payment in the book, or a 409 (as a provider answers for an id it does not know). */
export async function sandboxPayment(
  db: Db,
  providerPaymentId: string,
): Promise<SandboxPaymentTable> {
  const row = await db
    .selectFrom('sandbox_payments')
    .selectAll()
    .where('id', '=', providerPaymentId)
    .executeTakeFirst();
  if (!row) throw conflict('provider_payment_missing', 'The sandbox has no such payment.');
  return row;
}

/** The payment made earlier with this idempotency key, replayed as a provider replays it. */
export function sandboxPaymentByKey(db: Db, idempotencyKey: string) {
  return db
    .selectFrom('sandbox_payments')
    .selectAll()
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

/** The payment's state as the provider tells it (a webhook's or a retrieve's answer). */
export function stateOf(row: SandboxPaymentTable): ProviderPaymentState {
  const details: PaymentMethodDetails | null =
    row.method && row.last4
      ? {
          method: row.method,
          funding: row.funding,
          brand: row.brand,
          last4: row.last4,
          expMonth: row.exp_month,
          expYear: row.exp_year,
          paymentMethodId: row.payment_method_id,
        }
      : null;
  return {
    status: row.status,
    amount: Number(row.amount),
    details,
    failure:
      row.failure_code !== null
        ? { code: row.failure_code, message: row.failure_message ?? '' }
        : null,
  };
}
