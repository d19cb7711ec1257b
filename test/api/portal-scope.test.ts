/** What a portal link reaches: its one invoice or estimate, no one else's, nothing once dead. */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  chargeCustomer,
  createCustomer,
  createEstimate,
  createPaymentLink,
  linkEvents,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { linkCalls } from '../support/portal-client.ts';
import { blueLagoon, deadLinks, taxedInvoice } from '../support/scenarios.ts';

const DEAD_LINK = {
  error: {
    type: 'invalid_request_error',
    code: 'link_invalid',
    message: 'This payment link is not valid. It may have expired or been replaced.',
    param: null,
  },
};

describe.each(testStores)('portal API on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const { get, post, quote } = linkCalls(h);

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
