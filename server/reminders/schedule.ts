/**
 * When reminders fall due, as pure functions of the settings, the business's clock and now.
 * Every scheduled reminder is "a day at 9:00 on the business's clock": the due date plus an
 * offset, the day an estimate was sent plus N, its last valid day less N. Nothing goes out in
 * quiet hours (before 8:00 or from 21:00 on that clock); a reminder due then waits for 8:00.
 * After downtime only the latest reminder due for a document is sent, never the backlog.
 */
import { addDays, zonedParts, zonedTime } from '../businesses/time-zone.ts';
import { isQuietHour } from '../texts/quiet-hours.ts';

export const SEND_HOUR = 9;

export interface Slot {
  /** Names the reminder among its document's: `offset:-3`, `follow_up`, `expiry`, `not_opened`. */
  slot: string;
  at: Date;
  offsetDays?: number;
}

/** True when reminders wait: before 8:00 or from 21:00 in the zone. */
export function inQuietHours(at: Date, timeZone: string): boolean {
  // The texts' rule (server/texts/quiet-hours.ts), held by email reminders too.
  return isQuietHour(at, timeZone);
}

/** An invoice's reminders: each offset from its due date, at 9:00 on the business's clock. */
export function invoiceSlots(
  dueDate: string,
  offsets: readonly number[],
  timeZone: string,
): Slot[] {
  return [...offsets]
    .sort((a, b) => a - b)
    .map((offset) => ({
      slot: `offset:${offset}`,
      at: zonedTime(addDays(dueDate, offset), SEND_HOUR, timeZone),
      offsetDays: offset,
    }));
}

/** An estimate's follow-up N days after it was sent, and its nudge N days before it expires. */
export function estimateSlots(
  sentAt: Date,
  validUntil: string,
  settings: { follow_up_days: number; before_expiry_days: number | null },
  timeZone: string,
): Slot[] {
  const sentDay = zonedParts(sentAt, timeZone).day;
  const slots: Slot[] = [
    {
      slot: 'follow_up',
      at: zonedTime(addDays(sentDay, settings.follow_up_days), SEND_HOUR, timeZone),
    },
  ];
  if (settings.before_expiry_days !== null) {
    const at = zonedTime(addDays(validUntil, -settings.before_expiry_days), SEND_HOUR, timeZone);
    // Only when there is time between sending it and the follow-up's purpose.
    if (at > sentAt) slots.push({ slot: 'expiry', at });
  }
  return slots.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A link sent and not opened: one nudge N days after it was first sent. */
export function notOpenedSlot(sentAt: Date, afterDays: number): Slot {
  return { slot: 'not_opened', at: new Date(sentAt.getTime() + afterDays * 86_400_000) };
}

export type Next =
  /** The latest slot due and not sent: send it (outside quiet hours). */
  | { due: true; slot: Slot }
  /** Nothing due now; the next slot to come. */
  | { due: false; slot: Slot }
  | null;

/**
 * What to do about one document: the latest slot due that is not sent yet (older missed ones are
 * passed over: one reminder, the latest, after downtime), else the next one to come. Slots before
 * `notBefore` (the link's making) never count, nor any once `sent` has reached `max`.
 */
export function nextReminder(
  slots: readonly Slot[],
  sent: ReadonlySet<string>,
  now: Date,
  options: { notBefore: Date; max: number },
): Next {
  if (sent.size >= options.max) return null;
  const live = slots.filter((slot) => slot.at >= options.notBefore);
  const due = live.filter((slot) => slot.at <= now);
  const latest = due.at(-1);
  if (latest && !sent.has(latest.slot)) return { due: true, slot: latest };
  const upcoming = live.find((slot) => slot.at > now && !sent.has(slot.slot));
  return upcoming ? { due: false, slot: upcoming } : null;
}
