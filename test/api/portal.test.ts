import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  chargeCustomer,
  createBusiness,
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
  creditCustomer,
  linkEvents,
} from '../support/fixtures.ts';
import { type Harness, type StaffClient, UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { deadLinks } from '../support/scenarios.ts';

const DEAD_LINK = {
  error: {
    type: 'invalid_request_error',
    code: 'link_invalid',
    message: 'This payment link is not valid. It may have expired or been replaced.',
    param: null,
  },
};

/** Blue Lagoon Pools: a 3 % + 30¢ card fee and its branding. */
function blueLagoon(h: Harness) {
  return createBusiness(h, {
    name: 'Blue Lagoon Pools',
    settings: {
      branding: {
        brand_color: '#0E7490',
        address: '1 Lagoon Way, Austin TX',
        phone: '+1 555 010 1000',
        email: 'billing@bluelagoon.example',
      },
      convenience_fees: { card: { percent_bps: 300, fixed: 30 } },
    },
  });
}

/** An open invoice of 100.00 + 8.25 % tax = 108.25. */
function taxedInvoice(staff: StaffClient, customer: string, unitAmount = 10_000) {
  return createInvoice(staff, customer, {
    unit_amount: unitAmount,
    tax_rate: 825,
    due_date: '2099-01-31',
  });
}

describe.each(testStores)('portal API on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  type Link = string | { token: string };
  const get = (link: Link, path = '') => openPortal(h, link).get(path);
  const post = (link: Link, path: string) => openPortal(h, link).post(path);
  const quote = (link: Link, body: unknown) => openPortal(h, link).quote(body);

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
      customer: { name: 'Owen Owing' },
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
      customer: { name: 'Dana Diaz' },
      currency: 'usd',
      locale: 'en-US',
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
          pdf_url: `/v1/portal/${token}/invoices/${invoice.id}.pdf`,
        },
      ],
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
        { type: 'card', fee: { percent_bps: 300, fixed: 30 } },
        { type: 'us_bank_account', fee: null },
      ],
      provider: { name: 'sandbox', test_mode: true },
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

  it('keeps an invoice link to its one invoice: view, charges and quote', async () => {
    const staff = await blueLagoon(h);
    const customer = await createCustomer(staff);
    const mine = await taxedInvoice(staff, customer.id, 10_000);
    const sibling = await taxedInvoice(staff, customer.id, 20_000);
    await chargeCustomer(staff, customer.id, { amount: 500, description: 'Salt' });
    const { token } = await createPaymentLink(staff, { invoice: mine.id });

    const portal = await get(token);
    expect(portal.body).toMatchObject({
      link: { kind: 'invoice' },
      balance: { amount: 10_825, state: 'outstanding' },
      balance_due: 0,
      estimates: [],
    });
    expect(portal.body.invoices.map((invoice: { id: string }) => invoice.id)).toEqual([mine.id]);

    const charges = await get(token, '/charges');
    expect(charges.body.data.map((charge: { amount: number }) => charge.amount)).toEqual([10_000]);

    const other = await quote(token, { invoices: [{ id: sibling.id, amount: 21_650 }] });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: 'unknown_invoice', param: 'invoices[0].id' });
    const balance = await quote(token, { invoices: [], balance_amount: 500 });
    expect(balance.status).toBe(422);
    expect(balance.body.error.param).toBe('balance_amount');
    const own = await quote(token, { invoices: [{ id: mine.id, amount: 10_825 }] });
    expect(own.body).toEqual({
      object: 'quote',
      subtotal: 10_825,
      tip: 0,
      fee: 0,
      total: 10_825,
      currency: 'usd',
    });
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

  it("never shows or quotes another customer's or business's invoices", async () => {
    const staff = await blueLagoon(h);
    const dana = await createCustomer(staff, { name: 'Dana' });
    const eli = await createCustomer(staff, { name: 'Eli' });
    const danas = await taxedInvoice(staff, dana.id);
    const elis = await taxedInvoice(staff, eli.id, 30_000);
    await chargeCustomer(staff, eli.id, { amount: 777, description: 'Eli only' });
    const rival = await blueLagoon(h);
    const rivals = await taxedInvoice(rival, (await createCustomer(rival, { name: 'Finn' })).id);
    const { token: danaToken } = await createPaymentLink(staff, { customer: dana.id });
    const { token: danaInvoiceToken } = await createPaymentLink(staff, { invoice: danas.id });

    for (const token of [danaToken, danaInvoiceToken]) {
      const portal = await get(token);
      expect(portal.body.invoices.map((invoice: { id: string }) => invoice.id)).toEqual([danas.id]);
      expect(portal.body.balance.amount).toBe(10_825);
      const charges = await get(token, '/charges');
      expect(charges.body.data.map((charge: { id: string }) => charge.id)).toHaveLength(1);
      expect(JSON.stringify(charges.body)).not.toContain('Eli only');

      const unknown = await quote(token, { invoices: [{ id: 'inv_doesnotexist', amount: 100 }] });
      expect(unknown.status).toBe(422);
      for (const foreign of [elis.id, rivals.id]) {
        const attempt = await quote(token, { invoices: [{ id: foreign, amount: 100 }] });
        expect(attempt.status).toBe(422);
        expect(attempt.body).toEqual(unknown.body);
        expect(attempt.body.error).toMatchObject({
          code: 'unknown_invoice',
          param: 'invoices[0].id',
        });
      }
      expect((await post(token, '/views')).status).toBe(204);
    }
    // Dana's views moved only Dana's invoice.
    expect((await staff.get(`/v1/invoices/${elis.id}`)).body.status).toBe('open');
    expect((await rival.get(`/v1/invoices/${rivals.id}`)).body.status).toBe('open');
    expect((await staff.get(`/v1/invoices/${danas.id}`)).body.status).toBe('viewed');
  });

  it('quotes tips and the card fee with the shared arithmetic', async () => {
    const staff = await blueLagoon(h);
    const customer = await createCustomer(staff);
    const invoice = await taxedInvoice(staff, customer.id);
    await chargeCustomer(staff, customer.id, { amount: 2_000, description: 'Salt' });
    const { token } = await createPaymentLink(staff, { customer: customer.id });
    const invoices = [{ id: invoice.id, amount: 10_825 }];

    // 18 % of 108.25 is 19.485 → 19.49; 3 % of 127.74 is 3.8322 → 3.83, plus 0.30.
    const card = await quote(token, { invoices, tip: { percent: 18 }, method: 'card' });
    expect(card.status).toBe(200);
    expect(card.body).toEqual({
      object: 'quote',
      subtotal: 10_825,
      tip: 1_949,
      fee: 413,
      total: 13_187,
      currency: 'usd',
    });
    const bank = await quote(token, { invoices, tip: { amount: 500 }, method: 'us_bank_account' });
    expect(bank.body).toMatchObject({ subtotal: 10_825, tip: 500, fee: 0, total: 11_325 });
    const noTip = await quote(token, {
      invoices,
      balance_amount: 2_000,
      tip: null,
      method: 'card',
    });
    // 3 % of 128.25 is 3.8475 → 3.85, plus 0.30.
    expect(noTip.body).toMatchObject({ subtotal: 12_825, tip: 0, fee: 415, total: 13_240 });
    const balanceOnly = await quote(token, { invoices: [], balance_amount: 2_000 });
    expect(balanceOnly.body).toMatchObject({ subtotal: 2_000, fee: 0, total: 2_000 });
  });

  it('offers bank payments only in US dollars: a yen account lists and quotes cards alone', async () => {
    const staff = await h.business({ name: 'Sakura Gardens', currency: 'jpy' });
    const customer = await createCustomer(staff);
    const invoice = await taxedInvoice(staff, customer.id, 5_500);
    const { token } = await createPaymentLink(staff, { customer: customer.id });
    const view = await get(token);
    expect(view.body.payment_methods.map((m: { type: string }) => m.type)).toEqual(['card']);
    const due = view.body.invoices[0].amount_due;
    const refused = await quote(token, {
      invoices: [{ id: invoice.id, amount: due }],
      balance_amount: 0,
      method: 'us_bank_account',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'method_unavailable', param: 'method' });
    const byCard = await quote(token, {
      invoices: [{ id: invoice.id, amount: due }],
      balance_amount: 0,
      method: 'card',
    });
    expect(byCard.body).toMatchObject({ subtotal: due, total: due, currency: 'jpy' });
  });

  it('refuses quotes that do not fit what is open: 422 with param and code, 400 for bad shapes', async () => {
    const staff = await blueLagoon(h);
    const customer = await createCustomer(staff);
    const invoice = await taxedInvoice(staff, customer.id);
    const { token } = await createPaymentLink(staff, { customer: customer.id });
    const refused = async (body: unknown) => (await quote(token, body)).body.error;

    expect(await refused({ invoices: [{ id: invoice.id, amount: 10_826 }] })).toMatchObject({
      code: 'amount_too_large',
      param: 'invoices[0].amount',
    });
    expect(await refused({ invoices: [{ id: invoice.id, amount: 5_000 }] })).toMatchObject({
      code: 'partial_not_allowed',
      param: 'invoices[0].amount',
    });
    expect(
      await refused({
        invoices: [
          { id: invoice.id, amount: 10_825 },
          { id: invoice.id, amount: 10_825 },
        ],
      }),
    ).toMatchObject({ code: 'duplicate_invoice', param: 'invoices[1].id' });
    expect(await refused({ invoices: [] })).toMatchObject({
      code: 'nothing_to_pay',
      param: 'invoices',
    });
    expect(await refused({ invoices: [], balance_amount: 1 })).toMatchObject({
      code: 'amount_too_large',
      param: 'balance_amount',
    });
    expect(
      await refused({ invoices: [{ id: invoice.id, amount: 10_825 }], tip: { percent: 15 } }),
    ).toMatchObject({ code: 'tip_not_offered', param: 'tip.percent' });
    expect(
      await refused({ invoices: [{ id: invoice.id, amount: 10_825 }], tip: { amount: -5 } }),
    ).toMatchObject({ code: 'invalid_amount', param: 'tip.amount' });

    await staff.patch('/v1/settings', {
      partial_payments: { enabled: true, minimum: 1_000 },
      tips: { custom: false },
    });
    expect(await refused({ invoices: [{ id: invoice.id, amount: 999 }] })).toMatchObject({
      code: 'amount_too_small',
      param: 'invoices[0].amount',
    });
    expect((await quote(token, { invoices: [{ id: invoice.id, amount: 1_000 }] })).status).toBe(
      200,
    );
    expect(
      await refused({ invoices: [{ id: invoice.id, amount: 1_000 }], tip: { amount: 100 } }),
    ).toMatchObject({ code: 'tip_not_offered', param: 'tip.amount' });

    for (const [body, param] of [
      [{ invoices: [{ id: invoice.id, amount: 12.5 }] }, 'invoices[0].amount'],
      [{ invoices: [{ id: invoice.id, amount: 1_000 }], method: 'cash' }, 'method'],
      [{ invoices: 'all' }, 'invoices'],
      [{ invoices: [{ id: invoice.id, amount: 1_000 }], tip: { percent: 18, amount: 5 } }, 'tip'],
    ] as const) {
      const answer = await quote(token, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', param });
    }
    const notJson = await h.request(`/v1/portal/${token}/quote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
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

  it('answers every dead link with the one same 404 on every route', async () => {
    const staff = await blueLagoon(h);
    const customer = await createCustomer(staff);
    const invoice = await taxedInvoice(staff, customer.id);
    const { revoked, expired, voided, replaced } = await deadLinks(h, staff, {
      customerId: customer.id,
      invoiceId: invoice.id,
    });

    const dead = [
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'x',
      revoked.token,
      expired.token,
      voided.token,
      replaced.token,
    ];
    for (const token of dead) {
      for (const attempt of [
        get(token),
        get(token, '/charges'),
        post(token, '/views'),
        quote(token, { invoices: [{ id: invoice.id, amount: 10_825 }] }),
      ]) {
        const { status, body, headers } = await attempt;
        expect(status).toBe(404);
        expect(body).toEqual(DEAD_LINK);
        expect(headers.get('referrer-policy')).toBe('no-referrer');
      }
    }
    for (const link of [revoked, expired, replaced]) {
      expect(await linkEvents(staff, link.id)).not.toContain('viewed');
    }
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

  it('shows an estimate link its one estimate and nothing to pay', async () => {
    const staff = await blueLagoon(h);
    const customer = await createCustomer(staff);
    await taxedInvoice(staff, customer.id);
    const estimate = await createEstimate(staff, customer.id, {
      lines: [{ description: 'Heater', quantity: 2, unit_amount: 45_000 }],
      valid_until: '2099-06-30',
      deposit_amount: 10_000,
    });
    await createEstimate(staff, customer.id, {
      lines: [{ description: 'Other', quantity: 1, unit_amount: 1_000 }],
      valid_until: '2099-06-30',
    });
    const { token } = await createPaymentLink(staff, { estimate: estimate.id });
    const portal = await get(token);
    expect(portal.body).toMatchObject({
      link: { kind: 'estimate', expires: '2099-07-01T00:00:00.000Z' },
      balance: { amount: 0, state: 'zero' },
      balance_due: 0,
      invoices: [],
    });
    expect(portal.body.estimates).toHaveLength(1);
    expect(portal.body.estimates[0]).toMatchObject({
      id: estimate.id,
      total: 90_000,
      deposit_amount: 10_000,
      lines: [{ description: 'Heater', quantity: 2, amount: 90_000 }],
    });
    expect((await get(token, '/charges')).body.data).toEqual([]);
    expect((await quote(token, { invoices: [], balance_amount: 100 })).status).toBe(422);
  });
});
