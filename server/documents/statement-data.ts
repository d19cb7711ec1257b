/**
 * An account statement (issue 11): a customer's ledger for a date range, read as the customer's
 * bank statement reads: the opening balance (everything dated before the range), every entry in
 * the range in order (charges, invoice lines, credits, payments with their receipt numbers, tips,
 * fees, refunds, adjustments) with the running balance after each, and the closing balance.
 *
 * Entries are ordered by their business date, then by their place in the ledger, so a charge
 * staff dated last week sits in last week. When no entry was back-dated (the usual case) the
 * running balance is exactly the ledger's own `balance_after`; the closing balance of a range
 * that ends today is always the customer's balance.
 */
import type { Db } from '../db/database.ts';
import type { BusinessTable, CustomerTable, LedgerKind } from '../db/schema.ts';
import { type DocumentBrand, documentBrand } from './brand.ts';

export interface StatementPeriod {
  /** First day, YYYY-MM-DD, inclusive. */
  from: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to: string;
}

export interface StatementEntry {
  date: string;
  kind: LedgerKind;
  description: string;
  invoiceNumber: string | null;
  receiptNumber: string | null;
  amount: number;
  /** What the customer owes after this entry (negative: credit). */
  balance: number;
}

export interface Statement {
  brand: DocumentBrand;
  customer: Pick<CustomerTable, 'id' | 'name' | 'email' | 'address'>;
  currency: string;
  period: StatementPeriod;
  opening: number;
  entries: StatementEntry[];
  closing: number;
  /** The day it was made. */
  issued: string;
}

/** Days in a default statement: the last 90, today included. */
export const DEFAULT_STATEMENT_DAYS = 90;

/** The default period: the 90 days ending today (UTC dates, as the ledger's). */
export function defaultPeriod(today: string): StatementPeriod {
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - (DEFAULT_STATEMENT_DAYS - 1));
  return { from: from.toISOString().slice(0, 10), to: today };
}

/**
 * The period asked for, with what is missing filled in: no `to` is today; no `from` is 89 days
 * before `to` (90 days in all).
 */
export function resolvePeriod(
  asked: { from?: string; to?: string },
  today: string,
): StatementPeriod {
  const to = asked.to ?? (asked.from && asked.from > today ? asked.from : today);
  return { from: asked.from ?? defaultPeriod(to).from, to };
}

export async function loadStatement(
  db: Db,
  business: BusinessTable,
  customer: CustomerTable,
  period: StatementPeriod,
  issued: string,
): Promise<Statement> {
  const [brand, before, rows] = await Promise.all([
    documentBrand(db, business),
    db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
      .where('customer_id', '=', customer.id)
      .where('date', '<', period.from)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('ledger_entries')
      .leftJoin('invoices', 'invoices.id', 'ledger_entries.invoice_id')
      .leftJoin('payments', 'payments.id', 'ledger_entries.payment_id')
      .select([
        'ledger_entries.date',
        'ledger_entries.kind',
        'ledger_entries.description',
        'ledger_entries.amount',
        'invoices.number as invoice_number',
        'payments.receipt_number',
      ])
      .where('ledger_entries.customer_id', '=', customer.id)
      .where('ledger_entries.date', '>=', period.from)
      .where('ledger_entries.date', '<=', period.to)
      .orderBy('ledger_entries.date')
      .orderBy('ledger_entries.seq')
      .execute(),
  ]);
  const opening = Number(before.sum);
  let balance = opening;
  const entries = rows.map((row) => {
    balance += Number(row.amount);
    return {
      date: row.date,
      kind: row.kind,
      description: row.description,
      invoiceNumber: row.invoice_number,
      receiptNumber: row.receipt_number,
      amount: Number(row.amount),
      balance,
    };
  });
  return {
    brand,
    customer,
    currency: business.currency,
    period,
    opening,
    entries,
    closing: balance,
    issued,
  };
}
