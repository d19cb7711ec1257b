/**
 * The reminder scheduler, inside the server: a pass every minute plans what is due
 * (./plan.ts) and sends each once (./send.ts). Several server processes on one database may run
 * it at once: a reminder's row is its claim. Tests call `runReminderPass` with their own `now`.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { startPollingLoop } from '../outbox/polling-loop.ts';
import { planReminders } from './plan.ts';
import { type SendOutcome, sendReminder, type TextSender } from './send.ts';

export interface PassOptions {
  publicUrl: string;
  appSecret: string;
  now?: Date;
  texts?: TextSender | undefined;
  logger?: Logger | undefined;
}

export type PassResult = Record<SendOutcome, number>;

/** One pass: every reminder due at `now`, each sent at most once across every process. */
export async function runReminderPass(db: Db, options: PassOptions): Promise<PassResult> {
  const now = options.now ?? new Date();
  const result: PassResult = {
    sent: 0,
    already_sent: 0,
    quiet_hours: 0,
    no_address: 0,
    no_url: 0,
    stopped: 0,
  };
  for (const plan of await planReminders(db, now)) {
    if (!plan.due) continue;
    try {
      result[await sendReminder(db, plan, { ...options, now })] += 1;
    } catch (error) {
      options.logger?.error(
        { err: error, kind: plan.kind, subject: plan.subjectId },
        'reminder not sent',
      );
    }
  }
  if (result.sent > 0) options.logger?.info({ ...result }, 'reminders sent');
  return result;
}

export interface ReminderScheduler {
  stop(): Promise<void>;
}

/** Starts the minute-by-minute passes; `stop()` waits for a pass under way to finish. */
export function startReminderScheduler(deps: {
  db: Db;
  publicUrl: string;
  appSecret: string;
  logger: Logger;
  texts?: TextSender;
  intervalMs?: number;
  /** The clock (tests pass a fake one). */
  clock?: () => Date;
  /** Told after each pass (tests wait on it). */
  onPass?: (result: PassResult) => void;
}): ReminderScheduler {
  const intervalMs = deps.intervalMs ?? 60_000;
  const clock = deps.clock ?? (() => new Date());
  return startPollingLoop(
    () =>
      runReminderPass(deps.db, { ...deps, now: clock() }).then((result) => deps.onPass?.(result)),
    { intervalMs, logger: deps.logger, failure: 'reminder pass failed' },
  );
}
