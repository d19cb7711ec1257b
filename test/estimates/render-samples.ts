/**
 * Renders a sample invoice (partly paid, with its pay link and QR code) and a signed estimate
 * through the real app, writes the PDFs to the folder given (default ./data/samples) and, when
 * `pdftoppm` is installed (else pdf.js in Chromium), their first pages as PNG: the pictures in
 * docs/screenshots. Also the account statement and the 80 mm thermal receipt.
 *
 *   npx tsx test/estimates/render-samples.ts [folder]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfToPng } from '../../scripts/pdf-to-png.ts';
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import {
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
  DANA,
  daysFromToday,
  made,
  RESURFACING,
  TILES,
  tokenOf,
} from '../support/fixtures.ts';
import { testConfig } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { staffClient } from '../support/staff-client.ts';
import { dataUrl, signaturePng } from './signatures.ts';

const out = process.argv[2] ?? './data/samples';
mkdirSync(out, { recursive: true });
const db = openDatabase(':memory:');
await migrateToLatest(db);
const config = testConfig();
const app = createApp({ db, config, logger: createLogger('silent') });
const { business, apiKey } = await createBusiness(db, {
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
const server = { request: async (path: string, init?: RequestInit) => app.request(path, init) };
const staff = staffClient({ id: business.id, apiKey }, server.request);

async function pdf(path: string) {
  const response = await server.request(path, { headers: { authorization: `Bearer ${apiKey}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

const dana = await createCustomer(staff, {
  ...DANA,
  address: {
    line1: '48 Palmetto Drive',
    city: 'Tampa',
    state: 'FL',
    postal_code: '33606',
    country: 'US',
  },
});
const invoice = await createInvoice(staff, dana.id, {
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
  discount: { type: 'percent', rate: 500, description: 'Returning customer' },
  due_date: daysFromToday(14),
  notes: 'Thank you for your business. Payments by card carry a 3% convenience fee.',
});
const invoiceLink = await createPaymentLink(staff, { invoice: invoice.id });
made(
  'the customer paying part of the invoice',
  await openPortal(server, invoiceLink).pay({
    invoices: [{ id: invoice.id, amount: 10_000 }],
    balance_amount: 0,
    method: 'card',
    save_payment_method: false,
  }),
);
writeFileSync(join(out, 'invoice.pdf'), await pdf(`/v1/invoices/${invoice.id}/pdf`));

const estimate = await createEstimate(staff, dana.id, {
  lines: [
    RESURFACING,
    TILES,
    { description: 'Drain, acid wash and refill', quantity: 1, unit_amount: 65_000, tax_rate: 825 },
  ],
  deposit_percent: 25,
  terms:
    'Work starts within two weeks of approval, weather permitting. The deposit secures your date; the balance is invoiced on completion. Warranty: 5 years on plaster.',
});
const estimateLink = await createPaymentLink(staff, { estimate: estimate.id });
const drawn = process.argv.includes('--drawn');
made(
  'the customer approving the estimate',
  await openPortal(server, estimateLink).approve(
    estimate.id,
    drawn
      ? { type: 'drawn', image_png: dataUrl(signaturePng()), name: 'Dana Diaz' }
      : { type: 'typed', name: 'Dana Díaz' },
  ),
);
writeFileSync(join(out, 'estimate.pdf'), await pdf(`/v1/estimates/${estimate.id}/pdf`));

// The account statement of the last 90 days (issue 11), after a credit and a charge of their own.
made(
  'a credit',
  await staff.post(`/v1/customers/${dana.id}/credits`, {
    amount: 2_500,
    description: 'Referral credit',
  }),
);
made(
  'a charge',
  await staff.post(`/v1/customers/${dana.id}/charges`, {
    amount: 4_500,
    description: 'Green-to-clean treatment',
  }),
);
writeFileSync(join(out, 'statement.pdf'), await pdf(`/v1/customers/${dana.id}/statement.pdf`));

// The 80 mm thermal receipt of the invoice's payment (settings receipt_layout "thermal").
made('thermal receipts', await staff.patch('/v1/settings', { receipt_layout: 'thermal' }));
const paid = made('payments', await staff.get('/v1/payments')).data[0];
writeFileSync(
  join(out, 'receipt-thermal.pdf'),
  Buffer.from(
    await (
      await server.request(`/v1/portal/${tokenOf(invoiceLink.url)}/payments/${paid.id}/receipt.pdf`)
    ).arrayBuffer(),
  ),
);

for (const name of ['invoice', 'estimate', 'statement', 'receipt-thermal']) {
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
    // No pdftoppm: pdf.js in the machine's Chromium draws the first page instead.
    await pdfToPng(readFileSync(join(out, `${name}.pdf`)), join(out, `${name}.png`), 1.5);
  }
}
console.log(`written to ${out}`);
await db.destroy();
