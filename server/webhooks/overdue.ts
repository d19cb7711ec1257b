/**
 * `invoice.overdue`: nothing changes in the database when a due date passes, so a sweep of the
 * webhook loop finds the open invoices past their due date (in whole UTC days, as
 * portal/overdue.ts counts) and tells each one once (the event's `once_key`), whichever process
 * sweeps first.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { emitInvoiceEvent } from '../invoices/events.ts';

export async function announceOverdueInvoices(db: Db, at = new Date(), limit = 200) {
  const today = at.toISOString().slice(0, 10);
  const overdue = await db
    .selectFrom('invoices')
    .selectAll()
    .where('status', 'in', ['open', 'viewed', 'partially_paid'])
    .where('due_date', 'is not', null)
    .where('due_date', '<', today)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('events')
            .select('events.id')
            .where('events.once_key', '=', sql<string>`'invoice.overdue:' || invoices.id`),
        ),
      ),
    )
    .limit(limit)
    .execute();
  let told = 0;
  for (const invoice of overdue) {
    const event = await db
      .transaction()
      .execute((trx) => emitInvoiceEvent(trx, invoice, 'invoice.overdue', { once: true }));
    if (event) told += 1;
  }
  return told;
}
