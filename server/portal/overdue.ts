/**
 * Days an invoice is past its due date, counted in whole calendar days on the business's clock
 * (`settings.time_zone`, shared/calendar.ts): due today is not overdue; due yesterday is 1 day
 * overdue, from the business's midnight.
 */
import { daysPastDue, todayIn } from '../../shared/calendar.ts';

export function daysOverdue(dueDate: string | null, timeZone: string, now = new Date()): number {
  return daysPastDue(dueDate, todayIn(timeZone, now));
}
