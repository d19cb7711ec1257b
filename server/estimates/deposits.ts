/**
 * Deposits on approved estimates. The customer pays a deposit through the portal's one payment
 * flow (`POST /v1/portal/:token/payments` with `estimate_deposit: {estimate}`); recording that
 * payment posts the deposit as account credit, tagged with the estimate in `estimate_deposits`.
 * When staff turn the estimate into an invoice, the deposit (less anything refunded of it) is
 * moved onto the invoice: an adjustment (+) takes it off the account and a payment entry (−)
 * with the deposit's payment id puts it on the invoice, so the balance is unchanged, the invoice
 * asks for less, and a later refund of that payment reopens the invoice as any payment would.
 *
 * The payments core calls estimateDepositDue() when the payment is made and
 * takeEstimateDeposit() when it is recorded; the conversion calls creditDepositsToInvoice().
 */
import type { Db, Trx } from '../db/database.ts';
import { now } from '../db/ids.ts';
import type { EstimateDepositTable, EstimateTable, InvoiceTable } from '../db/schema.ts';
import { ApiError, conflict } from '../http/errors.ts';
import { depositRows, depositsPaid } from '../ledger/deposits-held.ts';
import { invoiceAmountDue, type NewLedgerEntry } from '../ledger/entries.ts';
import type { PortalScope } from '../links/access.ts';
import { decisionsByEstimate, reachableEstimate } from './decisions.ts';

/**
 * When a deposit payment is made: the estimate the link reaches, approved, not yet an invoice,
 * and what its deposit still asks for (> 0). Errors name `param` (the body's field).
 */
export async function estimateDepositDue(
  db: Db | Trx,
  scope: PortalScope,
  estimateId: string,
  param = 'estimate_deposit.estimate',
): Promise<{ estimate: EstimateTable; amount: number }> {
  const estimate = await reachableEstimate(db, scope, estimateId).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) {
      throw new ApiError(404, error.type, error.code, error.message, param);
    }
    throw error;
  });
  if (estimate.status !== 'approved') {
    throw conflict(
      'estimate_not_approved',
      `Estimate ${estimate.number} is ${estimate.status}; a deposit is paid once it is approved.`,
      param,
    );
  }
  const decision = (await decisionsByEstimate(db, [estimate.id])).get(estimate.id);
  if (decision?.invoice_id) {
    throw conflict(
      'estimate_invoiced',
      `Estimate ${estimate.number} is now an invoice; pay the invoice instead.`,
      param,
    );
  }
  const paid = (await depositsPaid(db, [estimate.id])).get(estimate.id) ?? 0;
  const amount = Number(estimate.deposit_amount) - paid;
  if (amount <= 0) {
    throw conflict(
      'deposit_not_due',
      Number(estimate.deposit_amount) === 0
        ? `Estimate ${estimate.number} asks for no deposit.`
        : `The deposit for estimate ${estimate.number} has been paid.`,
      param,
    );
  }
  return { estimate, amount };
}

export interface DepositPosting {
  /** Ledger entries for the payment's deposit part, to append with the payment's other entries. */
  entries: NewLedgerEntry[];
  /** How much of the payment they take; the rest is applied as any payment would be. */
  applied: number;
  /** Invoices they pay (when the estimate became an invoice before the payment was recorded). */
  invoiceIds: string[];
}

/**
 * When a deposit payment is recorded (inside its transaction, customer held): at most
 * `available` of it goes to the estimate's deposit, up to what the deposit still asks for; the
 * entries are returned for the caller to append, and the deposit is written in
 * `estimate_deposits`. A payment for a deposit already paid (two tabs) applies nothing here, so
 * the caller keeps it as account credit, never lost.
 */
export async function takeEstimateDeposit(
  trx: Trx,
  payment: { id: string; business_id: string; customer_id: string },
  estimateId: string,
  available: number,
  label: string,
): Promise<DepositPosting> {
  const none: DepositPosting = { entries: [], applied: 0, invoiceIds: [] };
  const estimate = await trx
    .selectFrom('estimates')
    .selectAll()
    .where('id', '=', estimateId)
    .where('business_id', '=', payment.business_id)
    .where('customer_id', '=', payment.customer_id)
    .executeTakeFirst();
  if (estimate?.status !== 'approved' || available <= 0) return none;
  const paid = (await depositsPaid(trx, [estimate.id])).get(estimate.id) ?? 0;
  let apply = Math.min(Number(estimate.deposit_amount) - paid, available);
  if (apply <= 0) return none;

  const invoiceId = (await decisionsByEstimate(trx, [estimate.id])).get(estimate.id)?.invoice_id;
  if (invoiceId) apply = Math.min(apply, Math.max(0, await invoiceAmountDue(trx, invoiceId)));
  if (apply <= 0) return none;
  const at = now();
  const row: EstimateDepositTable = {
    payment_id: payment.id,
    business_id: payment.business_id,
    customer_id: payment.customer_id,
    estimate_id: estimate.id,
    amount: apply,
    invoice_id: invoiceId ?? null,
    credited: invoiceId ? apply : null,
    created_at: at,
    credited_at: invoiceId ? at : null,
  };
  await trx.insertInto('estimate_deposits').values(row).execute();
  return {
    entries: [
      {
        kind: 'payment',
        amount: -apply,
        description: `${label}, deposit for estimate ${estimate.number}`,
        payment_id: payment.id,
        invoice_id: invoiceId ?? null,
      },
    ],
    applied: apply,
    invoiceIds: invoiceId ? [invoiceId] : [],
  };
}

/**
 * Moves the estimate's deposits (less refunds) from the account onto its new invoice, up to what
 * the invoice asks for; what would exceed it stays as account credit. Returns the entries to
 * append; the caller holds the customer and appends them in its transaction.
 */
export async function creditDepositsToInvoice(
  trx: Trx,
  estimate: Pick<EstimateTable, 'id' | 'number'>,
  invoice: Pick<InvoiceTable, 'id' | 'number' | 'total'>,
): Promise<{ entries: NewLedgerEntry[]; credited: number }> {
  const rows = (await depositRows(trx, [estimate.id])).filter((row) => row.invoice_id === null);
  const receipts = new Map(
    (rows.length === 0
      ? []
      : await trx
          .selectFrom('payments')
          .select(['id', 'receipt_number'])
          .where(
            'id',
            'in',
            rows.map((row) => row.payment_id),
          )
          .execute()
    ).map((payment) => [payment.id, payment.receipt_number ?? payment.id]),
  );
  const entries: NewLedgerEntry[] = [];
  let room = Number(invoice.total);
  let credited = 0;
  const at = now();
  for (const row of rows) {
    const credit = Math.min(row.net, room);
    room -= credit;
    credited += credit;
    await trx
      .updateTable('estimate_deposits')
      .set({ invoice_id: invoice.id, credited: credit, credited_at: at })
      .where('payment_id', '=', row.payment_id)
      .execute();
    if (credit === 0) continue;
    const receipt = receipts.get(row.payment_id) ?? row.payment_id;
    entries.push(
      {
        kind: 'adjustment',
        amount: credit,
        description: `Deposit ${receipt} (estimate ${estimate.number}) moved to invoice ${invoice.number}`,
      },
      {
        kind: 'payment',
        amount: -credit,
        description: `Deposit ${receipt} (estimate ${estimate.number}) applied to invoice ${invoice.number}`,
        invoice_id: invoice.id,
        payment_id: row.payment_id,
      },
    );
  }
  return { entries, credited };
}

/**
 * The deposit a payment paid, if it paid one: for receipts and invoice PDFs. `invoice` is the
 * invoice the deposit went onto once the estimate became one (else null).
 */
export async function depositOfPayments(db: Db | Trx, paymentIds: readonly string[]) {
  const byPayment = new Map<
    string,
    { estimate: string; number: string; amount: number; invoice: string | null }
  >();
  if (paymentIds.length === 0) return byPayment;
  const rows = await db
    .selectFrom('estimate_deposits')
    .innerJoin('estimates', 'estimates.id', 'estimate_deposits.estimate_id')
    .select([
      'estimate_deposits.payment_id',
      'estimate_deposits.amount',
      'estimate_deposits.invoice_id',
      'estimates.id as estimate',
      'estimates.number',
    ])
    .where('estimate_deposits.payment_id', 'in', [...paymentIds])
    .execute();
  for (const row of rows) {
    byPayment.set(row.payment_id, {
      estimate: row.estimate,
      number: row.number,
      amount: Number(row.amount),
      invoice: row.invoice_id,
    });
  }
  return byPayment;
}
