/**
 * What reminders are due (and what comes next), read from the invoices, estimates and links as
 * they are at `now`: an invoice only while it is open, with a live invoice link; an estimate only
 * while pending and valid, with a live estimate link that was sent; a "not opened yet" nudge only
 * for a link that was sent, never viewed, and whose document still asks for something.
 */
import { businessSettings, businessTimeZone } from '../businesses/businesses.ts';
import { customerTimeZone } from '../businesses/customer-time-zone.ts';
import { zonedParts } from '../businesses/time-zone.ts';
import type { Db, Trx } from '../db/database.ts';
import type { BusinessTable, ReminderKind } from '../db/schema.ts';
import { invoiceSums, isOpenInvoice } from '../invoices/owed.ts';
import {
  estimateSlots,
  invoiceSlots,
  type Next,
  nextReminder,
  notOpenedSlot,
  type Slot,
} from './schedule.ts';

export interface PlannedReminder {
  kind: ReminderKind;
  business: BusinessTable;
  /** The invoice, estimate or (not opened) link it is about. */
  subjectId: string;
  slot: Slot;
  /** True: due now; false: the next one to come. */
  due: boolean;
  link: {
    id: string;
    business_id: string;
    customer_id: string;
    kind: string;
    token_sealed: string;
  };
  customer: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    /** 'en', 'es' or null (the business's): the reminder's language. */
    locale: string | null;
    /** IANA zone or null (the business's): the clock the reminder's quiet hours are kept on. */
    time_zone: string | null;
  };
  invoiceId: string | null;
  estimateId: string | null;
  document: {
    type: 'invoice' | 'estimate';
    number: string;
    currency: string;
    amount: number;
    date: string | null;
  } | null;
}

type LinkRow = {
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

/** Every reminder due at `now` and the next one for each document, soonest first. */
export async function planReminders(db: Db | Trx, now: Date): Promise<PlannedReminder[]> {
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
    .execute()) as LinkRow[];
  if (links.length === 0) return [];

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

  const plans: PlannedReminder[] = [];
  const seenDocument = new Set<string>();
  for (const link of links) {
    const business = businessById.get(link.business_id);
    if (!business) continue;
    const settings = businessSettings(business).reminders;
    const zone = businessTimeZone(business);
    const base = {
      business,
      link: {
        id: link.link_id,
        business_id: link.business_id,
        customer_id: link.customer_id,
        kind: link.link_kind,
        token_sealed: link.token_sealed,
      },
      customer: {
        id: link.customer_id,
        name: link.customer_name,
        email: link.customer_email,
        phone: link.customer_phone,
        locale: link.customer_locale,
        time_zone: link.customer_time_zone,
      },
      invoiceId: link.invoice_id,
      estimateId: link.estimate_id,
    };
    const push = (
      kind: ReminderKind,
      subjectId: string,
      next: Next,
      document: PlannedReminder['document'],
    ) => {
      if (next) plans.push({ ...base, kind, subjectId, slot: next.slot, due: next.due, document });
    };
    let document: PlannedReminder['document'] = null;
    let open = true;

    const invoice = link.invoice_id ? invoiceById.get(link.invoice_id) : undefined;
    if (invoice) {
      open = isOpenInvoice(invoice.status) && !invoice.voided_at;
      document = {
        type: 'invoice',
        number: invoice.number,
        currency: invoice.currency,
        amount: sums.get(invoice.id)?.amount_due ?? 0,
        date: invoice.due_date,
      };
      open &&= document.amount > 0;
      // The newest live link of an invoice carries its reminders (links are newest first).
      if (
        open &&
        link.link_kind === 'invoice' &&
        settings.invoice.enabled &&
        invoice.due_date &&
        !seenDocument.has(invoice.id)
      ) {
        seenDocument.add(invoice.id);
        push(
          'invoice',
          invoice.id,
          nextReminder(
            invoiceSlots(invoice.due_date, settings.invoice.offsets_days, zone),
            slotsSent('invoice', invoice.id),
            now,
            {
              notBefore: new Date(link.link_created_at),
              max: settings.invoice.max_per_invoice,
            },
          ),
          document,
        );
      }
    }

    const estimate = link.estimate_id ? estimateById.get(link.estimate_id) : undefined;
    if (estimate) {
      const today = zonedParts(now, zone).day;
      open = estimate.status === 'pending' && estimate.valid_until >= today;
      document = {
        type: 'estimate',
        number: estimate.number,
        currency: estimate.currency,
        amount: estimate.total,
        date: estimate.valid_until,
      };
      const sentAt = firstSent.get(link.link_id);
      if (open && sentAt && settings.estimate.enabled && !seenDocument.has(estimate.id)) {
        seenDocument.add(estimate.id);
        const slots = estimateSlots(
          new Date(sentAt),
          estimate.valid_until,
          settings.estimate,
          zone,
        );
        const sentFollowUps = new Set([
          ...[...slotsSent('estimate_follow_up', estimate.id)],
          ...[...slotsSent('estimate_expiry', estimate.id)],
        ]);
        const next = nextReminder(slots, sentFollowUps, now, {
          notBefore: new Date(sentAt),
          max: slots.length,
        });
        if (next)
          push(
            next.slot.slot === 'expiry' ? 'estimate_expiry' : 'estimate_follow_up',
            estimate.id,
            next,
            document,
          );
      }
    }

    const sentAt = firstSent.get(link.link_id);
    if (open && sentAt && !viewed.has(link.link_id) && settings.not_opened.enabled) {
      const remindedSince = plans.some((p) => p.link.id === link.link_id && p.due);
      const next = nextReminder(
        [notOpenedSlot(new Date(sentAt), settings.not_opened.after_days)],
        slotsSent('not_opened', link.link_id),
        now,
        {
          notBefore: new Date(sentAt),
          max: 1,
        },
      );
      // A document reminder going out now carries the same link: the nudge would repeat it.
      if (next && !(next.due && remindedSince)) push('not_opened', link.link_id, next, document);
    }
  }
  return plans.sort((a, b) => a.slot.at.getTime() - b.slot.at.getTime());
}

/**
 * The clock a reminder's quiet hours are kept on: the customer's zone when staff gave one, else
 * the business's. (When it falls due stays on the business's clock: the due date is its.)
 */
export function quietHoursZone(plan: Pick<PlannedReminder, 'business' | 'customer'>): string {
  return customerTimeZone(businessTimeZone(plan.business), plan.customer);
}

/** `where id in (…)` in slices, so a long list stays within the database's parameter limit. */
async function inChunks<T>(ids: string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += 500) rows.push(...(await read(ids.slice(i, i + 500))));
  return rows;
}
