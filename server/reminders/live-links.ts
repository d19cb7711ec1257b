/**
 * What the reminder plan is read from, as it is at `now`: the live links (active, not expired,
 * newest first) with their customers, and what each link's reminders depend on: the link's
 * first "sent" and any "viewed", its business, its invoice (with what is owed) or estimate, and
 * the reminders already sent for it. Read in a few queries for all links at once.
 */
import type { Db, Trx } from '../db/database.ts';
import type { BusinessTable, EstimateTable, InvoiceTable, ReminderKind } from '../db/schema.ts';
import { invoiceSums } from '../invoices/owed.ts';

export type LiveLink = {
  link_id: string;
  link_kind: 'customer' | 'invoice' | 'estimate';
  token_sealed: string;
  link_created_at: string;
  expires_at: string | null;
  customer_id: string;
  customer_name: string;
  customer_email: string | null;
  customer_phone: string | null;
  customer_locale: string | null;
  customer_time_zone: string | null;
  business_id: string;
  invoice_id: string | null;
  estimate_id: string | null;
};

export interface LiveLinks {
  /** Newest first: the newest live link of a document carries its reminders. */
  links: LiveLink[];
  businessById: Map<string, BusinessTable>;
  invoiceById: Map<string, InvoiceTable>;
  estimateById: Map<string, EstimateTable>;
  /** What each invoice owes now. */
  sums: Awaited<ReturnType<typeof invoiceSums>>;
  /** When each link was first sent. */
  firstSent: Map<string, string>;
  /** The links the customer has opened. */
  viewed: Set<string>;
  /** The slots of a kind already sent for an invoice, estimate or link. */
  slotsSent(kind: ReminderKind, id: string): Set<string>;
}

/** The live links at `now` and what their reminders are planned from; null when there are none. */
export async function readLiveLinks(db: Db | Trx, now: Date): Promise<LiveLinks | null> {
  const at = now.toISOString();
  const links = (await db
    .selectFrom('payment_links')
    .innerJoin('customers', 'customers.id', 'payment_links.customer_id')
    .select([
      'payment_links.id as link_id',
      'payment_links.kind as link_kind',
      'payment_links.token_sealed',
      'payment_links.created_at as link_created_at',
      'payment_links.expires_at',
      'payment_links.business_id',
      'payment_links.invoice_id',
      'payment_links.estimate_id',
      'customers.id as customer_id',
      'customers.name as customer_name',
      'customers.email as customer_email',
      'customers.phone as customer_phone',
      'customers.locale as customer_locale',
      'customers.time_zone as customer_time_zone',
    ])
    .where('payment_links.status', '=', 'active')
    .where((eb) =>
      eb.or([eb('payment_links.expires_at', 'is', null), eb('payment_links.expires_at', '>', at)]),
    )
    .where('payment_links.created_at', '<=', at)
    .orderBy('payment_links.created_at', 'desc')
    .execute()) as LiveLink[];
  if (links.length === 0) return null;

  const linkIds = links.map((link) => link.link_id);
  const [events, businesses, invoices, estimates, sent] = await Promise.all([
    inChunks(linkIds, (ids) =>
      db
        .selectFrom('link_events')
        .select(['payment_link_id', 'type', 'created_at'])
        .where('payment_link_id', 'in', ids)
        .where('type', 'in', ['sent', 'viewed'])
        .where('created_at', '<=', at)
        .execute(),
    ),
    inChunks([...new Set(links.map((l) => l.business_id))], (ids) =>
      db.selectFrom('businesses').selectAll().where('id', 'in', ids).execute(),
    ),
    inChunks([...new Set(links.flatMap((l) => (l.invoice_id ? [l.invoice_id] : [])))], (ids) =>
      db.selectFrom('invoices').selectAll().where('id', 'in', ids).execute(),
    ),
    inChunks([...new Set(links.flatMap((l) => (l.estimate_id ? [l.estimate_id] : [])))], (ids) =>
      db.selectFrom('estimates').selectAll().where('id', 'in', ids).execute(),
    ),
    inChunks(
      [
        ...new Set(
          links.flatMap((l) => [l.link_id, l.invoice_id ?? l.link_id, l.estimate_id ?? l.link_id]),
        ),
      ],
      (ids) =>
        db
          .selectFrom('reminders')
          .select(['kind', 'subject_id', 'slot'])
          .where('subject_id', 'in', ids)
          .execute(),
    ),
  ]);
  const businessById = new Map(businesses.map((b) => [b.id, b]));
  const invoiceById = new Map(invoices.map((i) => [i.id, i]));
  const estimateById = new Map(estimates.map((e) => [e.id, e]));
  const sums = await invoiceSums(db, [...invoiceById.keys()]);
  const firstSent = new Map<string, string>();
  const viewed = new Set<string>();
  for (const event of events) {
    if (event.type === 'viewed') viewed.add(event.payment_link_id);
    else {
      const seen = firstSent.get(event.payment_link_id);
      if (!seen || event.created_at < seen) firstSent.set(event.payment_link_id, event.created_at);
    }
  }
  const sentSlots = new Map<string, Set<string>>();
  for (const row of sent) {
    const key = `${row.kind}:${row.subject_id}`;
    if (!sentSlots.has(key)) sentSlots.set(key, new Set());
    sentSlots.get(key)!.add(row.slot);
  }
  const slotsSent = (kind: ReminderKind, id: string) =>
    sentSlots.get(`${kind}:${id}`) ?? new Set<string>();
  return { links, businessById, invoiceById, estimateById, sums, firstSent, viewed, slotsSent };
}

/** `where id in (…)` in slices, so a long list stays within the database's parameter limit. */
async function inChunks<T>(ids: string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += 500) rows.push(...(await read(ids.slice(i, i + 500))));
  return rows;
}
