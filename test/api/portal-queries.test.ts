/**
 * What a customer's phone costs the database (issue 13): the portal read, a quote and the hosted
 * page each run at most 4 queries, the rate limit's bookkeeping included, counted by Kysely's log
 * hook on the real database. Estimates and saved cards are read only when the customer has some,
 * and then they are shown.
 */
import type { LogEvent } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import { type Db, isPostgres } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { FIRST_INVOICES } from '../../server/invoices/open-page.ts';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
} from '../support/fixtures.ts';
import { testConfig, UNLIMITED } from '../support/harness.ts';
import { type StaffClient, staffClient } from '../support/staff-client.ts';

describe.each(testStores)('queries a customer costs on $name', (store) => {
  const sqls: string[] = [];
  let db: Db;
  let close: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let staff: StaffClient;

  beforeAll(async () => {
    const opened = await store.open({
      log: (event: LogEvent) => {
        if (event.level === 'query') sqls.push(event.query.sql);
      },
    });
    ({ db, close } = opened);
    app = createApp({ db, config: testConfig(UNLIMITED), logger: createLogger('silent') });
    const { business, apiKey } = await createBusiness(db, { name: 'Acme Pools', currency: 'usd' });
    staff = staffClient({ id: business.id, apiKey }, async (path, init) =>
      app.request(path, init, { incoming: { socket: { remoteAddress: '203.0.113.9' } } }),
    );
  });
  afterAll(() => close());

  /** The statements one request ran, and its answer. */
  async function counted(path: string, init?: RequestInit) {
    sqls.length = 0;
    const response = await app.request(path, init, {
      incoming: { socket: { remoteAddress: '203.0.113.7' } },
    });
    const text = await response.text();
    return { status: response.status, text, sqls: [...sqls] };
  }

  async function customerWithInvoice(name: string) {
    const customer = await createCustomer(staff, { name });
    const invoice = await createInvoice(staff, customer.id, 12_000);
    const link = await createPaymentLink(staff, { customer: customer.id });
    return { customer, invoice, token: link.token };
  }

  it('reads the portal of a customer with an open invoice in at most 4 queries', async () => {
    const { token, invoice } = await customerWithInvoice('Dana Diaz');
    const read = await counted(`/v1/portal/${token}`);
    expect(read.status).toBe(200);
    expect(JSON.parse(read.text)).toMatchObject({
      balance: { amount: 12_000 },
      invoices: [{ id: invoice.id, amount_due: 12_000 }],
      estimates: [],
      saved_payment_methods: [],
    });
    expect(read.sqls.length, read.sqls.join('\n')).toBeLessThanOrEqual(4);
  });

  it('reads a customer with more open invoices than the first page shows in no more on SQLite', async () => {
    const one = await counted(`/v1/portal/${(await customerWithInvoice('Ona One')).token}`);
    const customer = await createCustomer(staff, { name: 'Manny Many' });
    for (let n = 0; n < FIRST_INVOICES + 2; n += 1) await createInvoice(staff, customer.id, 1_000);
    const { token } = await createPaymentLink(staff, { customer: customer.id });
    const many = await counted(`/v1/portal/${token}`);
    expect(JSON.parse(many.text).invoices_summary).toEqual({
      count: FIRST_INVOICES + 2,
      amount_due: (FIRST_INVOICES + 2) * 1_000,
      has_more: true,
    });
    // SQLite keeps the open invoices' count and sum (open_invoice_totals) and reads them with
    // the link; PostgreSQL counts them in one more statement.
    expect(many.sqls.length - one.sqls.length, many.sqls.join('\n')).toBe(isPostgres(db) ? 1 : 0);
  });

  it('quotes in at most 4 queries', async () => {
    const { token, invoice } = await customerWithInvoice('Quinn Quote');
    const quote = await counted(`/v1/portal/${token}/quote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        invoices: [{ id: invoice.id, amount: 12_000 }],
        balance_amount: 0,
        tip: { percent: 20 },
        method: 'card',
      }),
    });
    expect(quote.status).toBe(200);
    expect(JSON.parse(quote.text)).toMatchObject({ subtotal: 12_000, tip: 2_400 });
    expect(quote.sqls.length, quote.sqls.join('\n')).toBeLessThanOrEqual(4);
  });

  it('serves the hosted page in at most 4 queries', async () => {
    const { token } = await customerWithInvoice('Pat Page');
    const page = await counted(`/p/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<pay-portal token=');
    expect(page.sqls.length, page.sqls.join('\n')).toBeLessThanOrEqual(4);
  });

  it('reads estimates only for a customer who has some, and then shows them', async () => {
    const plain = await customerWithInvoice('Nia None');
    const without = await counted(`/v1/portal/${plain.token}`);
    expect(without.sqls.some((text) => /from "?estimates"? where/i.test(text))).toBe(false);

    const { customer, token } = await customerWithInvoice('Eli Estimate');
    const estimate = await createEstimate(staff, customer.id);
    const withEstimate = await counted(`/v1/portal/${token}`);
    expect(JSON.parse(withEstimate.text).estimates).toMatchObject([{ id: estimate.id }]);
  });
});
