/**
 * Reconciliation, run on start: payments still in flight on our side (processing,
 * requires_action, requires_confirmation or failed, with a provider id, changed in the last
 * RECENT_DAYS) are read again from the provider. One that succeeded there is recorded through
 * handleProviderEvent like any other event, so a crash between the provider's success and our
 * write (or a lost webhook) ends with the payment recorded once. The event ids it makes are the
 * same in every process, so several processes reconciling at once still record once.
 */

import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { handleProviderEvent } from './events.ts';
import { lapseHolds } from './holds.ts';
import { pruneIdempotencyKeys } from './idempotency.ts';
import type { Payment } from './payments.ts';
import type { PaymentProvider } from './provider.ts';

const RECENT_DAYS = 7;
/** A claim this old without the provider taking the payment was cut short by a crash. */
const STALE_CLAIM_MS = 2 * 60_000;

export interface ReconcileReport {
  checked: number;
  recorded: number;
  failed: number;
  released: number;
}

export async function reconcilePayments(
  db: Db,
  provider: PaymentProvider,
  logger?: Logger,
): Promise<ReconcileReport> {
  const report: ReconcileReport = { checked: 0, recorded: 0, failed: 0, released: 0 };
  await pruneIdempotencyKeys(db);
  const since = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString();
  const open = await db
    .selectFrom('payments')
    .select(['id', 'status', 'provider_payment_id', 'updated_at'])
    .where('provider', '=', provider.name)
    .where('provider_payment_id', 'is not', null)
    .where('status', 'in', ['processing', 'requires_action', 'requires_confirmation', 'failed'])
    .where('updated_at', '>=', since)
    .orderBy('created_at', 'asc')
    .execute();
  report.released += await releaseUnansweredAttempts(db, provider, since, logger);
  for (const payment of open) {
    report.checked += 1;
    try {
      const outcome = await reconcilePayment(db, provider, payment);
      if (outcome) report[outcome] += 1;
    } catch (error) {
      logger?.warn({ err: error, payment: payment.id }, 'reconcile: provider did not answer');
    }
  }
  if (report.recorded + report.failed + report.released > 0) {
    logger?.info(report, 'reconciled payments with the provider');
  }
  return report;
}

/**
 * A provider whose payment is made at confirmation (Square) leaves no id of its own until it
 * answers: a process that died while asking leaves our payment `processing` without one. After
 * STALE_CLAIM_MS the attempt is voided by the key it was asked with (Square's
 * CancelPaymentByIdempotencyKey: an authorization is only ever captured by us) and the payment
 * goes back to the customer. The key is the last one counted: `<pay_id>:confirm:<n>`.
 */
async function releaseUnansweredAttempts(
  db: Db,
  provider: PaymentProvider,
  since: string,
  logger?: Logger,
): Promise<number> {
  if (!provider.cancelAttempt) return 0;
  const stale = new Date(Date.now() - STALE_CLAIM_MS).toISOString();
  const unanswered = await db
    .selectFrom('payments')
    .select(['id', 'provider_changes'])
    .where('provider', '=', provider.name)
    .where('provider_payment_id', 'is', null)
    .where('status', '=', 'processing')
    .where('updated_at', '>=', since)
    .where('updated_at', '<', stale)
    .execute();
  let released = 0;
  for (const payment of unanswered) {
    try {
      await provider.cancelAttempt(`${payment.id}:confirm:${payment.provider_changes}`);
      await db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('payments')
          .set({ status: 'requires_confirmation', updated_at: now() })
          .where('id', '=', payment.id)
          .where('status', '=', 'processing')
          .where('provider_payment_id', 'is', null)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) > 0) {
          await lapseHolds(trx, payment.id);
          released += 1;
        }
      });
    } catch (error) {
      logger?.warn({ err: error, payment: payment.id }, 'reconcile: attempt not voided');
    }
  }
  return released;
}

/**
 * Reads one payment again from the provider and records what it learns, through the one event
 * path. Also used when the portal asks for a Stripe payment's status, so the confirmation shows at
 * once even if the webhook is slow.
 */
export async function reconcilePayment(
  db: Db,
  provider: PaymentProvider,
  payment: Pick<Payment, 'id' | 'status' | 'provider_payment_id' | 'updated_at'>,
): Promise<'recorded' | 'failed' | 'released' | null> {
  const providerPaymentId = payment.provider_payment_id;
  if (!providerPaymentId) return null;
  const state = await provider.retrieve(providerPaymentId);
  const base = { provider: provider.name, providerPaymentId, paymentId: payment.id };
  if (state.status === 'succeeded') {
    const outcome = await handleProviderEvent(db, {
      ...base,
      id: `reconcile:${providerPaymentId}:succeeded`,
      type: 'payment.succeeded',
      amount: state.amount,
      details: state.details,
    });
    return outcome === 'applied' ? 'recorded' : null;
  }
  if (state.status === 'failed' && payment.status !== 'failed') {
    const outcome = await handleProviderEvent(db, {
      ...base,
      id: `reconcile:${providerPaymentId}:failed:${payment.updated_at}`,
      type: 'payment.failed',
      amount: state.amount,
      details: state.details,
      failure: state.failure,
    });
    return outcome === 'applied' ? 'failed' : null;
  }
  if (state.status === 'requires_action' && payment.status !== 'requires_action') {
    await handleProviderEvent(db, {
      ...base,
      id: `reconcile:${providerPaymentId}:requires_action:${payment.updated_at}`,
      type: 'payment.requires_action',
      amount: state.amount,
      details: state.details,
    });
    return null;
  }
  if (
    state.status === 'requires_confirmation' &&
    payment.status === 'processing' &&
    Date.parse(payment.updated_at) < Date.now() - STALE_CLAIM_MS
  ) {
    // We claimed it, then stopped before the provider took it: the customer may try again.
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('payments')
        .set({ status: 'requires_confirmation', updated_at: now() })
        .where('id', '=', payment.id)
        .where('status', '=', 'processing')
        .execute();
      await lapseHolds(trx, payment.id);
    });
    return 'released';
  }
  return null;
}
