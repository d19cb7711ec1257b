/**
 * An approved estimate becomes an invoice (staff: `POST /v1/estimates/:id/invoice`): the same
 * lines, priced the same way, opened at once, with the deposit paid on the estimate credited
 * against it (server/estimates/deposits.ts). Once only: the decision keeps the invoice's id.
 *
 * Lock order as everywhere (server/invoices/invoices.ts): the customer first, then the documents.
 */
import { getCustomer } from '../businesses/customers.ts';
import { isPostgres, type Trx } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { conflict } from '../http/errors.ts';
import { applyAccountCredit } from '../invoices/credit-application.ts';
import { createInvoice } from '../invoices/invoices.ts';
import { linesByDocument } from '../invoices/lines.ts';
import { settleInvoiceStatus } from '../invoices/status.ts';
import { appendEntries, lockCustomer } from '../ledger/entries.ts';
import { decisionsByEstimate } from './decisions.ts';
import { creditDepositsToInvoice } from './deposits.ts';
import { getEstimate } from './estimates.ts';

export interface EstimateInvoiceInput {
  due_date?: string | null | undefined;
  notes?: string | null | undefined;
}

export async function invoiceFromEstimate(
  trx: Trx,
  businessId: string,
  estimateId: string,
  input: EstimateInvoiceInput,
) {
  const found = await getEstimate(trx, businessId, estimateId);
  await lockCustomer(trx, found.customer_id);
  const estimate = isPostgres(trx)
    ? await trx
        .selectFrom('estimates')
        .selectAll()
        .where('id', '=', found.id)
        .forUpdate()
        .executeTakeFirstOrThrow()
    : found;
  if (estimate.status !== 'approved') {
    throw conflict(
      'estimate_not_approved',
      `Estimate ${estimate.number} is ${estimate.status}; only an approved estimate becomes an invoice.`,
      'id',
    );
  }
  const decision = (await decisionsByEstimate(trx, [estimate.id])).get(estimate.id);
  if (decision?.invoice_id) {
    throw conflict(
      'estimate_already_invoiced',
      `Estimate ${estimate.number} already became invoice ${decision.invoice_id}.`,
      'id',
    );
  }
  const customer = await getCustomer(trx, businessId, estimate.customer_id);
  const lines =
    (await linesByDocument(trx, 'estimate_lines', [estimate.id])).get(estimate.id) ?? [];
  // Its own deposit goes onto it first; the account's other credit after (applyAccountCredit).
  const invoice = await createInvoice(
    trx,
    customer,
    {
      lines: lines.map((line) => ({
        description: line.description,
        quantity: line.quantity,
        unit_amount: Number(line.unit_amount),
        tax_rate: line.tax_rate,
      })),
      due_date: input.due_date ?? null,
      notes: input.notes ?? null,
    },
    { applyCredit: false },
  );
  const deposit = await creditDepositsToInvoice(trx, estimate, invoice);
  if (deposit.entries.length > 0) {
    await appendEntries(
      trx,
      { business_id: businessId, customer_id: customer.id },
      deposit.entries,
    );
  }
  await trx
    .updateTable('estimate_decisions')
    .set({ invoice_id: invoice.id, invoiced_at: now() })
    .where('estimate_id', '=', estimate.id)
    .execute();
  await applyAccountCredit(trx, customer);
  return { invoice: await settleInvoiceStatus(trx, invoice.id), depositCredited: deposit.credited };
}
