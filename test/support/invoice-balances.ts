/**
 * Every invoice's stored balance is the sum of its ledger entries (issue 13: the ledger keeps it
 * in server/ledger/entries.ts, and the portal's lists read it instead of the entries). Checked
 * after every suite that uses the harness, so each payment, refund, void, credit and dispute the
 * suites make is a case.
 */
import { sql } from 'kysely';
import type { Db } from '../../server/db/database.ts';

export async function invoiceBalancesAgreeWithLedger(db: Db): Promise<void> {
  const rows = await db
    .selectFrom('invoices as i')
    .select([
      'i.id',
      'i.number',
      'i.balance',
      sql<number>`(select coalesce(sum(le.amount), 0) from ledger_entries le
        where le.invoice_id = i.id)`.as('entries'),
    ])
    .execute();
  const wrong = rows.filter((row) => Number(row.balance) !== Number(row.entries));
  if (wrong.length > 0) {
    const listed = wrong.map(
      (row) => `${row.number}: stored ${row.balance}, entries ${row.entries}`,
    );
    throw new Error(`invoice balances disagree with the ledger:\n${listed.join('\n')}`);
  }
}
