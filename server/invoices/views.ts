/** Invoices as the staff API shows them (and as events carry them): lines and sums included. */
import type { Db, Trx } from '../db/database.ts';
import type { DocumentLineTable, InvoiceTable } from '../db/schema.ts';
import { discountView } from './discounts.ts';
import { linesByDocument, lineView } from './lines.ts';
import { type InvoiceSums, invoiceSums, NO_ENTRIES } from './owed.ts';

/** Invoices as the API shows them, their lines and sums loaded in two queries. */
export async function invoiceViews(db: Db | Trx, invoices: readonly InvoiceTable[]) {
  const ids = invoices.map((invoice) => invoice.id);
  const [lines, sums] = await Promise.all([
    linesByDocument(db, 'invoice_lines', ids),
    invoiceSums(db, ids),
  ]);
  return invoices.map((invoice) =>
    invoiceView(invoice, lines.get(invoice.id) ?? [], sums.get(invoice.id) ?? NO_ENTRIES),
  );
}

export function invoiceView(invoice: InvoiceTable, lines: DocumentLineTable[], sums: InvoiceSums) {
  return {
    id: invoice.id,
    object: 'invoice' as const,
    number: invoice.number,
    customer: invoice.customer_id,
    status: invoice.status,
    currency: invoice.currency,
    lines: lines.map(lineView),
    subtotal: invoice.subtotal,
    discount: discountView(invoice),
    tax: invoice.tax,
    total: invoice.total,
    amount_paid: sums.amount_paid,
    amount_credited: sums.amount_credited,
    // A draft has posted nothing yet; it will ask for its total once finalized.
    amount_due: invoice.status === 'draft' ? invoice.total : sums.amount_due,
    due_date: invoice.due_date,
    notes: invoice.notes,
    created: invoice.created_at,
    voided_at: invoice.voided_at,
  };
}
