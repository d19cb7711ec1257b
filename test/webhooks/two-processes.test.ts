/**
 * Two server processes on one PostgreSQL: each event reaches each endpoint once per attempt,
 * whichever process claims it (the conditional update of server/webhooks/delivery.ts).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import { type Db, migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { testConfig } from '../support/harness.ts';
import { staffClient } from '../support/staff-client.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { listenWith, TEST_APP_SECRET } from './support.ts';

const run = promisify(execFile);
const adminUrl = process.env.TEST_DATABASE_URL;
const script = fileURLToPath(new URL('./deliver-process.ts', import.meta.url));

describe.runIf(adminUrl)('two delivery processes on one PostgreSQL', () => {
  const name = `pay_portal_test_${randomBytes(6).toString('hex')}`;
  let url: string;
  let db: Db;
  let receivers: Receiver[];
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    db = openDatabase(url);
    await migrateToLatest(db);
    receivers = [await startReceiver(), await startReceiver()];
  });
  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    await db.destroy();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('delivers each event once per endpoint', async () => {
    const config = testConfig({ databaseUrl: url, webhooks: { allowPrivateNetworks: true } });
    const app = createApp({ db, config, logger: createLogger('silent') });
    const { business, apiKey } = await createBusiness(db, { name: 'Acme Pools', currency: 'usd' });
    const staff = staffClient({ id: business.id, apiKey }, async (path, init) =>
      app.request(path, init),
    );
    for (const receiver of receivers) await listenWith(staff, receiver);
    const customers = 30;
    for (let i = 0; i < customers; i += 1) {
      const { body } = await staff.post('/v1/customers', { name: `Customer ${i}` });
      await staff.post(`/v1/customers/${body.id}/credits`, { amount: 500, description: 'Credit' });
    }

    const env = { ...process.env, DATABASE_URL: url, APP_SECRET: TEST_APP_SECRET };
    const processes = await Promise.all(
      [0, 1].map(() => run(process.execPath, ['--import', 'tsx', script], { env })),
    );
    const results = processes.map((p) => JSON.parse(p.stdout) as { delivered: number });
    // Between them every delivery was made once (which process took which is up to the race).
    expect(results[0]!.delivered + results[1]!.delivered).toBe(customers * 2);
    for (const receiver of receivers) {
      const ids = receiver.events().map((e) => e.id);
      expect(ids).toHaveLength(customers);
      expect(new Set(ids).size).toBe(customers);
    }
    const attempts = await db.selectFrom('webhook_attempts').select('id').execute();
    expect(attempts).toHaveLength(customers * 2);
  }, 60_000);
});
