/**
 * `npm run cli -- create-business`, run as a person or a script would: a real process on a real
 * store, whose printed key then works against the app on that store.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { chargeCustomer, createCustomer } from '../support/fixtures.ts';
import { testConfig } from '../support/harness.ts';
import { staffClient } from '../support/staff-client.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as `npx tsx server/cli.ts …` (what `npm run cli` runs), or `quick`ly through node's
 * tsx loader, which starts in half the time, for the many refusals.
 */
function cli(
  databaseUrl: string,
  args: string[],
  how: 'npx' | 'quick' = 'npx',
  env: Record<string, string> = {},
): Promise<Run> {
  const [command, ...prefix] =
    how === 'npx' ? ['npx', 'tsx'] : [process.execPath, '--import', 'tsx'];
  return new Promise((resolve) => {
    execFile(
      command!,
      [...prefix, 'server/cli.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl, APP_SECRET: 'cli-test-secret', ...env },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The stores the CLI is tried on: a SQLite file always, a fresh PostgreSQL database in CI. */
interface CliStore {
  name: string;
  url(): Promise<string>;
  drop(): Promise<void>;
}

const sqliteFile = (): CliStore => {
  let dir = '';
  return {
    name: 'sqlite',
    async url() {
      dir = mkdtempSync(join(tmpdir(), 'pay-portal-cli-'));
      return join(dir, 'store.sqlite');
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

const postgresDatabase = (adminUrl: string): CliStore => {
  const name = `pay_portal_cli_${randomBytes(6).toString('hex')}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(query);
    await client.end();
  };
  return {
    name: 'postgres',
    async url() {
      await admin(`create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
};

const stores: CliStore[] = process.env.TEST_DATABASE_URL
  ? [sqliteFile(), postgresDatabase(process.env.TEST_DATABASE_URL)]
  : [sqliteFile()];

/** How many businesses the store holds; 0 before the first migration. */
async function countBusinesses(url: string): Promise<number> {
  const db = openDatabase(url);
  try {
    const row = await db
      .selectFrom('businesses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } catch {
    return 0;
  } finally {
    await db.destroy();
  }
}

describe.each(stores)('cli on $name', (store) => {
  let url = '';
  beforeAll(async () => {
    url = await store.url();
  });
  afterAll(() => store.drop());

  it('creates a business, prints one line of JSON, and the key works against the API', async () => {
    const run = await cli(url, [
      'create-business',
      '--name',
      'Acme Pools',
      '--currency',
      'USD',
      '--locale',
      'es-es',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const printed = JSON.parse(run.stdout);
    expect(Object.keys(printed).sort()).toEqual(['api_key', 'business']);
    expect(printed.business).toMatchObject({
      object: 'business',
      name: 'Acme Pools',
      currency: 'usd',
      locale: 'es-ES',
    });
    expect(printed.business.id).toMatch(/^biz_/);
    expect(printed.api_key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(run.stderr).toContain(printed.business.id);
    expect(run.stderr).not.toContain(printed.api_key);

    const db = openDatabase(url);
    try {
      const app = createApp({ db, config: testConfig(), logger: createLogger('silent') });
      // The printed key works: its staff bill a customer.
      const staff = staffClient(
        { id: printed.business.id, apiKey: printed.api_key },
        async (path, init) => app.request(path, init),
      );
      const customer = await createCustomer(staff, { name: 'Dana' });
      await chargeCustomer(staff, customer.id, { amount: 4_500 });
      const balance = await staff.get(`/v1/customers/${customer.id}/balance`);
      expect(balance.body).toMatchObject({ amount: 4_500, currency: 'usd', state: 'outstanding' });
      const stored = await db.selectFrom('businesses').selectAll().execute();
      expect(stored.map((row) => row.id)).toEqual([printed.business.id]);
      // Only the key's hash is kept.
      expect(JSON.stringify(stored)).not.toContain(printed.api_key);
      const wrongKey = await app.request('/v1/customers', {
        headers: { authorization: `Bearer ${printed.api_key}x` },
      });
      expect(wrongKey.status).toBe(401);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a business it cannot make without touching the store', async () => {
    const before = await countBusinesses(url);
    const run = await cli(url, ['create-business', '--name', 'Acme', '--currency', 'xyz'], 'quick');
    expect(run.code).toBe(2);
    expect(await countBusinesses(url)).toBe(before);
  });
});

// Arguments are checked before any store is opened: these need no store of their own.
describe('cli arguments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pay-portal-cli-'));
  const never = join(dir, 'never.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.concurrent.each([
    [[], 'No command given'],
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['create-business', '--currency', 'usd'], '--name is required'],
    [['create-business', '--name', 'Acme'], '--currency is required'],
    [['create-business', '--name', 'Acme', '--currency', 'xyz'], 'not an ISO 4217'],
    [['create-business', '--name', 'Acme', '--currency', 'usd', '--locale', 'en_US'], 'BCP 47'],
    [['create-business', '--name', 'Acme', '--currency', 'usd', '--colour', 'red'], '--colour'],
  ])(
    'refuses %j with exit code 2, a message on stderr, nothing on stdout',
    async (args, message) => {
      const run = await cli(never, args, 'quick');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('Usage: npm run cli -- create-business');
      // Nothing was created, not even an empty store.
      expect(existsSync(never)).toBe(false);
    },
  );

  // Stripe takes only amounts ending in 0 in three-decimal currencies (issue 10): a business in
  // one is refused with Stripe, rather than rounding what its customers owe.
  const withStripe = {
    PAYMENT_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_cli',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_cli',
  };
  it.concurrent.each(['kwd', 'BHD', 'jod', 'OMR', 'tnd'])(
    'refuses a business in %s with Stripe, saying why, and creates nothing',
    async (currency) => {
      const run = await cli(
        never,
        ['create-business', '--name', 'Gulf Pools', '--currency', currency],
        'quick',
        withStripe,
      );
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(
        `--currency: Payments in ${currency.toUpperCase()} cannot go through Stripe here: Stripe takes only amounts ending in 0 in three-decimal currencies.`,
      );
      expect(existsSync(never)).toBe(false);
    },
  );

  it.concurrent('takes a three-decimal currency with the sandbox, and two-decimal ones with Stripe', async () => {
    const kwd = await cli(
      join(dir, 'kwd.sqlite'),
      ['create-business', '--name', 'Gulf Pools', '--currency', 'kwd'],
      'quick',
    );
    expect(kwd.code, kwd.stderr).toBe(0);
    expect(JSON.parse(kwd.stdout).business).toMatchObject({ currency: 'kwd' });
    const usd = await cli(
      join(dir, 'usd.sqlite'),
      ['create-business', '--name', 'Acme', '--currency', 'usd'],
      'quick',
      withStripe,
    );
    expect(usd.code, usd.stderr).toBe(0);
    expect(JSON.parse(usd.stdout).business).toMatchObject({ currency: 'usd' });
  });

  it.concurrent('prints its usage on stdout when asked', async () => {
    const run = await cli(never, ['--help'], 'quick');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--currency');
  });
});
