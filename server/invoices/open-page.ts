/**
 * A page of a customer's open invoices, oldest first (issue 13): what the portal shows of a
 * customer with hundreds of them. The first page comes with what every open invoice adds up to
 * (how many, what they owe), so the balance owed outside invoices is known without sending every
 * invoice; the next pages follow an invoice id (`starting_after`).
 */
import type { Db, Trx } from '../db/database.ts';
import { plainQuery, plainValues } from '../db/plain-sql.ts';
import type { InvoiceTable } from '../db/schema.ts';

/**
 * Open invoices the portal answer shows at first: two screens of a phone. A customer with more
 * sees "Show N more invoices" (issue 13: a customer with 200 open invoices reads within 1.5× of
 * one with one). Most customers have fewer and see them all.
 */
export const FIRST_INVOICES = 10;

/** Open invoices a "Show more" fetches at a time (`GET …/invoices`, its default `limit`). */
export const INVOICES_PER_PAGE = 25;

/**
 * An open invoice as a list shows it: what a row of the portal's list needs and no more (issue 13:
 * making each row's every column costs more than finding it, a third of a page of 25).
 */
export type ListedInvoice = Pick<
  InvoiceTable,
  'id' | 'number' | 'created_at' | 'due_date' | 'status' | 'total'
> & {
  /** What is still owed on it: the sum of its ledger entries, never below zero. */
  amount_due: number;
};

const LISTED = 'i.id, i.number, i.created_at, i.due_date, i.status, i.total';

/** How many invoices a customer has open, and what they owe together (never below zero each). */
export interface OpenInvoiceTotals {
  count: number;
  owed: number;
}

export interface OpenInvoicesPage {
  invoices: ListedInvoice[];
  /** Every open invoice of the customer: how many, and what they owe together. */
  count: number;
  amountDue: number;
}

// Read off invoices_open_idx (customer, created_at, number, balance; open invoices only) in the
// list's order: SQLite stops after the page, and what they owe is each one's stored balance.
const OPEN_INVOICES_FIRST = `
  select ${LISTED}, i.balance as owed
  from invoices i
  where i.customer_id = ? and i.status in ('open', 'viewed', 'partially_paid')
  order by i.created_at asc, i.number asc
  limit ?`;

// How many and what they owe together, from invoices_customer_idx (customer, status, balance)
// alone.
const OPEN_INVOICES_TOTALS = `
  select count(*) as listed,
    coalesce(sum(case when i.balance > 0 then i.balance else 0 end), 0) as listed_owed
  from invoices i
  where i.customer_id = ? and i.status in ('open', 'viewed', 'partially_paid')`;

/**
 * A row read as values, in LISTED's order and its balance last (`plainValues`: a page of rows
 * made as named objects by the driver cost a third more than finding them).
 */
function listed(values: unknown[]): ListedInvoice {
  const [id, number, created_at, due_date, status, total, owed] = values;
  return {
    id,
    number,
    created_at,
    due_date,
    status,
    total,
    amount_due: Math.max(0, Number(owed)),
  } as ListedInvoice;
}

/**
 * The first `limit` open invoices and what all of them add up to: one statement when they all fit
 * (the usual customer). When there are more, the totals the store keeps (`stored`, read with the
 * link on SQLite: migration 2026_12_08_0101), else a second statement that only counts and sums.
 * (A window function in the first would do it in one, but costs SQLite several times the two.)
 */
export async function firstOpenInvoices(
  db: Db | Trx,
  customerId: string,
  limit = FIRST_INVOICES,
  stored?: OpenInvoiceTotals,
): Promise<OpenInvoicesPage> {
  const rows = await plainValues(db, OPEN_INVOICES_FIRST, [customerId, limit + 1]);
  const invoices = rows.slice(0, limit).map(listed);
  if (rows.length <= limit) {
    const amountDue = invoices.reduce((sum, invoice) => sum + invoice.amount_due, 0);
    return { invoices, count: invoices.length, amountDue };
  }
  if (stored) return { invoices, count: stored.count, amountDue: stored.owed };
  const [totals] = await plainQuery<{ listed: number | string; listed_owed: number | string }>(
    db,
    OPEN_INVOICES_TOTALS,
    [customerId],
  );
  return { invoices, count: Number(totals?.listed), amountDue: Number(totals?.listed_owed) };
}

const OPEN_INVOICES_AFTER = `
  select ${LISTED}, i.balance as owed
  from invoices i
  join invoices after on after.id = ? and after.customer_id = i.customer_id
  where i.customer_id = ? and i.status in ('open', 'viewed', 'partially_paid')
    and (i.created_at > after.created_at
      or (i.created_at = after.created_at and i.number > after.number))
  order by i.created_at asc, i.number asc
  limit ?`;

/**
 * Up to `limit` open invoices after the customer's invoice `afterId` in the list's order, and
 * whether more follow. The cursor need not be open any more (paid since the page loaded): the
 * order is by issue, so the next page starts where it was. An id that is not this customer's
 * invoice gives an empty page.
 */
export async function openInvoicesAfter(
  db: Db | Trx,
  customerId: string,
  afterId: string,
  limit = INVOICES_PER_PAGE,
): Promise<{ invoices: ListedInvoice[]; hasMore: boolean }> {
  const rows = await plainValues(db, OPEN_INVOICES_AFTER, [afterId, customerId, limit + 1]);
  return { invoices: rows.slice(0, limit).map(listed), hasMore: rows.length > limit };
}
