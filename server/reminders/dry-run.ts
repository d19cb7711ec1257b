/** `npm run cli -- reminders --dry-run`: what the scheduler would send now, and next, as lines. */

import type { Db } from '../db/database.ts';
import { planReminders, quietHoursZone } from './plan.ts';
import { inQuietHours } from './schedule.ts';

export interface DryRunLine {
  at: string;
  state: 'due' | 'quiet_hours' | 'scheduled';
  business: string;
  kind: string;
  subject: string;
  slot: string;
  to: string | null;
}

export async function dryRunReminders(db: Db, now = new Date()): Promise<DryRunLine[]> {
  return (await planReminders(db, now)).map((plan) => ({
    at: plan.slot.at.toISOString(),
    state: !plan.due
      ? 'scheduled'
      : inQuietHours(now, quietHoursZone(plan))
        ? 'quiet_hours'
        : 'due',
    business: plan.business.id,
    kind: plan.kind,
    subject: plan.document ? `${plan.document.type} ${plan.document.number}` : plan.subjectId,
    slot: plan.slot.slot,
    to: plan.customer.email,
  }));
}
