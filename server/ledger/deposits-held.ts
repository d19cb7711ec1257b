/**
 * Deposits paid on estimates: account credit on the ledger that belongs to its estimate until the
 * estimate becomes an invoice (server/estimates/deposits.ts moves it there). Credit application
 * leaves what is held alone; the estimate's views show what was paid.
 */
import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.ts';

/** What each estimate's deposit payments still hold: recorded deposits less their refunds. */
export async function depositsPaid(
  db: Db | Trx,
  estimateIds: readonly string[],
): Promise<Map<string, number>> {
  const paid = new Map<string, number>();
  if (estimateIds.length === 0) return paid;
  for (const row of await depositRows(db, estimateIds)) {
    paid.set(row.estimate_id, (paid.get(row.estimate_id) ?? 0) + row.net);
  }
  return paid;
}

/**
 * Each deposit with what is left of it after refunds. A refund gives back what a payment put on
 * the account first (server/payments/refunds.ts), and a deposit is that part, so it goes first.
 */
export async function depositRows(db: Db | Trx, estimateIds: readonly string[]) {
  const rows = await db
    .selectFrom('estimate_deposits')
    .leftJoin('refunds', (join) =>
      join
        .onRef('refunds.payment_id', '=', 'estimate_deposits.payment_id')
        .on('refunds.status', '=', 'succeeded'),
    )
    .selectAll('estimate_deposits')
    .select(sql<number>`coalesce(sum(refunds.amount), 0)`.as('refunded'))
    .where('estimate_deposits.estimate_id', 'in', [...estimateIds])
    .groupBy([
      'estimate_deposits.payment_id',
      'estimate_deposits.business_id',
      'estimate_deposits.customer_id',
      'estimate_deposits.estimate_id',
      'estimate_deposits.amount',
      'estimate_deposits.invoice_id',
      'estimate_deposits.credited',
      'estimate_deposits.created_at',
      'estimate_deposits.credited_at',
    ])
    .orderBy('estimate_deposits.created_at', 'asc')
    .orderBy('estimate_deposits.payment_id', 'asc')
    .execute();
  return rows.map((row) => {
    const amount = Number(row.amount);
    // Once credited to an invoice, a refund reopens the invoice instead (it is an invoice payment).
    const refunded = row.invoice_id ? 0 : Math.min(amount, Number(row.refunded));
    const net = row.invoice_id ? Number(row.credited ?? 0) : amount - refunded;
    return { ...row, amount, net };
  });
}

/** Deposits paid on estimates that are not invoices yet (less refunds): held for them. */
export async function depositsHeld(trx: Trx, customerId: string): Promise<number> {
  const estimates = await trx
    .selectFrom('estimate_deposits')
    .select('estimate_id')
    .distinct()
    .where('customer_id', '=', customerId)
    .where('invoice_id', 'is', null)
    .execute();
  if (estimates.length === 0) return 0;
  const paid = await depositsPaid(
    trx,
    estimates.map((row) => row.estimate_id),
  );
  return [...paid.values()].reduce((sum, amount) => sum + amount, 0);
}
