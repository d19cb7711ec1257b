import { getCustomer } from '../businesses/customers.ts';
import { type Db, isPostgres, type Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { keysetPage, type Page } from '../db/pagination.ts';
import type { CustomerTable, InvoiceStatus, InvoiceTable } from '../db/schema.ts';
import { conflict, notFound, unprocessable } from '../http/errors.ts';
import { appendEntries, invoiceAmountDue, lockCustomer } from '../ledger/entries.ts';
import { applyAccountCredit, returnAppliedCredit } from './credit-application.ts';
import { type DiscountChoice, discountColumns, discountTerms } from './discounts.ts';
import { emitInvoiceEvent } from './events.ts';
import {
  insertLines,
  type LineInput,
  linesByDocument,
  type PricedLine,
  priceLines,
  takeDocumentNumber,
} from './lines.ts';
import { moveInvoice } from './status.ts';

export interface NewInvoice {
  lines: LineInput[];
  due_date?: string | null | undefined;
  notes?: string | null | undefined;
  /** Taken off the subtotal before tax (shared/discount.ts). */
  discount?: DiscountChoice | null | undefined;
  /** A draft posts nothing to the ledger until it is finalized. */
  draft?: boolean | undefined;
  /** The person at the business creating it: kept on the charges an open invoice posts. */
  added_by_name?: string | undefined;
}

/**
 * Opens (or drafts) an invoice. An open one takes the customer's unapplied account credit at once
 * (server/invoices/credit-application.ts), unless `applyCredit: false`: a caller that puts other
 * money on it first (an estimate's deposit) applies the credit itself afterwards.
 */
export async function createInvoice(
  trx: Trx,
  customer: CustomerTable,
  input: NewInvoice,
  options: { applyCredit?: boolean } = {},
) {
  const { lines, totals, discount } = priceLines(input.lines, discountTerms(input.discount));
  if (totals.total === 0) {
    throw unprocessable('amount_too_small', 'An invoice must ask for more than zero.', 'lines');
  }
  // Customer before business (the number): the lock order every transaction keeps.
  await lockCustomer(trx, customer.id);
  const { number, currency } = await takeDocumentNumber(trx, customer.business_id, 'invoice');
  const at = now();
  const invoice: InvoiceTable = {
    id: newId('inv'),
    business_id: customer.business_id,
    customer_id: customer.id,
    number,
    status: input.draft ? 'draft' : 'open',
    currency,
    ...totals,
    ...discountColumns(input.discount, discount),
    due_date: input.due_date ?? null,
    notes: input.notes ?? null,
    created_at: at,
    updated_at: at,
    voided_at: null,
    // Its ledger entries, posted below, add up to it (server/ledger/entries.ts).
    balance: 0,
  };
  await trx.insertInto('invoices').values(invoice).execute();
  await insertLines(trx, 'invoice_lines', invoice.id, lines);
  if (!input.draft) await postInvoiceLines(trx, invoice, lines, input.added_by_name);
  // Told before any credit is applied, so a credit that pays it arrives as `invoice.paid` after.
  await emitInvoiceEvent(trx, invoice, 'invoice.created');
  if (input.draft || options.applyCredit === false) return invoice;
  await applyAccountCredit(trx, customer);
  return getInvoice(trx, invoice.business_id, invoice.id);
}

/**
 * One ledger charge per line, each naming the invoice: the line's amount less its share of the
 * discount, tax included, so the charges add up to the invoice's (discounted) total.
 */
async function postInvoiceLines(
  trx: Trx,
  invoice: InvoiceTable,
  lines: readonly Pick<PricedLine, 'amount' | 'discount' | 'tax' | 'description'>[],
  addedByName?: string,
) {
  await appendEntries(
    trx,
    { business_id: invoice.business_id, customer_id: invoice.customer_id },
    lines.map((line) => ({
      kind: 'charge' as const,
      amount: line.amount - Number(line.discount) + line.tax,
      tax: line.tax,
      description: line.description,
      invoice_id: invoice.id,
      added_by_name: addedByName ?? null,
    })),
  );
}

/** The business's invoice, or a 404 that says nothing of other businesses' invoices. */
export async function getInvoice(db: Db | Trx, businessId: string, id: string, param = 'id') {
  const invoice = await db
    .selectFrom('invoices')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!invoice) throw notFound('invoice', param);
  return invoice;
}

/** Holds the invoice (after its customer, see the lock order above) and returns it fresh. */
export async function lockInvoice(trx: Trx, businessId: string, id: string, param = 'id') {
  const invoice = await getInvoice(trx, businessId, id, param);
  if (!isPostgres(trx)) return invoice;
  await lockCustomer(trx, invoice.customer_id);
  return trx
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', invoice.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export interface InvoiceFilter extends Page {
  customer?: string | undefined;
  status?: InvoiceStatus | undefined;
}

/** Newest first; `limit + 1` rows so the caller can tell whether more follow. */
export async function listInvoices(db: Db, businessId: string, filter: InvoiceFilter) {
  let query = db.selectFrom('invoices').selectAll().where('business_id', '=', businessId);
  if (filter.customer) {
    // Another business's customer is unknown here, as it is on every list.
    const customer = await getCustomer(db, businessId, filter.customer, 'customer');
    query = query.where('customer_id', '=', customer.id);
  }
  if (filter.status) query = query.where('status', '=', filter.status);
  return keysetPage(query, filter, {
    cursor: (id) => getInvoice(db, businessId, id, 'starting_after'),
  });
}

/** Draft → open: the lines become ledger charges now. */
export async function finalizeInvoice(trx: Trx, businessId: string, id: string) {
  const invoice = await lockInvoice(trx, businessId, id);
  if (invoice.status !== 'draft') {
    throw conflict('invoice_not_draft', `Invoice ${invoice.number} is ${invoice.status}.`, 'id');
  }
  const lines = (await linesByDocument(trx, 'invoice_lines', [invoice.id])).get(invoice.id) ?? [];
  await postInvoiceLines(trx, invoice, lines);
  await moveInvoice(trx, invoice, 'open');
  await applyAccountCredit(trx, { id: invoice.customer_id, business_id: businessId });
  return getInvoice(trx, businessId, invoice.id);
}

/**
 * Voids an invoice that no payment has touched: the account credit applied to it goes back to the
 * account, one adjustment takes what it then asks for off the balance (which ends where it was
 * before the invoice), and the status becomes `void` for good (its payment link dies with it).
 * The credit given back goes on to the customer's other open invoices.
 */
export async function voidInvoice(trx: Trx, businessId: string, id: string) {
  const invoice = await lockInvoice(trx, businessId, id);
  if (invoice.status === 'void') {
    throw conflict('invoice_already_void', `Invoice ${invoice.number} is already void.`, 'id');
  }
  const payments = await trx
    .selectFrom('ledger_entries')
    .select('id')
    .where('invoice_id', '=', invoice.id)
    .where('kind', '=', 'payment')
    .limit(1)
    .executeTakeFirst();
  if (payments) {
    throw conflict(
      'invoice_has_payments',
      `Invoice ${invoice.number} has had payments applied, so it cannot be voided, even after a refund; credit the customer instead.`,
      'id',
    );
  }
  await returnAppliedCredit(trx, invoice);
  const due = await invoiceAmountDue(trx, invoice.id);
  if (due !== 0) {
    await appendEntries(trx, { business_id: businessId, customer_id: invoice.customer_id }, [
      {
        kind: 'adjustment',
        amount: -due,
        description: `Invoice ${invoice.number} voided`,
        invoice_id: invoice.id,
      },
    ]);
  }
  const voided = await moveInvoice(trx, invoice, 'void');
  await applyAccountCredit(trx, { id: invoice.customer_id, business_id: businessId });
  return voided;
}

// The staff view moved to ./views.ts (status.ts's events need it without a circle).
export { invoiceView, invoiceViews } from './views.ts';
