/** A payment's events (issue 14), carrying the payment as the staff API shows it. */
import type { Trx } from '../db/database.ts';
import type { EventType } from '../events/catalog.ts';
import { emitEvent } from '../events/events.ts';
import { staffPaymentViews } from './staff-views.ts';

export type PaymentEventType = Extract<EventType, `payment.${string}`>;

/** Call inside the transaction of the change, after it is written: the payment is read again. */
export async function emitPaymentEvent(
  trx: Trx,
  paymentId: string,
  type: PaymentEventType,
  extra?: Record<string, unknown>,
) {
  const payment = await trx
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', paymentId)
    .executeTakeFirstOrThrow();
  const [view] = await staffPaymentViews(trx, [payment]);
  return emitEvent(trx, {
    business_id: payment.business_id,
    type,
    object: view!,
    ...(extra ? { extra } : {}),
  });
}
