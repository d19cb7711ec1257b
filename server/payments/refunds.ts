/**
 * Staff refunds, full or partial, through the provider, posted to the ledger once (by whichever
 * comes first: the provider's answer or its refund event).
 *
 * How a refund divides between what was owed, the tip and the fee is the business's choice
 * (`refund_tip_and_fee`, shared/refund-split.ts); what was owed comes back account first (credit
 * in effect), then the invoices, last paid first (refund-slices.ts). Each part given
 * back is a `refund` entry (+, back onto the balance; on an invoice it reopens the invoice). The
 * tip and fee parts are also reversed by an `adjustment` (−), since the customer never owed them:
 * a full refund leaves the customer owing exactly what they owed before paying.
 */
import { formatMoney } from '../../shared/money.ts';
import { forCustomer } from '../businesses/customer-locale.ts';
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import type { RefundTable } from '../db/schema.ts';
import { loadReceipt } from '../documents/receipt-data.ts';
import { refundEmail } from '../email/refund-email.ts';
import { refundFailedEmail } from '../email/refund-failed.ts';
import { ApiError, conflict, unprocessable } from '../http/errors.ts';
import { settleInvoiceStatus } from '../invoices/status.ts';
import { appendEntries, type NewLedgerEntry } from '../ledger/entries.ts';
import { enqueueEmail } from '../outbox/outbox.ts';
import { emitPaymentEvent } from './payment-events.ts';
import { amountRefunded, invoiceAllocations, lockPayment, type Payment } from './payments.ts';
import type { PaymentProvider } from './provider.ts';
import { afterRefundError, type RefundAnswer } from './refund-lookup.ts';
import { refundSlices, refundTipAndFee } from './refund-slices.ts';
import { staffRefundView } from './staff-views.ts';

export async function refundPayment(
  db: Db,
  provider: PaymentProvider,
  businessId: string,
  paymentId: string,
  requested: number | undefined,
  reason: string | null = null,
) {
  const refund = await db.transaction().execute(async (trx) => {
    const payment = await lockPayment(trx, { id: paymentId });
    if (!payment || payment.business_id !== businessId) {
      throw new ApiError(
        404,
        'invalid_request_error',
        'resource_missing',
        'No such payment.',
        'id',
      );
    }
    if (payment.status !== 'succeeded') {
      throw conflict(
        'payment_not_succeeded',
        `This payment is ${payment.status}; only a succeeded payment can be refunded.`,
      );
    }
    if (payment.provider !== provider.name) {
      throw conflict(
        'provider_unavailable',
        `This payment was made with ${payment.provider}, which this server is not using.`,
      );
    }
    const refunds = await trx
      .selectFrom('refunds')
      .selectAll()
      .where('payment_id', '=', payment.id)
      .execute();
    const left = Number(payment.total) - amountRefunded(refunds);
    if (left <= 0)
      throw conflict('payment_fully_refunded', 'This payment has been refunded in full.');
    const amount = requested ?? left;
    if (amount > left) {
      throw unprocessable(
        'amount_too_large',
        `At most ${formatMoney(left, payment.currency)} of this payment is left to refund.`,
        'amount',
      );
    }
    const at = now();
    const row: RefundTable = {
      id: newId('re'),
      business_id: payment.business_id,
      payment_id: payment.id,
      amount,
      status: 'pending',
      provider_refund_id: null,
      provider_idempotency_key: '',
      failure_message: null,
      reason,
      created_at: at,
      updated_at: at,
    };
    row.provider_idempotency_key = `${row.id}:refund`;
    await trx.insertInto('refunds').values(row).execute();
    return { row, providerPaymentId: payment.provider_payment_id! };
  });

  let answer: RefundAnswer;
  try {
    answer = await provider.refund({
      providerPaymentId: refund.providerPaymentId,
      amount: refund.row.amount,
      idempotencyKey: refund.row.provider_idempotency_key,
      refundId: refund.row.id,
    });
  } catch (error) {
    answer = await afterRefundError(db, provider, refund.providerPaymentId, refund.row.id, error);
  }
  return db.transaction().execute(async (trx) => {
    const payment = (await lockPayment(trx, { id: paymentId }))!;
    await trx
      .updateTable('refunds')
      .set({ provider_refund_id: answer.providerRefundId, updated_at: now() })
      .where('id', '=', refund.row.id)
      .execute();
    const row = await trx
      .selectFrom('refunds')
      .selectAll()
      .where('id', '=', refund.row.id)
      .executeTakeFirstOrThrow();
    if (answer.status === 'succeeded') await postRefund(trx, payment, row);
    if (answer.status === 'failed') {
      await failRefund(trx, payment, row, {
        code: 'refund_failed',
        message: 'The provider declined the refund.',
      });
    }
    return trx
      .selectFrom('refunds')
      .selectAll()
      .where('id', '=', refund.row.id)
      .executeTakeFirstOrThrow();
  });
}

/** Posts a refund to the ledger; nothing when it was already posted. Hold the payment first. */
export async function postRefund(
  trx: Trx,
  payment: Payment,
  refund: RefundTable,
): Promise<boolean> {
  if (refund.status === 'succeeded') return false;
  const before = await trx
    .selectFrom('refunds')
    .select('amount')
    .where('payment_id', '=', payment.id)
    .where('status', '=', 'succeeded')
    .execute();
  const alreadyGiven = before.reduce((sum, row) => sum + Number(row.amount), 0);
  const slices = refundSlices(
    payment,
    (await invoiceAllocations(trx, [payment.id])).get(payment.id) ?? [],
    alreadyGiven,
    Number(refund.amount),
    await refundTipAndFee(trx, payment.business_id),
  );
  const entries: NewLedgerEntry[] = [];
  for (const slice of slices) {
    const base = {
      payment_id: payment.id,
      description: `Refund of payment ${payment.receipt_number ?? payment.id}`,
    };
    entries.push({ ...base, kind: 'refund', amount: slice.amount, invoice_id: slice.invoice });
    if (slice.part === 'tip' || slice.part === 'fee') {
      entries.push({
        ...base,
        kind: 'adjustment',
        amount: -slice.amount,
        description: slice.part === 'tip' ? 'Tip refunded' : 'Convenience fee refunded',
      });
    }
  }
  await appendEntries(
    trx,
    { business_id: payment.business_id, customer_id: payment.customer_id },
    entries,
  );
  for (const slice of slices) if (slice.invoice) await settleInvoiceStatus(trx, slice.invoice);
  await trx
    .updateTable('refunds')
    .set({ status: 'succeeded', failure_message: null, updated_at: now() })
    .where('id', '=', refund.id)
    .execute();
  await tellCustomer(trx, payment, Number(refund.amount));
  const refunded = await trx
    .selectFrom('refunds')
    .selectAll()
    .where('id', '=', refund.id)
    .executeTakeFirstOrThrow();
  await emitPaymentEvent(trx, payment.id, 'payment.refunded', {
    refund: staffRefundView(refunded, payment.currency),
  });
  return true;
}

/**
 * The customer hears of a refund once, when it is posted (whether the provider's answer or its
 * event posts it), in the same transaction: no email for a refund that never happened.
 */
async function tellCustomer(trx: Trx, payment: Payment, amount: number) {
  const receipt = await loadReceipt(trx, payment.id);
  if (!receipt.customer.email) return;
  await enqueueEmail(trx, {
    business_id: payment.business_id,
    kind: 'refund',
    to: receipt.customer.email,
    reply_to: receipt.business.email,
    payment_id: payment.id,
    ...refundEmail(
      { ...receipt, business: forCustomer(receipt.business, receipt.customer) },
      amount,
    ),
  });
}

/**
 * Marks a refund failed; false when it already was. A pending refund posted nothing, so nothing
 * is reversed. One that had succeeded (Stripe's `refund.failed` after `refund.succeeded`: the
 * customer's card was closed) was posted: the money is back with the business, so the posting is
 * reversed by entries of its own (the last parts given back are taken back first, so later
 * refunds slice the payment as if this one had never been), and the business is told through the
 * outbox. Hold the payment first.
 */
export async function failRefund(
  trx: Trx,
  payment: Payment,
  refund: RefundTable,
  failure: { code: string; message: string },
): Promise<boolean> {
  if (refund.status === 'failed') return false;
  if (refund.status === 'succeeded') await reverseRefund(trx, payment, refund, failure.code);
  await trx
    .updateTable('refunds')
    .set({ status: 'failed', failure_message: failure.message, updated_at: now() })
    .where('id', '=', refund.id)
    .execute();
  return true;
}

async function reverseRefund(trx: Trx, payment: Payment, refund: RefundTable, code: string) {
  const given = await trx
    .selectFrom('refunds')
    .select('amount')
    .where('payment_id', '=', payment.id)
    .where('status', '=', 'succeeded')
    .execute();
  const total = given.reduce((sum, row) => sum + Number(row.amount), 0);
  const amount = Number(refund.amount);
  const slices = refundSlices(
    payment,
    (await invoiceAllocations(trx, [payment.id])).get(payment.id) ?? [],
    total - amount,
    amount,
    await refundTipAndFee(trx, payment.business_id),
  );
  const description = `Refund of payment ${payment.receipt_number ?? payment.id} failed (${code})`;
  const entries: NewLedgerEntry[] = [];
  for (const slice of slices) {
    const base = { payment_id: payment.id, description };
    entries.push({ ...base, kind: 'refund', amount: -slice.amount, invoice_id: slice.invoice });
    if (slice.part === 'tip' || slice.part === 'fee') {
      entries.push({ ...base, kind: 'adjustment', amount: slice.amount });
    }
  }
  await appendEntries(
    trx,
    { business_id: payment.business_id, customer_id: payment.customer_id },
    entries,
  );
  for (const slice of slices) if (slice.invoice) await settleInvoiceStatus(trx, slice.invoice);
  const receipt = await loadReceipt(trx, payment.id);
  if (receipt.business.notificationEmail) {
    await enqueueEmail(trx, {
      business_id: payment.business_id,
      kind: 'refund_failed',
      to: receipt.business.notificationEmail,
      reply_to: receipt.customer.email,
      payment_id: payment.id,
      ...refundFailedEmail(receipt, amount, code),
    });
  }
}
