/**
 * What is owed: each invoice's sums (due, paid, credited) read from its ledger entries, and a
 * customer's balance with the open invoices and the account charges no open invoice holds. The
 * portal shows it, payments allocate against it, credit is applied by it.
 */

import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.ts';
import { plainQuery } from '../db/plain-sql.ts';
import type { InvoiceStatus, InvoiceTable } from '../db/schema.ts';
import { customerBalance } from '../ledger/entries.ts';

export interface InvoiceOwed extends InvoiceTable {
  /** What is still owed on it: the sum of its ledger entries, never below zero. */
  amount_due: number;
}

export interface MoneyOwed {
  /** The figure the portal shows as the balance: the customer's, or the invoice's amount due. */
  balance: number;
  /** Account charges that no open invoice holds, payable as "balance". */
  balance_due: number;
  invoices: InvoiceOwed[];
}

/** The invoice's side of an application of account credit, and of its reversal on a void. */
export const CREDIT_APPLIED = 'Account credit applied';
export const CREDIT_RETURNED = 'Account credit returned';

export interface InvoiceSums {
  /** Sum of the invoice's ledger entries: what it still asks for. */
  amount_due: number;
  /** Payments less refunds applied to the invoice. */
  amount_paid: number;
  /** Account credit applied to the invoice, less what a void gave back; never a payment. */
  amount_credited: number;
}

export const NO_ENTRIES: InvoiceSums = { amount_due: 0, amount_paid: 0, amount_credited: 0 };

/** Each invoice's sums in one grouped query (the same sum as invoiceAmountDue). */
export async function invoiceSums(db: Db | Trx, invoiceIds: readonly string[]) {
  const sums = new Map<string, InvoiceSums>();
  if (invoiceIds.length === 0) return sums;
  const rows = await db
    .selectFrom('ledger_entries')
    .select([
      'invoice_id',
      sql<number>`coalesce(sum(amount), 0)`.as('due'),
      sql<number>`coalesce(sum(case when kind in ('payment', 'refund') then amount else 0 end), 0)`.as(
        'paid',
      ),
      sql<number>`coalesce(sum(case when kind = 'adjustment' and description in (${CREDIT_APPLIED}, ${CREDIT_RETURNED}) then amount else 0 end), 0)`.as(
        'credited',
      ),
    ])
    .where('invoice_id', 'in', [...invoiceIds])
    .groupBy('invoice_id')
    .execute();
  for (const row of rows) {
    // Payments are negative entries; refunds give some of it back.
    sums.set(row.invoice_id!, {
      amount_due: Number(row.due),
      amount_paid: -Number(row.paid),
      amount_credited: -Number(row.credited),
    });
  }
  return sums;
}

const OPEN_STATUSES: InvoiceStatus[] = ['open', 'viewed', 'partially_paid'];

export function isOpenInvoice(status: InvoiceStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export async function withAmountsDue(
  db: Db | Trx,
  invoices: InvoiceTable[],
): Promise<InvoiceOwed[]> {
  const sums = await invoiceSums(
    db,
    invoices.map((invoice) => invoice.id),
  );
  return invoices.map((invoice) => ({
    ...invoice,
    amount_due: Math.max(0, sums.get(invoice.id)?.amount_due ?? 0),
  }));
}

// What each owes is its stored balance (the sum of its entries, kept by the ledger).
const OPEN_INVOICES_OWED = `
  select i.*
  from invoices i
  where i.customer_id = ? and i.status in ('open', 'viewed', 'partially_paid')
  order by i.created_at asc, i.number asc`;

/**
 * A customer's open invoices, oldest first, with their amounts due: one query (issue 13). An
 * invoice's stored balance is the sum invoiceSums() adds up (the ledger keeps it).
 */
export async function openInvoicesOwed(db: Db | Trx, customerId: string): Promise<InvoiceOwed[]> {
  const rows = await plainQuery<InvoiceTable>(db, OPEN_INVOICES_OWED, [customerId]);
  return rows.map((invoice) => ({ ...invoice, amount_due: Math.max(0, Number(invoice.balance)) }));
}

/**
 * What a customer owes: the balance, the open invoices, and the account charges no open invoice
 * holds. The portal shows it; recording a payment allocates against it. `balance` when the
 * caller read it already (with the portal link, ../links/portal-link.ts).
 */
export async function customerMoney(
  db: Db | Trx,
  customerId: string,
  balance?: number,
): Promise<MoneyOwed> {
  const owed = balance ?? (await customerBalance(db, customerId));
  const invoices = await openInvoicesOwed(db, customerId);
  const invoiced = invoices.reduce((sum, invoice) => sum + invoice.amount_due, 0);
  return { balance: owed, balance_due: Math.max(0, owed - invoiced), invoices };
}
