/**
 * An app over a real migrated database, driven with `app.request()` (no listening socket), and a
 * staff client per business that speaks the API as an integrator would.
 */
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createBusiness, type NewBusiness } from '../../server/businesses/businesses.ts';
import { type Config, loadConfig } from '../../server/config.ts';
import type { Db } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import type { TestStore } from './databases.ts';
import { invoiceBalancesAgreeWithLedger } from './invoice-balances.ts';
import { openInvoiceTotalsAgreeWithInvoices } from './open-invoice-totals.ts';
import { type StaffClient, staffClient } from './staff-client.ts';

export { type ApiAnswer, answer, type StaffClient } from './staff-client.ts';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: ':memory:',
      PUBLIC_URL: 'https://pay.example.test',
      APP_SECRET: 'test-secret-of-the-test-suite',
    }),
    ...overrides,
  };
}

/** For suites that call the portal often from one address: the limits have their own suite. */
export const UNLIMITED: Partial<Config> = {
  rateLimit: { portalPerMinute: 100_000, misses: 100_000, missWindowSeconds: 600 },
};

export interface Harness {
  db: Db;
  app: ReturnType<typeof createApp>;
  config: Config;
  /** A new business and a client that calls the staff API with its key. */
  business(input?: Partial<NewBusiness>): Promise<StaffClient>;
  /** A request as a browser would send it, from `address`. */
  request(path: string, init?: RequestInit, address?: string): Promise<Response>;
}

/** Opens the store before the suite's tests and closes it after them. */
export function useHarness(store: TestStore, overrides: Partial<Config> = {}): Harness {
  const harness = {} as Harness;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const opened = await store.open();
    close = opened.close;
    const config = testConfig(overrides);
    const app = createApp({ db: opened.db, config, logger: createLogger('silent') });
    const request = (path: string, init: RequestInit = {}, address = '203.0.113.7') =>
      Promise.resolve(
        app.request(path, init, { incoming: { socket: { remoteAddress: address } } }),
      );
    Object.assign(harness, {
      db: opened.db,
      app,
      config,
      request,
      async business(input: Partial<NewBusiness> = {}) {
        const { business, apiKey } = await createBusiness(opened.db, {
          name: 'Acme Pools',
          currency: 'usd',
          ...input,
        });
        return staffClient({ id: business.id, apiKey }, request);
      },
    });
  });
  afterAll(async () => {
    try {
      if (harness.db) {
        await invoiceBalancesAgreeWithLedger(harness.db);
        await openInvoiceTotalsAgreeWithInvoices(harness.db);
      }
    } finally {
      await close();
    }
  });
  return harness;
}
