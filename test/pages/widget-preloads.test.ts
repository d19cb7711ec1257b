/**
 * The hosted page preloads the element's lazy parts it will ask for at once (issue 13): the
 * account's view, and with a balance to pay the provider's payment form and the confirmation,
 * each with every file it imports, so "Pay" never waits on a round trip. Built for real (the
 * project's vite.config.ts, into a temporary folder): every link names a file the app serves.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import type { Config } from '../../server/config.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import {
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
} from '../support/fixtures.ts';
import { testConfig, UNLIMITED } from '../support/harness.ts';
import { staffClient } from '../support/staff-client.ts';

const dir = mkdtempSync(join(tmpdir(), 'pay-portal-preloads-'));
const db = openDatabase(':memory:');

async function portalWith(provider: Config['paymentProvider']) {
  const app = createApp({
    db,
    config: testConfig({ ...UNLIMITED, paymentProvider: provider }),
    logger: createLogger('silent'),
    widgetDir: dir,
  });
  const { business, apiKey } = await createBusiness(db, { name: 'Acme Pools', currency: 'usd' });
  const staff = staffClient({ id: business.id, apiKey }, async (path, init) =>
    app.request(path, init),
  );
  const billed = await createCustomer(staff, { name: 'Dana Diaz' });
  const invoice = await createInvoice(staff, billed.id, 12_500);
  const settled = await createCustomer(staff, { name: 'Sam Lee' });
  const asked = await createCustomer(staff, { name: 'Kim Park' });
  const estimate = await createEstimate(staff, asked.id);
  return {
    app,
    owing: (await createPaymentLink(staff, { customer: billed.id })).token,
    settled: (await createPaymentLink(staff, { customer: settled.id })).token,
    invoice: (await createPaymentLink(staff, { invoice: invoice.id })).token,
    estimate: (await createPaymentLink(staff, { estimate: estimate.id })).token,
  };
}

async function preloadsOf(app: ReturnType<typeof createApp>, token: string) {
  const html = await (await app.request(`/p/${token}`)).text();
  return [...html.matchAll(/<link rel="modulepreload" href="\/widget\/([^"]+)">/g)].map(
    (m) => m[1]!,
  );
}

const named = (files: string[], part: string) =>
  files.filter((file) => new RegExp(`^${part}\\.[\\w-]{8}\\.mjs$`).test(file));

describe('modulepreload on the hosted page', () => {
  beforeAll(async () => {
    // A separate process: under vitest NODE_ENV is "test", which would bundle Lit's dev build.
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', dir, '--logLevel', 'error'],
      { env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' },
    );
    await migrateToLatest(db);
  }, 120_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.destroy();
  });

  it('preloads the account view, the payment form and the confirmation, all served', async () => {
    const { app, owing } = await portalWith('sandbox');
    const files = await preloadsOf(app, owing);
    for (const part of ['account-view', 'sandbox-form', 'payment-flow', 'confirmation-view']) {
      expect(named(files, part)).toHaveLength(1);
    }
    expect(named(files, 'stripe-form')).toEqual([]);
    expect(new Set(files).size).toBe(files.length);
    for (const file of files) {
      const response = await app.request(`/widget/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      // Whatever a preloaded file imports beside it is preloaded too: no round trip after it.
      const text = await response.text();
      for (const [, imported] of text.matchAll(/\bfrom\s*"\.\/([\w.-]+\.mjs)"/g)) {
        expect(files).toContain(imported);
      }
    }
    // The module entry's own import names each preloaded view by the same file, and the
    // account's view (a module, whichever entry loaded it) names the form so.
    const entry = await (await app.request('/widget/pay-portal.mjs')).text();
    for (const part of ['account-view', 'confirmation-view']) {
      expect(entry).toContain(`import(\`./${named(files, part)[0]}\`)`);
    }
    const view = await (await app.request(`/widget/${named(files, 'account-view')[0]}`)).text();
    expect(view).toContain(`import(\`./${named(files, 'sandbox-form')[0]}\`)`);
  });

  it("preloads the provider's own form: Stripe's on a Stripe portal", async () => {
    const { app, owing } = await portalWith('stripe');
    const files = await preloadsOf(app, owing);
    expect(named(files, 'stripe-form')).toHaveLength(1);
    expect(named(files, 'sandbox-form')).toEqual([]);
  });

  it('preloads no payment form where there is nothing to pay', async () => {
    const { app, settled } = await portalWith('sandbox');
    const files = await preloadsOf(app, settled);
    expect(named(files, 'account-view')).toHaveLength(1);
    expect(named(files, 'sandbox-form')).toEqual([]);
    expect(named(files, 'confirmation-view')).toEqual([]);
  });

  it('preloads the view heading an estimate or invoice link, which the element awaits', async () => {
    const { app, owing, estimate, invoice } = await portalWith('sandbox');
    const onEstimate = await preloadsOf(app, estimate);
    // The estimate view with what it imports beside it; signature_pad only when drawing.
    for (const part of ['account-view', 'estimate-view', 'question-form']) {
      expect(named(onEstimate, part)).toHaveLength(1);
    }
    expect(named(onEstimate, 'signature_pad')).toEqual([]);
    expect(named(onEstimate, 'invoice-view')).toEqual([]);
    const onInvoice = await preloadsOf(app, invoice);
    expect(named(onInvoice, 'invoice-view')).toHaveLength(1);
    expect(named(onInvoice, 'estimate-view')).toEqual([]);
    // A customer link draws the account first: its estimates and invoices come later.
    const onAccount = await preloadsOf(app, owing);
    expect(named(onAccount, 'estimate-view')).toEqual([]);
    expect(named(onAccount, 'invoice-view')).toEqual([]);
  });
});
