/**
 * What every confirmation shares, whoever confirms (the sandbox's test form, or the server with
 * the card Stripe.js collected): the payment is claimed with its row held, so two tabs confirming
 * it charge once; the fee is settled for the card's funding, and a total that differs from the
 * one the customer was shown is refused as 409 `fee_changed` until they accept it; and a
 * provider call that fails puts the payment back (or records what the provider did meanwhile).
 */
import { formatMoney } from '../../shared/money.ts';
import type { Db, Trx } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { ApiError, conflict } from '../http/errors.ts';
import { lockCustomer } from '../ledger/entries.ts';
import type { PortalScope } from '../links/access.ts';
import { DetailedApiError } from './errors.ts';
import { paymentQuote } from './fees.ts';
import { checkStillPayable, lapseHolds, placeHolds, releaseHolds } from './holds.ts';
import {
  figuresInputOf,
  lockPayment,
  type Payment,
  quoteInputOf,
  requestedOf,
} from './payments.ts';
import type { Funding, PaymentProvider } from './provider.ts';
import { reconcilePayment } from './reconcile.ts';

/** The card or bank account the customer confirms with, as far as its funding and label go. */
export type Instrument =
  | { method: 'card'; funding: Funding | null; brand: string | null; last4: string | null }
  | { method: 'us_bank_account'; last4: string | null };

/**
 * Takes the payment for confirmation with its row held: only from `from` statuses, so of two
 * tabs confirming at once, one goes on and the other gets a 409. `prepare` runs in the same
 * transaction and may refuse (its refusal is answered after the transaction commits).
 */
export async function claim<T>(
  db: Db,
  paymentId: string,
  from: Payment['status'][],
  prepare: (trx: Trx, payment: Payment) => Promise<T | { refuse: ApiError }>,
): Promise<T> {
  const result = await db.transaction().execute(async (trx) => {
    const current = (await lockPayment(trx, { id: paymentId }))!;
    if (!from.includes(current.status)) throw notConfirmable(current);
    const prepared = await prepare(trx, current);
    if (prepared && typeof prepared === 'object' && 'refuse' in prepared) return prepared;
    await trx
      .updateTable('payments')
      .set({ status: 'processing', failure_code: null, failure_message: null, updated_at: now() })
      .where('id', '=', paymentId)
      .execute();
    return prepared;
  });
  if (result && typeof result === 'object' && 'refuse' in result) throw result.refuse;
  return result as T;
}

/**
 * The figures for this card or account. Refusals: what was asked is no longer payable (the
 * payment is canceled and its holds freed), or the total changed and the customer has not yet
 * accepted it (the payment keeps the new figures and waits).
 */
export async function settleTotal(
  trx: Trx,
  scope: PortalScope,
  payment: Payment,
  instrument: Instrument,
  acceptTotal: number | undefined,
): Promise<{ total: number } | { refuse: ApiError }> {
  const request = quoteInputOf(payment);
  const gone = await cancelIfNotPayable(trx, scope, payment);
  if (gone) return { refuse: gone };
  const funding = instrument.method === 'card' ? instrument.funding : null;
  const quote = paymentQuote(scope.settings, figuresInputOf(payment), instrument.method, funding);
  const card = {
    method: instrument.method,
    funding,
    card_brand: instrument.method === 'card' ? instrument.brand : null,
    card_last4: instrument.last4,
  };
  const figures = { subtotal: quote.subtotal, tip: quote.tip, fee: quote.fee, total: quote.total };
  const shown = requestedOf(payment).quoted_total;
  const accepted = acceptTotal === undefined ? quote.total === shown : acceptTotal === quote.total;
  await trx
    .updateTable('payments')
    .set({ ...figures, ...card, updated_at: now() })
    .where('id', '=', payment.id)
    .execute();
  if (!accepted) return { refuse: feeChanged(scope, payment, figures, funding) };
  await placeHolds(trx, payment, request, null);
  return { total: quote.total };
}

/**
 * With the customer's lock held: what the payment asks for is still payable, or the payment is
 * canceled and its holds freed, and the refusal is returned for the customer.
 */
export async function cancelIfNotPayable(
  trx: Trx,
  scope: PortalScope,
  payment: Payment,
): Promise<ApiError | null> {
  await lockCustomer(trx, payment.customer_id);
  try {
    await checkStillPayable(trx, scope, payment);
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    await trx
      .updateTable('payments')
      .set({
        status: 'canceled',
        failure_code: error.code,
        failure_message: error.message,
        updated_at: now(),
      })
      .where('id', '=', payment.id)
      .execute();
    await releaseHolds(trx, payment.id);
    return error;
  }
}

function feeChanged(
  scope: PortalScope,
  payment: Payment,
  figures: { subtotal: number; tip: number; fee: number; total: number },
  funding: string | null,
) {
  const money = (amount: number) => formatMoney(amount, payment.currency, scope.business.locale);
  const why =
    funding === 'debit' || funding === 'prepaid'
      ? `This is a ${funding} card, so no card fee applies.`
      : figures.fee > 0
        ? `A convenience fee of ${money(figures.fee)} applies to this payment method.`
        : 'No convenience fee applies to this payment method.';
  return new DetailedApiError(
    conflict(
      'fee_changed',
      `${why} The total is now ${money(figures.total)}. Confirm again to pay it.`,
      'accept_total',
    ),
    {
      payment: {
        id: payment.id,
        amount: figures.total,
        subtotal: figures.subtotal,
        tip: figures.tip,
        fee: figures.fee,
        currency: payment.currency,
        funding,
      },
    },
  );
}

function notConfirmable(payment: Payment): ApiError {
  switch (payment.status) {
    case 'processing':
      return conflict('payment_in_progress', 'This payment is already being processed.');
    case 'succeeded':
      return conflict('payment_already_succeeded', 'This payment has already been made.');
    case 'requires_action':
      return conflict(
        'payment_requires_action',
        'Your bank asks you to confirm this payment first.',
      );
    case 'canceled':
      return conflict('payment_canceled', 'This payment was canceled. Start a new payment.');
    default:
      return conflict(
        'payment_not_awaiting_action',
        'This payment has no step waiting for your bank.',
      );
  }
}

/**
 * Runs the provider's part. If it throws before the provider took the payment, the claim is
 * undone so the customer can try again; reconciliation covers a failure after the provider did.
 */
export async function guarded<T>(
  db: Db,
  provider: PaymentProvider,
  payment: Payment,
  back: 'requires_confirmation' | 'requires_action',
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const state = await provider.retrieve(payment.provider_payment_id!).catch(() => null);
    if (state && state.status !== back && state.status !== 'requires_confirmation') {
      // The provider went on (its event did not reach us): record what it says.
      const current = await db
        .selectFrom('payments')
        .selectAll()
        .where('id', '=', payment.id)
        .executeTakeFirstOrThrow();
      await reconcilePayment(db, provider, current).catch(() => null);
    } else {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('payments')
          .set({ status: back, updated_at: now() })
          .where('id', '=', payment.id)
          .where('status', '=', 'processing')
          .execute();
        await lapseHolds(trx, payment.id);
      });
    }
    throw error;
  }
}

/** Back to waiting for the customer, from our claim: the provider charged nothing. */
export async function putBack(db: Db | Trx, paymentId: string): Promise<void> {
  await db
    .updateTable('payments')
    .set({ status: 'requires_confirmation', updated_at: now() })
    .where('id', '=', paymentId)
    .where('status', '=', 'processing')
    .execute();
  await lapseHolds(db, paymentId);
}
