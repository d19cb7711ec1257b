/**
 * One invoice as the customer reads it (`GET /v1/portal/:token/invoices/:id/document`): the
 * document the PDF draws, as data for the element's invoice view. Read on demand, so the portal's
 * own answer stays one cheap read. A customer link reaches its customer's invoices (drafts aside),
 * an invoice link its invoice; anything else is the 404 of an unknown invoice.
 */
import { businessTimeZone } from '../businesses/businesses.ts';
import type { CustomerAddress } from '../businesses/customers.ts';
import type { Db } from '../db/database.ts';
import type { InvoiceTable } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { linesByDocument, lineView } from '../invoices/lines.ts';
import {
  CREDIT_APPLIED,
  CREDIT_RETURNED,
  invoiceSums,
  isOpenInvoice,
  NO_ENTRIES,
} from '../invoices/owed.ts';
import type { PortalScope } from '../links/access.ts';
import { daysOverdue } from './overdue.ts';

/** The invoice the link reaches, or the 404 of an unknown one. */
export async function reachableInvoice(db: Db, scope: PortalScope, id: string, param = 'id') {
  const reaches = scope.link.kind === 'customer' || scope.link.invoice_id === id;
  const invoice = reaches
    ? await db
        .selectFrom('invoices')
        .selectAll()
        .where('id', '=', id)
        .where('customer_id', '=', scope.customer.id)
        .where('status', '!=', 'draft')
        .executeTakeFirst()
    : undefined;
  if (!invoice) throw notFound('invoice', param);
  return invoice;
}

type AppliedKind = 'payment' | 'credit' | 'refund' | 'adjustment';

export async function portalInvoiceDocument(db: Db, scope: PortalScope, invoice: InvoiceTable) {
  const [lines, sums, entries] = await Promise.all([
    linesByDocument(db, 'invoice_lines', [invoice.id]),
    invoiceSums(db, [invoice.id]),
    db
      .selectFrom('ledger_entries')
      .leftJoin('payments', 'payments.id', 'ledger_entries.payment_id')
      .select([
        'ledger_entries.kind',
        'ledger_entries.amount',
        'ledger_entries.description',
        'ledger_entries.date',
        'ledger_entries.payment_id',
        'payments.receipt_number',
        'payments.payment_link_id',
        'payments.method',
      ])
      .where('ledger_entries.invoice_id', '=', invoice.id)
      .where('ledger_entries.kind', '!=', 'charge')
      .orderBy('ledger_entries.seq')
      .execute(),
  ]);
  const invoiceLines = (lines.get(invoice.id) ?? []).map(lineView);
  const owed = sums.get(invoice.id) ?? NO_ENTRIES;
  const amountDue = Math.max(0, owed.amount_due);
  const { customer, token } = scope;
  // A receipt is shown where the link may open it (see payments.ts madeElsewhere).
  const reachable = (linkId: string | null) =>
    scope.link.kind === 'customer' || linkId === scope.link.id;
  return {
    object: 'invoice_document' as const,
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    currency: invoice.currency,
    date: invoice.created_at.slice(0, 10),
    due_date: invoice.due_date,
    days_overdue:
      isOpenInvoice(invoice.status) && amountDue > 0
        ? daysOverdue(invoice.due_date, businessTimeZone(scope.business))
        : 0,
    customer: {
      name: customer.name,
      email: customer.email,
      address: customer.address ? (JSON.parse(customer.address) as CustomerAddress) : null,
    },
    lines: invoiceLines.map(({ id: _id, discount: _discount, ...line }) => line),
    subtotal: invoice.subtotal,
    discount: invoice.discount_type
      ? {
          amount: Number(invoice.discount_amount),
          description: invoice.discount_description,
          rate: invoice.discount_rate === null ? null : Number(invoice.discount_rate),
        }
      : null,
    taxes: taxesByRate(invoiceLines),
    tax: invoice.tax,
    total: invoice.total,
    applied: entries
      // A void's adjustment is the invoice's status, not money applied to it.
      .filter((entry) => !(entry.kind === 'adjustment' && invoice.status === 'void'))
      .map((entry) => ({
        kind: appliedKind(entry.kind, entry.description),
        description: entry.description,
        // What it took off the invoice (a payment, a credit) is positive; a refund negative.
        amount: -Number(entry.amount),
        date: entry.date,
        method: entry.method ?? null,
        receipt_number: entry.receipt_number ?? null,
        receipt_url:
          entry.payment_id && entry.receipt_number && reachable(entry.payment_link_id ?? null)
            ? `/v1/portal/${token}/payments/${entry.payment_id}/receipt.pdf`
            : null,
      })),
    amount_paid: owed.amount_paid,
    amount_credited: owed.amount_credited,
    amount_due: invoice.status === 'void' ? 0 : amountDue,
    notes: invoice.notes,
    terms: scope.settings.invoice_terms,
    pdf_url: `/v1/portal/${token}/invoices/${invoice.id}.pdf`,
  };
}

function appliedKind(kind: string, description: string): AppliedKind {
  if (kind === 'payment' || kind === 'refund') return kind;
  if (description === CREDIT_APPLIED || description === CREDIT_RETURNED || kind === 'credit') {
    return 'credit';
  }
  return 'adjustment';
}

/** Tax by rate, lowest rate first; rates that tax nothing are left out. */
function taxesByRate(
  lines: readonly { tax_rate: number; amount: number; discount: number; tax: number }[],
) {
  const byRate = new Map<number, { rate: number; taxable: number; amount: number }>();
  for (const line of lines) {
    if (line.tax_rate === 0) continue;
    const row = byRate.get(line.tax_rate) ?? { rate: line.tax_rate, taxable: 0, amount: 0 };
    row.taxable += line.amount - line.discount;
    row.amount += line.tax;
    byRate.set(line.tax_rate, row);
  }
  return [...byRate.values()].sort((a, b) => a.rate - b.rate);
}
