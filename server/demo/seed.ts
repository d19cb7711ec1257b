/**
 * The demo business that `npm start` creates on an empty database: one customer in each balance
 * state and a link for each, an invoice of several lines with a discount and notes, and an estimate with a
 * deposit, so every view a customer can be sent is one click from the banner. It is made
 * through the staff API, the way an integrator would.
 */
import type { App } from '../app.ts';
import { createBusiness } from '../businesses/businesses.ts';
import type { Db } from '../db/database.ts';

export interface DemoBusiness {
  business_id: string;
  api_key: string;
  links: { label: string; url: string }[];
}

/** The day `days` from now (UTC), as the API writes dates. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedDemo(db: Db, app: App): Promise<DemoBusiness> {
  const { business, apiKey } = await createBusiness(db, {
    name: 'Blue Lagoon Pools',
    currency: 'usd',
    locale: 'en-US',
  });
  const call = async (path: string, body: unknown, method = 'POST') => {
    const response = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { id: string; url: string };
    if (!response.ok) throw new Error(`demo seed: ${path} answered ${JSON.stringify(json)}`);
    return json;
  };

  await call(
    '/v1/settings',
    {
      branding: {
        brand_color: '#0e7490',
        address: '1200 Harbor Blvd, Tampa, FL 33602',
        phone: '+1 (813) 555-0142',
        email: 'billing@bluelagoon.example',
      },
      partial_payments: { enabled: true, minimum: 500 },
      convenience_fees: { card: { percent_bps: 300, fixed: 0 } },
      notification_email: 'owner@bluelagoon.example',
    },
    'PATCH',
  );

  const links: DemoBusiness['links'] = [];
  const customer = (name: string, email: string) =>
    call('/v1/customers', { name, email, phone: '+1 813 555 0100' });
  const link = async (label: string, body: Record<string, string>) => {
    const made = await call('/v1/payment_links', body);
    links.push({ label, url: made.url });
  };

  const outstanding = await customer('Dana Diaz', 'dana@example.com');
  for (const month of ['09', '10', '11']) {
    await call(`/v1/customers/${outstanding.id}/charges`, {
      amount: 8_500,
      tax: 0,
      description: 'Weekly pool service',
      date: `2026-${month}-01`,
    });
  }
  const invoice = await call('/v1/invoices', {
    customer: outstanding.id,
    lines: [
      { description: 'Pump motor replacement', quantity: 1, unit_amount: 42_000, tax_rate: 700 },
      { description: 'Pump seal kit', quantity: 2, unit_amount: 2_450, tax_rate: 700 },
      { description: 'Filter cartridge', quantity: 1, unit_amount: 6_900, tax_rate: 700 },
      { description: 'Labor (hours)', quantity: 2, unit_amount: 9_500, tax_rate: 0 },
    ],
    // A discount (issue 11), so the invoice view's "Discount" line can be tried from the links.
    discount: { type: 'amount', amount: 2_500, description: 'Returning customer' },
    due_date: '2026-12-15',
    notes:
      'The old motor was seized; the new one carries a 2-year warranty. ' +
      'Thank you for choosing Blue Lagoon Pools.',
  });
  await call('/v1/invoices', {
    customer: outstanding.id,
    lines: [{ description: 'Chemical balancing', quantity: 1, unit_amount: 6_500, tax_rate: 700 }],
    due_date: '2026-12-01',
  });
  await link('Outstanding balance (customer link)', { customer: outstanding.id });
  await link('One invoice (invoice link)', { invoice: invoice.id });

  // An estimate with a deposit: approving it asks for a signature, then the deposit.
  const estimate = await call('/v1/estimates', {
    customer: outstanding.id,
    lines: [
      {
        description: 'Pool resurfacing (plaster)',
        quantity: 1,
        unit_amount: 480_000,
        tax_rate: 700,
      },
      { description: 'Waterline tiles', quantity: 12, unit_amount: 1_850, tax_rate: 700 },
    ],
    valid_until: daysFromNow(30),
    deposit_percent: 25,
    terms:
      'Work is scheduled within two weeks of approval. The deposit is applied to the final invoice.',
  });
  await link('Estimate with deposit (estimate link)', { estimate: estimate.id });

  const settled = await customer('Sam Lee', 'sam@example.com');
  await call(`/v1/customers/${settled.id}/charges`, {
    amount: 8_500,
    tax: 0,
    description: 'Weekly pool service',
  });
  await call(`/v1/customers/${settled.id}/credits`, {
    amount: 8_500,
    description: 'Paid by check',
  });
  await link('Zero balance', { customer: settled.id });

  const credit = await customer('Priya Patel', 'priya@example.com');
  await call(`/v1/customers/${credit.id}/credits`, {
    amount: 1_250,
    description: 'Refund for a missed visit',
  });
  await link('Account credit', { customer: credit.id });

  return { business_id: business.id, api_key: apiKey, links };
}
