/**
 * The one way a provider's outcome reaches our books, whoever reports it: Stripe's webhook, the
 * sandbox at confirmation, reconciliation on start. Each event is taken once (its id is kept in
 * `provider_events` in the same transaction as its effect), and each effect is written with the
 * payment's row held, judged against the payment's current status:
 *
 * - succeeded: posted once (record.ts), even after a failure (a retried attempt that succeeded);
 * - failed: ignored once the payment succeeded (events out of order); else the holds are freed;
 * - requires_action / processing: ignored once the payment ended;
 * - refund.succeeded / refund.failed: the refund is posted once, or marked failed (reversed in
 *   the ledger, and the business told, when it had succeeded: refunds.ts).
 *
 * An event for a payment we do not know (yet) is not kept, so a later delivery can still apply.
 */
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { applyDisputeEvent } from './disputes.ts';
import { holdExpiry, keepHolds, releaseHolds } from './holds.ts';
import { emitPaymentEvent } from './payment-events.ts';
import { lockPayment, type Payment } from './payments.ts';
import type { ProviderEvent } from './provider.ts';
import { cardColumns, recordPaymentSuccess } from './record.ts';
import { failRefund, postRefund } from './refunds.ts';

export type EventOutcome = 'applied' | 'ignored' | 'duplicate' | 'unknown_payment';

export async function handleProviderEvent(db: Db, event: ProviderEvent): Promise<EventOutcome> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .insertInto('provider_events')
      .values({
        id: event.id,
        provider: event.provider,
        type: event.type,
        payment_id: null,
        received_at: now(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(taken.numInsertedOrUpdatedRows ?? 0) === 0) return 'duplicate';

    const payment = await findPayment(trx, event);
    if (!payment) {
      await trx.deleteFrom('provider_events').where('id', '=', event.id).execute();
      return 'unknown_payment';
    }
    await trx
      .updateTable('provider_events')
      .set({ payment_id: payment.id })
      .where('id', '=', event.id)
      .execute();
    return (await apply(trx, payment, event)) ? 'applied' : 'ignored';
  });
}

/**
 * Whether a webhook event was taken already, whole (its id) or in part (`<id>:<refund>`, the
 * refunds of a `charge.refunded`): a redelivery is answered `duplicate` before the provider is
 * asked anything about it. A part not yet taken is not a duplicate; handleProviderEvent() still
 * takes each part once.
 */
export async function eventTaken(db: Db, provider: string, eventId: string): Promise<boolean> {
  const found = await db
    .selectFrom('provider_events')
    .select('id')
    .where('provider', '=', provider)
    .where((eb) => eb.or([eb('id', '=', eventId), eb('id', 'like', `${eventId}:%`)]))
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

/** By the provider's id, or by our id from the event's metadata (before we stored theirs). */
async function findPayment(trx: Trx, event: ProviderEvent): Promise<Payment | undefined> {
  const found = await lockPayment(trx, { providerPaymentId: event.providerPaymentId });
  if (found) return found;
  if (!event.paymentId) return undefined;
  const byOurId = await lockPayment(trx, { id: event.paymentId });
  if (!byOurId || byOurId.provider !== event.provider || byOurId.provider_payment_id !== null) {
    return undefined;
  }
  await trx
    .updateTable('payments')
    .set({ provider_payment_id: event.providerPaymentId })
    .where('id', '=', byOurId.id)
    .execute();
  return { ...byOurId, provider_payment_id: event.providerPaymentId };
}

async function apply(trx: Trx, payment: Payment, event: ProviderEvent): Promise<boolean> {
  const ended = payment.status === 'succeeded' || payment.status === 'canceled';
  switch (event.type) {
    case 'payment.succeeded':
      return recordPaymentSuccess(trx, payment, {
        amount: event.amount,
        details: event.details ?? null,
      });
    case 'payment.failed':
      if (ended) return false;
      await setStatus(trx, payment, 'failed', event);
      await releaseHolds(trx, payment.id);
      return true;
    case 'payment.requires_action':
      if (ended) return false;
      await setStatus(trx, payment, 'requires_action', event);
      // The customer has a step to take with their bank: hold for a while, not for ever.
      await trx
        .updateTable('payment_holds')
        .set({ expires_at: holdExpiry() })
        .where('payment_id', '=', payment.id)
        .execute();
      return true;
    case 'payment.processing':
      if (ended) return false;
      await setStatus(trx, payment, 'processing', event);
      await keepHolds(trx, payment.id);
      return true;
    case 'refund.succeeded':
    case 'refund.failed':
      return applyRefundEvent(trx, payment, event);
    case 'dispute.created':
    case 'dispute.updated':
    case 'dispute.funds_withdrawn':
    case 'dispute.funds_reinstated':
    case 'dispute.closed': {
      const opens = event.dispute ? !(await disputeKnown(trx, event.dispute.id)) : false;
      const applied = await applyDisputeEvent(trx, payment, event);
      // Told from here, not disputes.ts: the staff view the event carries reads the disputes.
      if (opens) await emitPaymentEvent(trx, payment.id, 'payment.disputed');
      return applied;
    }
  }
}

async function disputeKnown(trx: Trx, providerDisputeId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('disputes')
    .select('provider_dispute_id')
    .where('provider_dispute_id', '=', providerDisputeId)
    .executeTakeFirst();
  return row !== undefined;
}

async function setStatus(
  trx: Trx,
  payment: Payment,
  status: 'failed' | 'requires_action' | 'processing',
  event: ProviderEvent,
) {
  await trx
    .updateTable('payments')
    .set({
      status,
      ...cardColumns(event.details),
      failure_code: status === 'failed' ? (event.failure?.code ?? 'payment_failed') : null,
      failure_message:
        status === 'failed'
          ? (event.failure?.message ??
            'The payment did not go through. Try another payment method.')
          : null,
      updated_at: now(),
    })
    .where('id', '=', payment.id)
    .execute();
  if (status === 'failed' && payment.status !== 'failed') {
    await emitPaymentEvent(trx, payment.id, 'payment.failed');
  }
}

async function applyRefundEvent(trx: Trx, payment: Payment, event: ProviderEvent) {
  let refund = event.providerRefundId
    ? await trx
        .selectFrom('refunds')
        .selectAll()
        .where('provider_refund_id', '=', event.providerRefundId)
        .executeTakeFirst()
    : undefined;
  if (!refund && event.refundId) {
    refund = await trx
      .selectFrom('refunds')
      .selectAll()
      .where('id', '=', event.refundId)
      .where('payment_id', '=', payment.id)
      .executeTakeFirst();
  }
  if (!refund) {
    if (event.type === 'refund.failed') return false;
    // A refund made at the provider directly (Stripe's dashboard): ours from now on.
    const at = now();
    const id = newId('re');
    refund = {
      id,
      business_id: payment.business_id,
      payment_id: payment.id,
      amount: event.amount,
      status: 'pending' as const,
      provider_refund_id: event.providerRefundId ?? null,
      provider_idempotency_key: `${id}:external`,
      failure_message: null,
      reason: null,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('refunds').values(refund).execute();
  } else if (event.providerRefundId && !refund.provider_refund_id) {
    await trx
      .updateTable('refunds')
      .set({ provider_refund_id: event.providerRefundId })
      .where('id', '=', refund.id)
      .execute();
  }
  if (event.type === 'refund.failed') {
    return failRefund(trx, payment, refund, {
      code: event.failure?.code ?? 'refund_failed',
      message: event.failure?.message ?? 'The refund failed.',
    });
  }
  return postRefund(trx, payment, refund);
}
