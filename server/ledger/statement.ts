/**
 * A customer's account statement: every ledger entry, newest first, with the balance after it
 * (the running balance the ledger keeps), paged by position so entries posted together keep their
 * order. Each entry says who caused it: staff (charges, credits, voids, refunds) or the customer
 * (a payment, its tip and fee); the ledger keeps no user, since staff share one API key.
 */
import type { Db } from '../db/database.ts';
import type { LedgerEntryTable, LedgerKind } from '../db/schema.ts';

export type EntrySource = 'staff' | 'customer';

const CUSTOMER_KINDS = new Set<LedgerKind>(['payment', 'tip', 'fee']);

export function entrySource(kind: LedgerKind): EntrySource {
  return CUSTOMER_KINDS.has(kind) ? 'customer' : 'staff';
}

/** `limit + 1` entries older than `startingAfter` (an entry id of this customer), newest first. */
export async function statementPage(
  db: Db,
  customerId: string,
  page: { limit: number; starting_after?: string | undefined },
): Promise<LedgerEntryTable[] | null> {
  let query = db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('seq', 'desc')
    .limit(page.limit + 1);
  if (page.starting_after) {
    const cursor = await db
      .selectFrom('ledger_entries')
      .select('seq')
      .where('customer_id', '=', customerId)
      .where('id', '=', page.starting_after)
      .executeTakeFirst();
    if (!cursor) return null;
    query = query.where('seq', '<', cursor.seq);
  }
  return query.execute();
}
