/** The reminder suites' clock and what they read back: reminders sent, as (slot, when). */
import type { Db } from '../../server/db/database.ts';
import { type PassResult, runReminderPass } from '../../server/reminders/scheduler.ts';
import type { Harness } from '../support/harness.ts';

/** A fake clock that the suites move forward by hand. */
export class FakeClock {
  constructor(public at: Date) {}
  now = () => this.at;
  advance(ms: number) {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The next whole hour after the real now: where the suites' clocks start. */
export function nextWholeHour(): Date {
  return new Date(Math.ceil((Date.now() + 1) / HOUR) * HOUR);
}

export function pass(h: Pick<Harness, 'db' | 'config'>, now: Date): Promise<PassResult> {
  return runReminderPass(h.db, {
    publicUrl: h.config.publicUrl,
    appSecret: h.config.appSecret,
    now,
  });
}

/** Runs a pass every hour from the clock's time until `until`, leaving the clock there. */
export async function runHourly(h: Pick<Harness, 'db' | 'config'>, clock: FakeClock, until: Date) {
  while (clock.at <= until) {
    await pass(h, clock.at);
    clock.advance(HOUR);
  }
}

export async function remindersOf(db: Db, subjectId: string) {
  return db
    .selectFrom('reminders')
    .select(['kind', 'slot', 'created_at', 'message_id', 'channel'])
    .where('subject_id', '=', subjectId)
    .orderBy('created_at')
    .execute();
}
