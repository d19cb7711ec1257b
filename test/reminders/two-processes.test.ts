/**
 * Two server processes on one PostgreSQL database run the reminder scheduler at once, over the
 * same weeks: every reminder goes out once (one row, one email, one link event), never twice.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import { addDays } from '../../server/businesses/time-zone.ts';
import { type Db, migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { createCustomer, createInvoice, createPaymentLink } from '../support/fixtures.ts';
import { testConfig } from '../support/harness.ts';
import { staffClient } from '../support/staff-client.ts';
import { DAY, nextWholeHour } from './support.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const adminUrl = process.env.TEST_DATABASE_URL;

function schedulerProcess(args: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'test/reminders/scheduler-process.ts', ...args],
      { cwd: ROOT, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!));
      },
    );
  });
}

describe.runIf(adminUrl)('two server processes on one PostgreSQL', () => {
  const name = `pay_portal_reminders_${randomBytes(6).toString('hex')}`;
  let url = '';
  let db: Db;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(adminUrl!);
    target.pathname = `/${name}`;
    url = target.toString();
    db = openDatabase(url);
    await migrateToLatest(db);
  });

  afterAll(async () => {
    await db?.destroy();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('sends every reminder once while both run the scheduler over the same hours', async () => {
    const config = testConfig();
    const app = createApp({ db, config, logger: createLogger('silent') });
    const { business, apiKey } = await createBusiness(db, { name: 'Acme Pools', currency: 'usd' });
    const staff = staffClient({ id: business.id, apiKey }, (path, init) =>
      Promise.resolve(app.request(path, init)),
    );
    const start = nextWholeHour();
    const today = start.toISOString().slice(0, 10);
    const invoices = [];
    for (let i = 0; i < 8; i += 1) {
      const customer = await createCustomer(staff, {
        name: `Customer ${i}`,
        email: `c${i}@example.com`,
      });
      const invoice = await createInvoice(staff, customer.id, {
        due_date: addDays(today, 4),
      });
      await createPaymentLink(staff, { invoice: invoice.id });
      invoices.push(invoice);
    }
    const end = new Date(start.getTime() + 9 * DAY).toISOString();
    const args = [url, config.publicUrl, config.appSecret, start.toISOString(), end];
    const [first, second] = await Promise.all([schedulerProcess(args), schedulerProcess(args)]);

    // Due in 4 days, 9 days of passes: -3, 0 and +3 of each invoice fall due (+7 after the end).
    const rows = await db
      .selectFrom('reminders')
      .select(['subject_id', 'slot', 'message_id'])
      .execute();
    expect(rows).toHaveLength(invoices.length * 3);
    expect((first.sent ?? 0) + (second.sent ?? 0)).toBe(rows.length);
    const emails = await db
      .selectFrom('outbox_messages')
      .select(['id', 'to'])
      .where('kind', '=', 'reminder')
      .execute();
    expect(emails).toHaveLength(rows.length);
    expect(new Set(rows.map((row) => row.message_id))).toEqual(new Set(emails.map((e) => e.id)));
    const events = await db
      .selectFrom('link_events')
      .select('id')
      .where('type', '=', 'reminder')
      .execute();
    expect(events).toHaveLength(rows.length);
  }, 180_000);
});
