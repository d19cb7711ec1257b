/**
 * In-flight holds: while a payment is being paid, what it asks for is held against the invoices
 * (and the account balance) it pays, so that two tabs cannot both pay the same invoice in full.
 * The second is told what is left (409 `amount_unavailable`, with `amount_available`).
 *
 * A hold lapses after HOLD_MINUTES while the customer has not submitted the payment (an
 * abandoned form must not block the invoice for ever), and holds without end while money is
 * moving (`processing`, e.g. a bank debit). Holds end with the payment: recorded, failed or
 * canceled. Callers hold the customer's lock (lockCustomer) so checking and holding is atomic.
 */
import { formatMoney } from '../../shared/money.ts';
import { checkQuoteInput, type PayableState, type QuoteInput } from '../../shared/quote.ts';
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { estimateDepositDue } from '../estimates/deposits.ts';
import { conflict } from '../http/errors.ts';
import type { PortalScope } from '../links/access.ts';
import { DetailedApiError } from './errors.ts';
import { payableState, portalMoney, quoteRefusal } from './payable.ts';
import { type Payment, quoteInputOf, requestedOf } from './payments.ts';

export const HOLD_MINUTES = 15;

export function holdExpiry(fromMs = Date.now()): string {
  return new Date(fromMs + HOLD_MINUTES * 60_000).toISOString();
}

/** The live holds of the customer's payments other than `exceptPaymentId`, by invoice id. */
export async function heldAmounts(
  trx: Trx,
  customerId: string,
  exceptPaymentId: string | null = null,
): Promise<{ invoices: Map<string, number>; balance: number }> {
  let query = trx
    .selectFrom('payment_holds')
    .select(['invoice_id', 'amount'])
    .where('customer_id', '=', customerId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now())]));
  if (exceptPaymentId) query = query.where('payment_id', '!=', exceptPaymentId);
  const invoices = new Map<string, number>();
  let balance = 0;
  for (const hold of await query.execute()) {
    const amount = Number(hold.amount);
    if (hold.invoice_id === null) balance += amount;
    else invoices.set(hold.invoice_id, (invoices.get(hold.invoice_id) ?? 0) + amount);
  }
  return { invoices, balance };
}

/**
 * Checks what the customer asks to pay against what this link shows as due (422 with
 * shared/quote.ts's codes), then against what other in-flight payments leave (409).
 */
export async function checkPayable(
  trx: Trx,
  scope: PortalScope,
  input: QuoteInput,
  exceptPaymentId: string | null = null,
): Promise<void> {
  const state = payableState(scope, await portalMoney(trx, scope));
  const [problem] = checkQuoteInput(input, state);
  if (problem) throw await quoteRefusal(trx, scope, input, problem);
  const held = await heldAmounts(trx, scope.customer.id, exceptPaymentId);
  const money = (amount: number) =>
    formatMoney(amount, scope.business.currency, scope.business.locale);
  const unavailable = (param: string, asked: number, due: number, heldAmount: number) => {
    const available = Math.max(0, due - heldAmount);
    if (asked <= available) return;
    throw new DetailedApiError(
      conflict(
        'amount_unavailable',
        available === 0
          ? 'A payment for this is already in progress. Wait a moment, then reload the page.'
          : `Another payment for this is in progress; ${money(available)} is left to pay.`,
        param,
      ),
      { amount_available: available },
    );
  };
  input.invoices.forEach((choice, index) => {
    const due = dueOf(state, choice.id);
    unavailable(`invoices[${index}].amount`, choice.amount, due, held.invoices.get(choice.id) ?? 0);
  });
  if (input.balance_amount > 0) {
    unavailable('balance_amount', input.balance_amount, state.balance_due, held.balance);
  }
}

/**
 * A payment about to be confirmed: what it asks for is still payable. A deposit: the estimate
 * still asks for one (another tab may have paid it). Otherwise as checkPayable(), not counting
 * the payment's own holds.
 */
export async function checkStillPayable(
  trx: Trx,
  scope: PortalScope,
  payment: Pick<Payment, 'id' | 'requested'>,
): Promise<void> {
  const deposit = requestedOf(payment).estimate_deposit;
  if (deposit) {
    await estimateDepositDue(trx, scope, deposit.estimate);
    return;
  }
  await checkPayable(trx, scope, quoteInputOf(payment), payment.id);
}

function dueOf(state: PayableState, invoiceId: string): number {
  return state.invoices.find((invoice) => invoice.id === invoiceId)?.amount_due ?? 0;
}

/** Replaces the payment's holds with what it asks for now. */
export async function placeHolds(
  trx: Trx,
  payment: { id: string; customer_id: string },
  input: Pick<QuoteInput, 'invoices' | 'balance_amount'>,
  expiresAt: string | null,
): Promise<void> {
  await releaseHolds(trx, payment.id);
  const holds = [
    ...input.invoices.map((choice) => ({ invoice_id: choice.id, amount: choice.amount })),
    ...(input.balance_amount > 0 ? [{ invoice_id: null, amount: input.balance_amount }] : []),
  ].map((part) => ({
    id: newId('hld'),
    payment_id: payment.id,
    customer_id: payment.customer_id,
    expires_at: expiresAt,
    ...part,
  }));
  if (holds.length > 0) await trx.insertInto('payment_holds').values(holds).execute();
}

/** Money is moving: the holds stay until the payment ends. */
export async function keepHolds(trx: Trx, paymentId: string): Promise<void> {
  await trx
    .updateTable('payment_holds')
    .set({ expires_at: null })
    .where('payment_id', '=', paymentId)
    .execute();
}

/**
 * The payment went back to waiting for the customer (a confirmation that failed before the
 * provider took it): its holds lapse again like any unconfirmed payment's, so an abandoned
 * attempt cannot block the invoice for good.
 */
export async function lapseHolds(db: Db | Trx, paymentId: string): Promise<void> {
  await db
    .updateTable('payment_holds')
    .set({ expires_at: holdExpiry() })
    .where('payment_id', '=', paymentId)
    .execute();
}

export async function releaseHolds(trx: Trx, paymentId: string): Promise<void> {
  await trx.deleteFrom('payment_holds').where('payment_id', '=', paymentId).execute();
}
