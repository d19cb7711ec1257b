/** `npm run cli -- reminders --dry-run`, run as a person would, on a SQLite file: lists, sends nothing. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import { addDays } from '../../server/businesses/time-zone.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { createCustomer, createInvoice, createPaymentLink } from '../support/fixtures.ts';
import { testConfig } from '../support/harness.ts';
import { staffClient } from '../support/staff-client.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pay-portal-reminders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(databaseUrl: string, args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          APP_SECRET: 'test-secret-of-the-test-suite',
        },
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

describe('npm run cli -- reminders --dry-run', () => {
  it('lists the reminder due now, and writes nothing', async () => {
    const file = join(dir, 'store.sqlite');
    const db = openDatabase(file);
    await migrateToLatest(db);
    const app = createApp({ db, config: testConfig(), logger: createLogger('silent') });
    const { business, apiKey } = await createBusiness(db, { name: 'Acme Pools', currency: 'usd' });
    const staff = staffClient({ id: business.id, apiKey }, (path, init) =>
      Promise.resolve(app.request(path, init)),
    );
    const customer = await createCustomer(staff, { email: 'dana@example.com' });
    const today = new Date().toISOString().slice(0, 10);
    const invoice = await createInvoice(staff, customer.id, { due_date: addDays(today, 5) });
    await createPaymentLink(staff, { invoice: invoice.id });

    // Noon UTC on the due date: "on the due date" (9:00 UTC) is due, +3 comes next.
    const at = `${addDays(today, 5)}T12:00:00.000Z`;
    const run = await cli(file, ['reminders', '--dry-run', '--at', at]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({
        state: 'due',
        kind: 'invoice',
        slot: 'offset:0',
        subject: `invoice ${invoice.number}`,
        to: 'dana@example.com',
      }),
    ]);
    expect(run.stderr).toContain('1 reminder(s) due now');
    expect(await db.selectFrom('reminders').selectAll().execute()).toEqual([]);

    const refused = await cli(file, ['reminders']);
    expect(refused.code).toBe(2);
    await db.destroy();
  }, 60_000);
});
