/**
 * The real Pay Portal server for the end-to-end suites: createApp() over a SQLite file, served
 * by @hono/node-server on a random loopback port, with the element and demo page built from the
 * working tree. Fixtures are made over HTTP through the staff API, as an integrator would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../../server/app.ts';
import {
  createBusiness as createBusinessRow,
  type NewBusiness,
} from '../../../server/businesses/businesses.ts';
import { loadConfig } from '../../../server/config.ts';
import { migrateToLatest, openDatabase } from '../../../server/db/database.ts';
import { type DemoBusiness, seedDemo } from '../../../server/demo/seed.ts';
import { createLogger } from '../../../server/http/logger.ts';
import { loadWidgetFiles, type WidgetFiles } from '../../../server/pages/widget-files.ts';
import {
  chargeCustomer,
  createBusiness,
  createCustomer,
  createInvoice,
  createPaymentLink,
  creditCustomer,
} from '../../support/fixtures.ts';
import { type StaffClient, staffClient } from '../../support/staff-client.ts';
import { buildOnce } from './build.ts';

export type Staff = StaffClient;

export interface PayServer {
  /** http://127.0.0.1:<port>, also the configured public URL. */
  url: string;
  widget: WidgetFiles;
  /** Blue Lagoon Pools (unless named) with its letterhead and `settings`. */
  business(name?: string, settings?: Record<string, unknown>): Promise<Staff>;
  /** A request to the server over HTTP, as a browser's page sends it. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** The business `npm start` seeds, when asked for: its key and the links `/` lists. */
  demo: DemoBusiness | null;
  close(): Promise<void>;
}

export async function startPayServer(
  options: { seedDemo?: boolean; env?: Record<string, string> } = {},
): Promise<PayServer> {
  const { widgetDir, demoDir } = buildOnce();
  const dataDir = mkdtempSync(join(tmpdir(), 'pay-portal-e2e-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: join(dataDir, 'pay-portal.sqlite'),
    APP_SECRET: 'end-to-end-secret',
    DEMO: 'true',
    RATE_LIMIT_PORTAL_PER_MINUTE: '100000',
    ...options.env,
  });
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  let demo: DemoBusiness | null = null;
  const app = createApp({
    db,
    config,
    logger: createLogger('silent'),
    widgetDir,
    demoDir,
    demoLinks: () => demo?.links ?? [],
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The port is known only now; nothing has been asked of the app yet, and every link URL is
  // built from this configured address (never from a request's Host).
  config.publicUrl = url;
  if (options.seedDemo) demo = await seedDemo(db, app);

  const request = (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, init);
  // Businesses are made as the CLI makes them (there is no API for it), over the same database.
  const maker = {
    async business(input: Partial<NewBusiness> = {}) {
      const { business, apiKey } = await createBusinessRow(db, {
        name: 'Blue Lagoon Pools',
        currency: 'usd',
        ...input,
      });
      return staffClient({ id: business.id, apiKey }, request);
    },
  };
  return {
    url,
    widget: loadWidgetFiles(widgetDir),
    request,
    demo,
    business: (name = 'Blue Lagoon Pools', settings = {}) =>
      createBusiness(maker, {
        name,
        settings: {
          branding: {
            brand_color: '#0e7490',
            address: '1200 Harbor Blvd, Tampa, FL 33602',
            phone: '+1 (813) 555-0142',
            email: 'billing@bluelagoon.example',
          },
          notification_email: 'owner@bluelagoon.example',
          ...settings,
        },
      }),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A customer in each balance state, with a customer link each: the seed of the screenshots. */
export async function customerIn(
  staff: Staff,
  state: 'zero' | 'credit' | 'outstanding',
): Promise<{ customer: string; url: string; link: string }> {
  const names = { zero: 'Sam Lee', credit: 'Priya Patel', outstanding: 'Dana Diaz' };
  const customer = await createCustomer(staff, {
    name: names[state],
    email: `${state}@example.com`,
  });
  if (state === 'credit') {
    await creditCustomer(staff, customer.id, 1_250, 'Refund for a missed visit');
  }
  if (state === 'outstanding') {
    for (const month of ['09', '10']) {
      await chargeCustomer(staff, customer.id, {
        amount: 8_500,
        description: 'Weekly pool service',
        date: `2026-${month}-01`,
      });
    }
    await createInvoice(staff, customer.id, {
      unit_amount: 42_000,
      description: 'Pump motor replacement',
      tax_rate: 700,
      due_date: '2026-12-15',
    });
  }
  const link = await createPaymentLink(staff, { customer: customer.id });
  return { customer: customer.id, url: link.url, link: link.id };
}
