/**
 * One server process's reminder scheduler, for test/reminders/two-processes.test.ts: it opens the
 * database named in argv, starts the server's scheduler with a clock that moves one hour per pass
 * from argv's start to argv's end, and prints its passes' sums as one JSON line.
 */
import { openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { startReminderScheduler } from '../../server/reminders/scheduler.ts';

const [databaseUrl, publicUrl, appSecret, startIso, endIso] = process.argv.slice(2);
const db = openDatabase(databaseUrl!);
const end = Date.parse(endIso!);
let at = Date.parse(startIso!);
const totals: Record<string, number> = {};
let finish: () => void = () => {};
const done = new Promise<void>((resolve) => {
  finish = resolve;
});
const scheduler = startReminderScheduler({
  db,
  publicUrl: publicUrl!,
  appSecret: appSecret!,
  logger: createLogger('silent'),
  intervalMs: 1,
  clock: () => new Date(at),
  onPass(result) {
    for (const [key, count] of Object.entries(result)) totals[key] = (totals[key] ?? 0) + count;
    at += 3_600_000;
    if (at > end) finish();
  },
});
await done;
await scheduler.stop();
await db.destroy();
process.stdout.write(`${JSON.stringify(totals)}\n`);
