/**
 * A page of a customer's open invoices, oldest first (issue 13): what the portal shows of a
 * customer with hundreds of them. The first page comes with what every open invoice adds up to
 * (how many, what they owe), so the balance owed outside invoices is known without sending every
 * invoice; the next pages follow an invoice id (`starting_after`).
 */
import type { Db, Trx } from '../db/database.ts';
import { plainQuery } from '../db/plain-sql.ts';
import type { InvoiceTable } from '../db/schema.ts';
import type { InvoiceOwed } from './owed.ts';

/** Invoices a portal answer shows at first, and a "Show more" fetches. */
export const INVOICES_PER_PAGE = 25;

export interface OpenInvoicesPage {
  invoices: InvoiceOwed[];
  /** Every open invoice of the customer: how many, and what they owe together. */
  count: number;
  amountDue: number;
}

// Read off invoices_open_idx (customer, created_at, number; open invoices only) in the list's
// order: SQLite stops after the page and sums amounts due for its invoices alone.
const OPEN_INVOICES_FIRST = `
  select i.*, (select coalesce(sum(le.amount), 0) from ledger_entries le
    where le.invoice_id = i.id) as owed
  from invoices i
  where i.customer_id = ? and i.status in ('open', 'viewed', 'partially_paid')
  order by i.created_at asc, i.number asc
  limit ?`;

const OPEN_INVOICES_TOTALS = `
  select count(*) as listed,
    coalesce(sum(case when owed > 0 then owed else 0 end), 0) as listed_owed
  from (select i.id, coalesce(sum(le.amount), 0) as owed
    from invoices i
    left join ledger_entries le on le.invoice_id = i.id
    where i.customer_id = ? and i.status in ('open', 'viewed', 'partially_paid')
    group by i.id) open_invoices`;

type Row = InvoiceTable & { owed: number | string };

function owed({ owed: sum, ...invoice }: Row): InvoiceOwed {
  return { ...invoice, amount_due: Math.max(0, Number(sum)) } as InvoiceOwed;
}

/**
 * The first `limit` open invoices and what all of them add up to: one statement when they all fit
 * (the usual customer), a second that only counts and sums when there are more. (A window
 * function in the first would do it in one, but costs SQLite several times the two.)
 */
export async function firstOpenInvoices(
  db: Db | Trx,
  customerId: string,
  limit = INVOICES_PER_PAGE,
): Promise<OpenInvoicesPage> {
  const rows = await plainQuery<Row>(db, OPEN_INVOICES_FIRST, [customerId, limit + 1]);
  const invoices = rows.slice(0, limit).map(owed);
  if (rows.length <= limit) {
    const amountDue = invoices.reduce((sum, invoice) => sum + invoice.amount_due, 0);
    return { invoices, count: invoices.length, amountDue };
  }
  const [totals] = await plainQuery<{ listed: number | string; listed_owed: number | string }>(
    db,
    OPEN_INVOICES_TOTALS,
    [customerId],
  );
  return { invoices, count: Number(totals?.listed), amountDue: Number(totals?.listed_owed) };
}

const OPEN_INVOICES_AFTER = `
  select i.*, (select coalesce(sum(le.amount), 0) from ledger_entries le
    where le.invoice_id = i.id) as owed
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
): Promise<{ invoices: InvoiceOwed[]; hasMore: boolean }> {
  const rows = await plainQuery<Row>(db, OPEN_INVOICES_AFTER, [afterId, customerId, limit + 1]);
  return { invoices: rows.slice(0, limit).map(owed), hasMore: rows.length > limit };
}
