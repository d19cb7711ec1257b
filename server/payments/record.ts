/**
 * The posting of a payment, once. Called only from events.ts (whatever told us the provider
 * succeeded: a webhook, the sandbox, reconciliation) inside its transaction, with the payment's
 * row held: a payment that already succeeded is left alone, so any number of deliveries, tabs or
 * restarts post it once.
 *
 * One posting, in ledger order: the tip (+), the fee (+), then payments (−): each chosen invoice
 * gets at most what it still asks for now; what it cannot take, with the balance part, pays the
 * account; anything beyond what the customer owes stays as account credit. The ledger's payment
 * entries add up to what the provider charged, and the balance moves by −subtotal.
 */
import { sql } from 'kysely';
import type { Trx } from '../db/database.ts';
import { now, today } from '../db/ids.ts';
import { takeEstimateDeposit } from '../estimates/deposits.ts';
import { applyAccountCredit } from '../invoices/credit-application.ts';
import { customerMoney } from '../invoices/owed.ts';
import { settleInvoiceStatus } from '../invoices/status.ts';
import {
  appendEntries,
  invoiceAmountDue,
  lockCustomer,
  type NewLedgerEntry,
} from '../ledger/entries.ts';
import { recordLinkEvent } from '../links/link-events.ts';
import { enqueuePaymentEmails } from './emails.ts';
import { releaseHolds } from './holds.ts';
import { emitPaymentEvent } from './payment-events.ts';
import { type Payment, requestedOf } from './payments.ts';
import type { PaymentMethodDetails } from './provider.ts';
import { saveCardAfterPayment } from './saved-methods.ts';

export interface Charged {
  /** What the provider charged, minor units: the truth the ledger follows. */
  amount: number;
  details: PaymentMethodDetails | null;
}

/** Posts the payment; false when it had already been posted. Hold the payment's row first. */
export async function recordPaymentSuccess(
  trx: Trx,
  payment: Payment,
  charged: Charged,
): Promise<boolean> {
  if (payment.status === 'succeeded') return false;
  await lockCustomer(trx, payment.customer_id);
  const figures = settleFigures(payment, charged.amount);
  const receiptNumber = await nextReceiptNumber(trx, payment.business_id);
  const label = `Payment ${receiptNumber}`;
  const owner = { business_id: payment.business_id, customer_id: payment.customer_id };
  const entries: NewLedgerEntry[] = [];
  if (figures.tip > 0) {
    entries.push({ kind: 'tip', amount: figures.tip, description: 'Tip', payment_id: payment.id });
  }
  if (figures.fee > 0) {
    const what =
      payment.method === 'card'
        ? 'Card convenience fee'
        : payment.method === 'paypal'
          ? 'PayPal fee'
          : 'Bank payment fee';
    entries.push({ kind: 'fee', amount: figures.fee, description: what, payment_id: payment.id });
  }

  const requested = requestedOf(payment);
  const touched: string[] = [];
  let forAccount = figures.subtotal;
  let invoiced = 0;
  if (requested.estimate_deposit) {
    const deposit = await takeEstimateDeposit(
      trx,
      payment,
      requested.estimate_deposit.estimate,
      forAccount,
      label,
    );
    entries.push(...deposit.entries);
    forAccount -= deposit.applied;
    touched.push(...deposit.invoiceIds);
  }
  for (const choice of requested.invoices) {
    const invoice = await trx
      .selectFrom('invoices')
      .select(['id', 'number', 'status'])
      .where('id', '=', choice.id)
      .where('customer_id', '=', payment.customer_id)
      .executeTakeFirst();
    if (!invoice || invoice.status === 'void' || invoice.status === 'draft') continue;
    const due = await invoiceAmountDue(trx, invoice.id);
    // Capped at what it asks for now: a payment recorded late must not overpay an invoice.
    const apply = Math.max(0, Math.min(choice.amount, due, forAccount));
    if (apply === 0) continue;
    forAccount -= apply;
    invoiced += apply;
    touched.push(invoice.id);
    entries.push({
      kind: 'payment',
      amount: -apply,
      description: `${label}, invoice ${invoice.number}`,
      invoice_id: invoice.id,
      payment_id: payment.id,
    });
  }
  if (forAccount > 0) {
    const owedOnAccount = (await customerMoney(trx, payment.customer_id)).balance_due;
    const onBalance = Math.min(forAccount, owedOnAccount);
    if (onBalance > 0) {
      entries.push({
        kind: 'payment',
        amount: -onBalance,
        description: `${label}, account balance`,
        payment_id: payment.id,
      });
    }
    // More than is owed: kept as account credit, never lost.
    if (forAccount > onBalance) {
      entries.push({
        kind: 'payment',
        amount: -(forAccount - onBalance),
        description: `${label}, account credit`,
        payment_id: payment.id,
      });
    }
  }
  if (figures.tip + figures.fee > 0) {
    entries.push({
      kind: 'payment',
      amount: -(figures.tip + figures.fee),
      description: `${label}, tip and fee`,
      payment_id: payment.id,
    });
  }
  await appendEntries(
    trx,
    owner,
    entries.map((entry) => ({ ...entry, date: today() })),
  );
  for (const invoiceId of touched) await settleInvoiceStatus(trx, invoiceId);
  // What went beyond what was due is account credit now: it pays the other open invoices.
  await applyAccountCredit(trx, { id: payment.customer_id, business_id: payment.business_id });

  const at = now();
  await trx
    .updateTable('payments')
    .set({
      status: 'succeeded',
      ...figures,
      ...cardColumns(charged.details),
      receipt_number: receiptNumber,
      failure_code: null,
      failure_message: null,
      updated_at: at,
      succeeded_at: at,
    })
    .where('id', '=', payment.id)
    .execute();
  await releaseHolds(trx, payment.id);
  if (payment.save_payment_method && charged.details?.paymentMethodId) {
    await saveCardAfterPayment(trx, payment, charged.details);
  }
  if (payment.payment_link_id) {
    await recordLinkEvent(
      trx,
      { id: payment.payment_link_id, business_id: payment.business_id },
      'payment_made',
      {
        detail: {
          payment: payment.id,
          amount: figures.total,
          receipt_number: receiptNumber,
          invoices: touched,
          invoiced,
        },
      },
    );
  }
  // The receipt to the customer and the notice to the business, sent once with this posting.
  await enqueuePaymentEmails(trx, payment.id);
  await emitPaymentEvent(trx, payment.id, 'payment.succeeded');
  return true;
}

/**
 * The payment's figures as charged. When the provider charged exactly the total, they stand.
 * Charged more (an amount changed at the provider): the extra is applied to the account, as
 * credit if nothing is owed. Charged less: the fee, then the tip, then the subtotal give way.
 */
export function settleFigures(
  payment: Pick<Payment, 'subtotal' | 'tip' | 'fee'>,
  charged: number,
): { subtotal: number; tip: number; fee: number; total: number } {
  let subtotal = Number(payment.subtotal);
  let tip = Number(payment.tip);
  let fee = Number(payment.fee);
  let gap = charged - (subtotal + tip + fee);
  if (gap > 0) subtotal += gap;
  for (const part of ['fee', 'tip', 'subtotal'] as const) {
    if (gap >= 0) break;
    const current = part === 'fee' ? fee : part === 'tip' ? tip : subtotal;
    const take = Math.min(current, -gap);
    gap += take;
    if (part === 'fee') fee -= take;
    else if (part === 'tip') tip -= take;
    else subtotal -= take;
  }
  return { subtotal, tip, fee, total: subtotal + tip + fee };
}

export function cardColumns(details: PaymentMethodDetails | null | undefined) {
  if (!details) return {};
  return {
    method: details.method,
    funding: details.funding,
    card_brand: details.brand,
    card_last4: details.last4,
  };
}

/** R-000001, R-000002, … per business; one atomic upsert on SQLite and PostgreSQL alike. */
async function nextReceiptNumber(trx: Trx, businessId: string): Promise<string> {
  const row = await trx
    .insertInto('receipt_counters')
    .values({ business_id: businessId, last: 1 })
    .onConflict((oc) =>
      oc.column('business_id').doUpdateSet({ last: sql<number>`receipt_counters.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return `R-${String(row.last).padStart(6, '0')}`;
}
