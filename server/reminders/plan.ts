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
import { isOpenInvoice } from '../invoices/owed.ts';
import { readLiveLinks } from './live-links.ts';
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

/** Every reminder due at `now` and the next one for each document, soonest first. */
export async function planReminders(db: Db | Trx, now: Date): Promise<PlannedReminder[]> {
  const live = await readLiveLinks(db, now);
  if (!live) return [];
  const { links, businessById, invoiceById, estimateById, sums, firstSent, viewed, slotsSent } =
    live;

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
