/** What a portal link shows: balances, the whole answer, a paid invoice, views, recent charges. */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  chargeCustomer,
  createCustomer,
  createEstimate,
  createPaymentLink,
  creditCustomer,
  linkEvents,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { linkCalls, openPortal } from '../support/portal-client.ts';
import { blueLagoon, taxedInvoice } from '../support/scenarios.ts';

describe.each(testStores)('portal API on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const { get, quote } = linkCalls(h);

  it('shows zero, credit and outstanding balances on customer links', async () => {
    const staff = await blueLagoon(h);
    const settled = await createCustomer(staff, { name: 'Zoe Zero' });
    const credited = await createCustomer(staff, { name: 'Cal Credit' });
    await creditCustomer(staff, credited.id, 1_250, 'Refund');
    const owing = await createCustomer(staff, { name: 'Owen Owing' });
    await chargeCustomer(staff, owing.id, { amount: 10_000, tax: 825 });

    const zero = await get(await createPaymentLink(staff, { customer: settled.id }));
    expect(zero.body).toMatchObject({ balance: { amount: 0, state: 'zero' }, balance_due: 0 });
    const credit = await get(await createPaymentLink(staff, { customer: credited.id }));
    expect(credit.body).toMatchObject({ balance: { amount: -1_250, state: 'credit' } });
    expect(credit.body.balance_due).toBe(0);
    const outstanding = await get(await createPaymentLink(staff, { customer: owing.id }));
    expect(outstanding.body).toMatchObject({
      customer: { name: 'Owen Owing', phone: null, locale: null },
      balance: { amount: 10_825, state: 'outstanding' },
      balance_due: 10_825,
      invoices: [],
    });
  });

  it('answers the whole contract shape for a customer link', async () => {
    const staff = await blueLagoon(h);
    const customer = await createCustomer(staff);
    const invoice = await taxedInvoice(staff, customer.id);
    await chargeCustomer(staff, customer.id, { amount: 2_000, description: 'Chlorine' });
    const estimate = await createEstimate(staff, customer.id, {
      lines: [{ description: 'New pump', quantity: 1, unit_amount: 50_000, tax_rate: 825 }],
      valid_until: '2099-12-31',
      deposit_percent: 25,
      terms: 'Half up front',
    });
    const { token } = await createPaymentLink(staff, { customer: customer.id });

    const portal = await get(token);
    expect(portal.status).toBe(200);
    expect(portal.headers.get('cache-control')).toBe('no-store');
    expect(portal.headers.get('referrer-policy')).toBe('no-referrer');
    expect(portal.body).toEqual({
      object: 'portal',
      link: { kind: 'customer', expires: null },
      business: {
        name: 'Blue Lagoon Pools',
        logo_url: null,
        brand_color: '#0e7490',
        address: '1 Lagoon Way, Austin TX',
        phone: '+1 555 010 1000',
        email: 'billing@bluelagoon.example',
      },
      customer: { name: 'Dana Diaz', phone: null, locale: null },
      currency: 'usd',
      locale: 'en-US',
      time_zone: 'UTC',
      balance: { amount: 12_825, state: 'outstanding' },
      balance_due: 2_000,
      invoices: [
        {
          id: invoice.id,
          number: invoice.number,
          date: invoice.created.slice(0, 10),
          due_date: '2099-01-31',
          status: 'open',
          total: 10_825,
          amount_due: 10_825,
          days_overdue: 0,
          pdf_url: `/v1/portal/${token}/invoices/${invoice.id}.pdf`,
        },
      ],
      invoices_summary: { count: 1, amount_due: 10_825, has_more: false },
      estimates: [
        {
          id: estimate.id,
          number: estimate.number,
          date: estimate.created.slice(0, 10),
          valid_until: '2099-12-31',
          status: 'pending',
          expired: false,
          subtotal: 50_000,
          tax: 4_125,
          total: 54_125,
          deposit_amount: 13_531,
          deposit_due: 13_531,
          terms: 'Half up front',
          decision: null,
          pdf_url: `/v1/portal/${token}/estimates/${estimate.id}.pdf`,
          lines: [
            {
              description: 'New pump',
              quantity: 1,
              unit_amount: 50_000,
              tax_rate: 825,
              amount: 50_000,
              tax: 4_125,
            },
          ],
        },
      ],
      tip_options: { enabled: true, percentages: [18, 20, 25], custom: true },
      partial_payments: { enabled: false, minimum: 100 },
      payment_methods: [
        { type: 'card', fee: { percent_bps: 300, fixed: 30 }, provider: 'sandbox' },
        { type: 'us_bank_account', fee: null, provider: 'sandbox' },
      ],
      provider: { name: 'sandbox', test_mode: true },
      providers: [{ name: 'sandbox', test_mode: true }],
      saved_payment_methods: [],
    });

    const charges = await get(token, '/charges');
    expect(charges.body).toEqual({
      object: 'list',
      data: [
        {
          id: expect.stringMatching(/^chg_/),
          amount: 2_000,
          tax: 0,
          description: 'Chlorine',
          date: expect.any(String),
        },
        {
          id: expect.stringMatching(/^chg_/),
          amount: 10_000,
          tax: 825,
          description: 'Pool cleaning',
          date: expect.any(String),
        },
      ],
      has_more: false,
    });
  });

  it('documents the portal read, its token and its answer, in /openapi.json', async () => {
    // Served without the validator `.openapi()` adds (server/routes/portal/portal.ts), so its
    // documentation is registered by hand.
    const doc = await (await h.request('/openapi.json')).json();
    const read = doc.paths['/v1/portal/{token}']?.get;
    expect(read.parameters).toEqual([
      expect.objectContaining({ name: 'token', in: 'path', required: true }),
    ]);
    expect(read.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Portal',
    });
    expect(Object.keys(read.responses)).toEqual(['200', '404', '429']);
  });

  it('keeps a paid invoice viewable on its link, owing nothing', async () => {
    const staff = await blueLagoon(h);
    const customer = await createCustomer(staff);
    const invoice = await taxedInvoice(staff, customer.id);
    const { token } = await createPaymentLink(staff, { invoice: invoice.id });
    const paid = await openPortal(h, token).pay({
      invoices: [{ id: invoice.id, amount: 10_825 }],
      method: 'card',
    });
    expect(paid.body.status).toBe('succeeded');
    const portal = await get(token);
    expect(portal.status).toBe(200);
    expect(portal.body.balance).toEqual({ amount: 0, state: 'zero' });
    expect(portal.body.invoices).toMatchObject([{ id: invoice.id, status: 'paid', amount_due: 0 }]);
    const again = await quote(token, { invoices: [{ id: invoice.id, amount: 10_825 }] });
    expect(again.body.error.code).toBe('unknown_invoice');
  });

  it('records a view only on POST /views, never on GET', async () => {
    const staff = await blueLagoon(h);
    const customer = await createCustomer(staff);
    const invoice = await taxedInvoice(staff, customer.id);
    const link = await createPaymentLink(staff, { invoice: invoice.id });
    const { token } = link;
    const types = () => linkEvents(staff, link.id);

    await get(token);
    await get(token, '/charges');
    await quote(token, { invoices: [{ id: invoice.id, amount: 10_825 }] });
    expect(await types()).toEqual(['created']);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('open');

    const viewed = await h.request(`/v1/portal/${token}/views`, { method: 'POST' });
    expect(viewed.status).toBe(204);
    expect(await viewed.text()).toBe('');
    expect(await types()).toEqual(['created', 'viewed']);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('viewed');
    expect((await get(token)).body.invoices[0].status).toBe('viewed');
  });

  it('pages recent charges, newest first, 20 by default', async () => {
    const staff = await blueLagoon(h);
    const customer = await createCustomer(staff);
    for (let day = 1; day <= 22; day += 1) {
      await chargeCustomer(staff, customer.id, {
        amount: 100 * day,
        tax: day,
        description: `Visit ${day}`,
        date: `2026-10-${String(day).padStart(2, '0')}`,
      });
    }
    const { token } = await createPaymentLink(staff, { customer: customer.id });
    const page = await get(token, '/charges');
    expect(page.body.data).toHaveLength(20);
    expect(page.body.has_more).toBe(true);
    expect(page.body.data[0]).toMatchObject({
      amount: 2_200,
      tax: 22,
      description: 'Visit 22',
      date: '2026-10-22',
    });
    const five = await get(token, '/charges?limit=5');
    expect(five.body.data.map((charge: { description: string }) => charge.description)).toEqual([
      'Visit 22',
      'Visit 21',
      'Visit 20',
      'Visit 19',
      'Visit 18',
    ]);
    expect((await get(token, '/charges?limit=100')).body).toMatchObject({ has_more: false });
    for (const limit of ['0', '101', 'ten']) {
      const bad = await get(token, `/charges?limit=${limit}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.param).toBe('limit');
    }
  });
});
