/**
 * The append-only ledger. Every entry stores the customer's running balance after it, so a
 * balance is one indexed row to read however long the history, and it is still derived: it is
 * the sum of the entries, fixed at the moment each was appended. Nothing here updates an entry.
 * Each invoice keeps the sum of its own entries likewise (`invoices.balance`), moved here in the
 * same transaction as the entries that move it, so that a list of open invoices with what they
 * owe reads no entries (issue 13).
 */
import { sql } from 'kysely';
import { type Db, isPostgres, type Trx } from '../db/database.ts';
import { type IdPrefix, newId, now, today } from '../db/ids.ts';
import type { LedgerEntryTable, LedgerKind } from '../db/schema.ts';
import { emitEvent } from '../events/events.ts';

export type LedgerEntry = LedgerEntryTable;

export interface NewLedgerEntry {
  kind: LedgerKind;
  /** Effect on what the customer owes, tax included. */
  amount: number;
  tax?: number;
  description: string;
  date?: string;
  invoice_id?: string | null;
  payment_id?: string | null;
  /** The person at the business who added it, when the staff call named them. */
  added_by_name?: string | null;
}

const ID_PREFIX: Record<LedgerKind, IdPrefix> = {
  charge: 'chg',
  credit: 'crd',
  payment: 'led',
  refund: 'led',
  tip: 'led',
  fee: 'led',
  adjustment: 'led',
};

/**
 * Holds the customer's ledger for the rest of the transaction. SQLite already holds the whole
 * database from `BEGIN IMMEDIATE`; PostgreSQL locks the customer's row.
 */
export async function lockCustomer(trx: Trx, customerId: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await trx.selectFrom('customers').select('id').where('id', '=', customerId).forUpdate().execute();
}

/** Appends entries in order, each with its running balance. Call inside a transaction. */
export async function appendEntries(
  trx: Trx,
  owner: { business_id: string; customer_id: string },
  entries: NewLedgerEntry[],
): Promise<LedgerEntry[]> {
  await lockCustomer(trx, owner.customer_id);
  const last = await lastEntry(trx, owner.customer_id);
  let seq = last?.seq ?? 0;
  let balance = last?.balance_after ?? 0;
  const createdAt = now();
  const rows: LedgerEntry[] = entries.map((entry) => {
    seq += 1;
    balance += entry.amount;
    return {
      id: newId(ID_PREFIX[entry.kind]),
      business_id: owner.business_id,
      customer_id: owner.customer_id,
      seq,
      kind: entry.kind,
      amount: entry.amount,
      tax: entry.tax ?? 0,
      description: entry.description,
      date: entry.date ?? today(),
      invoice_id: entry.invoice_id ?? null,
      payment_id: entry.payment_id ?? null,
      balance_after: balance,
      added_by_name: entry.added_by_name ?? null,
      created_at: createdAt,
    };
  });
  if (rows.length > 0) await trx.insertInto('ledger_entries').values(rows).execute();
  await moveInvoiceBalances(trx, rows);
  await tellCreditChange(trx, owner, last?.balance_after ?? 0, balance);
  return rows;
}

/** Adds each invoice's new entries to its stored balance (the customer is locked already). */
async function moveInvoiceBalances(trx: Trx, rows: readonly LedgerEntry[]) {
  const moves = new Map<string, number>();
  for (const row of rows) {
    if (row.invoice_id) moves.set(row.invoice_id, (moves.get(row.invoice_id) ?? 0) + row.amount);
  }
  for (const [invoiceId, amount] of moves) {
    if (amount === 0) continue;
    await trx
      .updateTable('invoices')
      .set((eb) => ({ balance: eb('balance', '+', amount) }))
      .where('id', '=', invoiceId)
      .execute();
  }
}

const creditOf = (balance: number) => Math.max(0, -balance);

/**
 * `customer.credit_changed` when the account credit (what a balance below zero holds) moved: told
 * here, where every entry is appended, so no way of changing it goes untold. Its object is the
 * balance as GET /v1/customers/:id/balance shows it.
 */
async function tellCreditChange(
  trx: Trx,
  owner: { business_id: string; customer_id: string },
  before: number,
  after: number,
) {
  if (creditOf(before) === creditOf(after)) return;
  const business = await trx
    .selectFrom('businesses')
    .select('currency')
    .where('id', '=', owner.business_id)
    .executeTakeFirstOrThrow();
  await emitEvent(trx, {
    business_id: owner.business_id,
    type: 'customer.credit_changed',
    object_id: owner.customer_id,
    object: {
      object: 'balance',
      customer: owner.customer_id,
      amount: after,
      currency: business.currency,
      state: balanceState(after),
    },
    extra: { credit: creditOf(after), previous_credit: creditOf(before) },
  });
}

async function lastEntry(db: Db | Trx, customerId: string) {
  return db
    .selectFrom('ledger_entries')
    .select(['seq', 'balance_after'])
    .where('customer_id', '=', customerId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export type BalanceState = 'zero' | 'credit' | 'outstanding';

export function balanceState(amount: number): BalanceState {
  if (amount === 0) return 'zero';
  return amount < 0 ? 'credit' : 'outstanding';
}

/** What the customer owes now (negative: account credit). */
export async function customerBalance(db: Db | Trx, customerId: string): Promise<number> {
  return (await lastEntry(db, customerId))?.balance_after ?? 0;
}

/** The customer's billing line items, newest first. */
export async function recentCharges(db: Db | Trx, customerId: string, limit = 20) {
  return db
    .selectFrom('ledger_entries')
    .select(['id', 'amount', 'tax', 'description', 'date', 'invoice_id'])
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'charge')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
}

/** Sum of an invoice's entries: its charges less what has been paid or credited against it. */
export async function invoiceAmountDue(db: Db | Trx, invoiceId: string): Promise<number> {
  const row = await db
    .selectFrom('ledger_entries')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('due'))
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  return Number(row.due);
}
