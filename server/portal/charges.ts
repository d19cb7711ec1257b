/** Recent billing line items a link reaches, newest first: the customer's, or its invoice's. */
import type { Db } from '../db/database.ts';
import { recentCharges } from '../ledger/entries.ts';
import type { PortalScope } from '../links/access.ts';

async function chargesOf(db: Db, scope: PortalScope, limit: number) {
  if (scope.link.kind === 'customer') return recentCharges(db, scope.customer.id, limit);
  if (scope.link.kind === 'estimate' || !scope.invoice) return [];
  return db
    .selectFrom('ledger_entries')
    .select(['id', 'amount', 'tax', 'description', 'date', 'invoice_id'])
    .where('invoice_id', '=', scope.invoice.id)
    .where('kind', '=', 'charge')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
}

/** A page of charges; the ledger's amount includes tax, the portal shows it apart. */
export async function portalCharges(db: Db, scope: PortalScope, limit: number) {
  const rows = await chargesOf(db, scope, limit + 1);
  return {
    object: 'list' as const,
    data: rows.slice(0, limit).map((row) => ({
      id: row.id,
      amount: row.amount - row.tax,
      tax: row.tax,
      description: row.description,
      date: row.date,
    })),
    has_more: rows.length > limit,
  };
}
