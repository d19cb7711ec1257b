/**
 * The customers `npm run bench` reads (issue 13), made through the staff API over `app.request`
 * as a business's staff would make them, in a store migrated like production: one with one open
 * invoice (the usual phone visit), one with 200 open invoices, and one with one open invoice and
 * 100,000 ledger entries of history (appended straight into the ledger: through the API it would
 * take the benchmark's whole budget).
 */
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import { loadConfig } from '../../server/config.ts';
import type { Db } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { appendEntries, type NewLedgerEntry } from '../../server/ledger/entries.ts';
import { createCustomer, createInvoice, createPaymentLink } from '../support/fixtures.ts';
import { staffClient } from '../support/staff-client.ts';

export const APP_SECRET = 'bench-secret-of-the-benchmark';

export interface BenchCustomers {
  /** Tokens of customer links. */
  one: string;
  many: string;
  history: string;
}

const HISTORY_BATCH = 1_000;

/** A plausible account history of settled charges: no invoice, so no invoice's sum changes. */
function entryAt(index: number): NewLedgerEntry {
  return index % 2 === 0
    ? { kind: 'charge', amount: 4_500, description: `Visit ${index}` }
    : { kind: 'payment', amount: -4_500, description: `Payment ${index}` };
}

export async function makeCustomers(
  db: Db,
  { invoices = 200, entries = 100_000 } = {},
): Promise<BenchCustomers> {
  const config = loadConfig({
    DATABASE_URL: ':memory:',
    APP_SECRET,
    PUBLIC_URL: 'http://127.0.0.1',
    LOG_LEVEL: 'silent',
    DEMO: 'false',
  });
  const app = createApp({ db, config, logger: createLogger('silent') });
  const { business, apiKey } = await createBusiness(db, {
    name: 'Blue Lagoon Pools',
    currency: 'usd',
  });
  const staff = staffClient({ id: business.id, apiKey }, async (path, init) =>
    app.request(path, init),
  );
  const customer = async (name: string, invoiceCount: number) => {
    const made = await createCustomer(staff, { name, email: `${name.toLowerCase()}@example.com` });
    for (let i = 0; i < invoiceCount; i += 1) {
      await createInvoice(staff, made.id, { unit_amount: 12_000 + i, description: `Visit ${i}` });
    }
    return made.id;
  };
  const one = await customer('Dana', 1);
  const many = await customer('Morgan', invoices);
  const history = await customer('Riley', 0);
  const owner = { business_id: business.id, customer_id: history };
  for (let start = 0; start < entries; start += HISTORY_BATCH) {
    const batch = Array.from({ length: Math.min(HISTORY_BATCH, entries - start) }, (_, i) =>
      entryAt(start + i),
    );
    await db.transaction().execute((trx) => appendEntries(trx, owner, batch));
  }
  await createInvoice(staff, history, { unit_amount: 12_000, description: 'Visit' });
  const token = async (id: string) => (await createPaymentLink(staff, { customer: id })).token;
  return { one: await token(one), many: await token(many), history: await token(history) };
}
