/**
 * Renders a sample invoice (partly paid, with its pay link and QR code) and a signed estimate
 * through the real app, writes the PDFs to the folder given (default ./data/samples) and, when
 * `pdftoppm` is installed, their first pages as PNG: the pictures in docs/screenshots.
 *
 *   npx tsx test/estimates/render-samples.ts [folder]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { VISA } from '../payments/support.ts';
import { testConfig } from '../support/harness.ts';
import { daysFromToday, RESURFACING, signaturePng, TILES } from './support.ts';

const out = process.argv[2] ?? './data/samples';
mkdirSync(out, { recursive: true });
const db = openDatabase(':memory:');
await migrateToLatest(db);
const config = testConfig();
const app = createApp({ db, config, logger: createLogger('silent') });
const { apiKey } = await createBusiness(db, {
  name: 'Blue Lagoon Pools',
  currency: 'usd',
  locale: 'en-US',
  settings: {
    branding: {
      logo_url: null,
      brand_color: '#0f766e',
      address: '12 Harbor Way, Tampa, FL 33602',
      phone: '+1 813 555 0142',
      email: 'billing@bluelagoon.example',
    },
    partial_payments: { enabled: true, minimum: 100 },
  },
});

async function call(method: string, path: string, body?: unknown, token = true) {
  const response = await app.request(path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${apiKey}` } : {}),
      'content-type': 'application/json',
      'idempotency-key': `sample-${Math.random()}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.headers.get('content-type') === 'application/pdf') {
    return Buffer.from(await response.arrayBuffer());
  }
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

const dana = await call('POST', '/v1/customers', {
  name: 'Dana Diaz',
  email: 'dana@example.com',
  address: {
    line1: '48 Palmetto Drive',
    city: 'Tampa',
    state: 'FL',
    postal_code: '33606',
    country: 'US',
  },
});
const invoice = await call('POST', '/v1/invoices', {
  customer: dana.id,
  lines: [
    {
      description: 'Weekly pool cleaning (November)',
      quantity: 4,
      unit_amount: 7_500,
      tax_rate: 825,
    },
    {
      description: 'Filter cartridge replacement',
      quantity: 1,
      unit_amount: 12_900,
      tax_rate: 825,
    },
    { description: 'Chlorine and pH balance', quantity: 1, unit_amount: 2_400 },
  ],
  due_date: daysFromToday(14),
  notes: 'Thank you for your business. Payments by card carry a 3% convenience fee.',
});
const link = await call('POST', '/v1/payment_links', { invoice: invoice.id });
const token = link.url.split('/p/')[1];
const created = await call(
  'POST',
  `/v1/portal/${token}/payments`,
  {
    invoices: [{ id: invoice.id, amount: 10_000 }],
    balance_amount: 0,
    method: 'card',
    save_payment_method: false,
  },
  false,
);
await call('POST', `/v1/portal/${token}/payments/${created.id}/confirm`, { sandbox: VISA }, false);
writeFileSync(join(out, 'invoice.pdf'), await call('GET', `/v1/invoices/${invoice.id}/pdf`));

const estimate = await call('POST', '/v1/estimates', {
  customer: dana.id,
  lines: [
    RESURFACING,
    TILES,
    { description: 'Drain, acid wash and refill', quantity: 1, unit_amount: 65_000, tax_rate: 825 },
  ],
  valid_until: daysFromToday(30),
  deposit_percent: 25,
  terms:
    'Work starts within two weeks of approval, weather permitting. The deposit secures your date; the balance is invoiced on completion. Warranty: 5 years on plaster.',
});
const estimateLink = await call('POST', '/v1/payment_links', { estimate: estimate.id });
const estimateToken = estimateLink.url.split('/p/')[1];
const drawn = process.argv.includes('--drawn');
await call(
  'POST',
  `/v1/portal/${estimateToken}/estimates/${estimate.id}/approve`,
  {
    signature: drawn
      ? {
          type: 'drawn',
          image_png: `data:image/png;base64,${signaturePng().toString('base64')}`,
          name: 'Dana Diaz',
        }
      : { type: 'typed', name: 'Dana Díaz' },
  },
  false,
);
writeFileSync(join(out, 'estimate.pdf'), await call('GET', `/v1/estimates/${estimate.id}/pdf`));

for (const name of ['invoice', 'estimate']) {
  try {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      join(out, `${name}.pdf`),
      join(out, name),
    ]);
  } catch {
    console.log('pdftoppm is not installed: PDFs only');
  }
}
console.log(`written to ${out}`);
await db.destroy();
