/** Portal quotes: tips and the card fee, cards alone in yen, and the quotes refused. */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { chargeCustomer, createCustomer, createPaymentLink } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { linkCalls } from '../support/portal-client.ts';
import { blueLagoon, taxedInvoice } from '../support/scenarios.ts';

describe.each(testStores)('portal API on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const { get, quote } = linkCalls(h);

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

  it('quotes PayPal only where PayPal is set up: here it is not, so 422', async () => {
    const staff = await h.business({ name: 'Blue Lagoon Pools', currency: 'usd' });
    const customer = await createCustomer(staff);
    const invoice = await taxedInvoice(staff, customer.id, 5_500);
    const { token } = await createPaymentLink(staff, { customer: customer.id });
    const view = await get(token);
    expect(view.body.payment_methods.map((m: { type: string }) => m.type)).not.toContain('paypal');
    const refused = await quote(token, {
      invoices: [{ id: invoice.id, amount: view.body.invoices[0].amount_due }],
      balance_amount: 0,
      method: 'paypal',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'method_unavailable', param: 'method' });
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
});
