/**
 * `invoice.overdue`: nothing changes in the database when a due date passes, so a sweep of the
 * webhook loop finds the open invoices past their due date (on the business's calendar,
 * `settings.time_zone`, as portal/overdue.ts counts) and tells each one once (the event's
 * `once_key`), whichever process sweeps first. The query takes what may be overdue somewhere (due
 * before today on the world's latest calendar, UTC+14), oldest first; each business's own day
 * decides.
 */
import { sql } from 'kysely';
import { todayIn } from '../../shared/calendar.ts';
import { businessTimeZone } from '../businesses/businesses.ts';
import type { Db } from '../db/database.ts';
import { emitInvoiceEvent } from '../invoices/events.ts';

export async function announceOverdueInvoices(db: Db, at = new Date(), limit = 200) {
  const latestToday = todayIn('Pacific/Kiritimati', at);
  const candidates = await db
    .selectFrom('invoices')
    .innerJoin('businesses', 'businesses.id', 'invoices.business_id')
    .selectAll('invoices')
    .select(['businesses.settings as business_settings', 'businesses.locale as business_locale'])
    .where('status', 'in', ['open', 'viewed', 'partially_paid'])
    .where('due_date', 'is not', null)
    .where('due_date', '<', latestToday)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('events')
            .select('events.id')
            .where('events.once_key', '=', sql<string>`'invoice.overdue:' || invoices.id`),
        ),
      ),
    )
    .orderBy('due_date')
    .limit(limit)
    .execute();
  const overdue = candidates.filter(
    ({ business_settings, business_locale, due_date }) =>
      due_date! <
      todayIn(businessTimeZone({ settings: business_settings, locale: business_locale }), at),
  );
  let told = 0;
  for (const { business_settings: _settings, business_locale: _locale, ...invoice } of overdue) {
    const event = await db
      .transaction()
      .execute((trx) => emitInvoiceEvent(trx, invoice, 'invoice.overdue', { once: true }));
    if (event) told += 1;
  }
  return told;
}
