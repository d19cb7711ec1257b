/**
 * A customer paying with PayPal beside the card provider, through the portal API and the real
 * `@paypal/paypal-server-sdk` against the PayPal stand-in: the portal lists both with their fees,
 * a full payment with a tip and the PayPal fee (order made for the server's total, approved in
 * PayPal's window, captured, posted once), a decline the buyer recovers from, a partial payment,
 * a refund through PayPal's Payments API, and PayPal's own refusals kept from the customer's books.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { balanceOf, createInvoice, poolBusiness } from '../support/fixtures.ts';
import { answer } from '../support/harness.ts';
import { newKey, openPortal } from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';
import {
  approveAndCapture,
  capture,
  ledgerOf,
  paypalBusiness,
  startPayPalPayment,
  usePayPalHarness,
} from './support.ts';

describe.each(testStores)('paying with PayPal on $name', (store) => {
  const world = usePayPalHarness(store, 'checkout');
  const { h } = world;

  it('the portal offers the card provider and PayPal, each with its fee and provider', async () => {
    const staff = await paypalBusiness(h);
    const { link } = await owingCustomer(staff, 10_000);
    const portal = await answer(await h.request(`/v1/portal/${link.token}`));
    expect(portal.body.payment_methods).toEqual([
      { type: 'card', fee: { percent_bps: 300, fixed: 30 }, provider: 'sandbox' },
      { type: 'us_bank_account', fee: null, provider: 'sandbox' },
      { type: 'paypal', fee: { percent_bps: 200, fixed: 10 }, provider: 'paypal' },
    ]);
    expect(portal.body.provider).toEqual({ name: 'sandbox', test_mode: true });
    expect(portal.body.providers).toEqual([
      { name: 'sandbox', test_mode: true },
      {
        name: 'paypal',
        client_id: 'AZtestClientId',
        currency: 'USD',
        venmo: true,
        test_mode: true,
      },
    ]);
  });

  it('quotes PayPal with its own fee, as the payment will charge it', async () => {
    const staff = await paypalBusiness(h);
    const { invoice, link } = await owingCustomer(staff, 10_000);
    const quoted = await openPortal(h, link).quote({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      balance_amount: 0,
      tip: { percent: 18 },
      method: 'paypal',
    });
    expect(quoted.body).toMatchObject({ subtotal: 10_000, tip: 1_800, fee: 246, total: 12_046 });
  });

  it('charges no PayPal fee unless the business sets one', async () => {
    const staff = await poolBusiness(h);
    const { payment } = await startPayPalPayment(h, staff, { tip: { percent: 20 } });
    expect(payment).toMatchObject({ subtotal: 10_000, tip: 2_000, fee: 0, amount: 12_000 });
  });

  it('a full payment with a tip and the PayPal fee: ordered for our total, captured, posted once', async () => {
    const staff = await paypalBusiness(h);
    const { dana, invoice, token, payment } = await startPayPalPayment(h, staff, {
      tip: { percent: 18 },
    });
    // 100.00 + 18.00 tip + 2 % and 10¢ of 118.00.
    expect(payment).toMatchObject({
      provider: 'paypal',
      method: 'paypal',
      status: 'requires_confirmation',
      amount: 12_046,
      tip: 1_800,
      fee: 246,
      client_secret: expect.stringMatching(/^[A-Z0-9]{17}$/),
    });
    const [create] = world.fake.requestsTo('POST', '/v2/checkout/orders').slice(-1);
    expect(create!.requestId).toBe(`${payment.id}:create`);
    expect(create!.body).toMatchObject({
      intent: 'CAPTURE',
      purchase_units: [
        {
          custom_id: payment.id,
          invoice_id: payment.id,
          amount: { currency_code: 'USD', value: '120.46' },
        },
      ],
    });
    const paid = await approveAndCapture(world, token, payment);
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({
      status: 'succeeded',
      amount: 12_046,
      method: 'paypal',
      receipt_number: expect.stringMatching(/^R-\d{6}$/),
    });
    const [captured] = world.fake.requestsTo(
      'POST',
      `/v2/checkout/orders/${payment.client_secret}/capture`,
    );
    expect(captured!.requestId).toBe(`${payment.id}:capture:1`);
    expect(await ledgerOf(h, payment.id)).toEqual({
      paid: 12_046,
      tip: 1_800,
      fee: 246,
      refunded: 0,
    });
    expect(await balanceOf(staff, dana.id)).toBe(0);
    const seen = await staff.get(`/v1/invoices/${invoice.id}`);
    expect(seen.body.status).toBe('paid');
    // Asking again changes nothing: PayPal refuses a second capture, and the payment stands.
    const again = await capture(h, token, payment.id, payment.client_secret);
    expect(again.status).toBe(409);
    expect(await ledgerOf(h, payment.id)).toEqual({
      paid: 12_046,
      tip: 1_800,
      fee: 246,
      refunded: 0,
    });
  });

  it('a declined funding source fails the attempt; the buyer picks another and it is captured', async () => {
    const staff = await paypalBusiness(h);
    const { dana, token, payment, browser } = await startPayPalPayment(h, staff);
    const declined = await approveAndCapture(world, token, payment, 'declined');
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'failed',
      failure: { code: 'instrument_declined', message: expect.stringContaining('PayPal declined') },
    });
    expect(await ledgerOf(h, payment.id)).toEqual({ paid: 0, tip: 0, fee: 0, refunded: 0 });
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    // PayPal's window again (actions.restart()), another funding source, the same payment.
    const paid = await approveAndCapture(world, token, payment, 'approves');
    expect(paid.body).toMatchObject({ id: payment.id, status: 'succeeded', amount: 10_210 });
    expect(await balanceOf(staff, dana.id)).toBe(0);
    expect((await browser.history()).body.data).toHaveLength(1);
  });

  it('a partial payment leaves the rest owed, and the customer can pay again', async () => {
    const staff = await paypalBusiness(h);
    const { dana, invoice, token, payment, browser } = await startPayPalPayment(
      h,
      staff,
      {},
      10_000,
      4_000,
    );
    expect(payment).toMatchObject({ subtotal: 4_000, fee: 90, amount: 4_090 });
    const paid = await approveAndCapture(world, token, payment);
    expect(paid.body.status).toBe('succeeded');
    expect(await balanceOf(staff, dana.id)).toBe(6_000);
    const seen = await staff.get(`/v1/invoices/${invoice.id}`);
    expect(seen.body.status).toBe('partially_paid');
    const rest = await browser.create({
      invoices: [{ id: invoice.id, amount: 6_000 }],
      method: 'paypal',
    });
    const second = await approveAndCapture(world, token, rest.body);
    expect(second.body).toMatchObject({ status: 'succeeded', amount: 6_130 });
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a refund goes through PayPal on the capture, named by our refund id, posted once', async () => {
    const staff = await paypalBusiness(h);
    const { dana, token, payment } = await startPayPalPayment(h, staff);
    await approveAndCapture(world, token, payment);
    const refund = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 3_000 });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
    expect(refund.body).toMatchObject({ amount: 3_000, status: 'succeeded' });
    const capturedId = [...world.fake.api.captures.values()].find(
      (c) => c.custom_id === payment.id,
    )!.id;
    const [asked] = world.fake.requestsTo('POST', `/v2/payments/captures/${capturedId}/refund`);
    expect(asked!.requestId).toBe(`${refund.body.id}:refund`);
    expect(asked!.body).toEqual({
      amount: { currency_code: 'USD', value: '30.00' },
      custom_id: refund.body.id,
    });
    expect(world.fake.api.captures.get(capturedId)!.status).toBe('PARTIALLY_REFUNDED');
    expect((await ledgerOf(h, payment.id)).refunded).toBe(3_000);
    // More than is left: PayPal's REFUND_AMOUNT_EXCEEDED would refuse it; we refuse it first.
    const tooMuch = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 8_000 });
    expect(tooMuch.status).toBe(422);
    expect(await balanceOf(staff, dana.id)).toBe(3_000);
  });

  it('a replayed create answers the same order; capture before approval changes nothing', async () => {
    const staff = await paypalBusiness(h);
    const { invoice, link } = await owingCustomer(staff, 5_000);
    const browser = openPortal(h, link);
    const key = newKey();
    const body = { invoices: [{ id: invoice.id, amount: 5_000 }], method: 'paypal' };
    const first = await browser.create(body, key);
    const replay = await browser.create(body, key);
    expect(replay.body.client_secret).toBe(first.body.client_secret);
    const orders = [...world.fake.api.orders.values()].filter(
      (o) => o.purchase_units[0]!.custom_id === first.body.id,
    );
    expect(orders).toHaveLength(1);
    const early = await capture(h, link.token, first.body.id, first.body.client_secret);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('paypal_not_approved');
    expect((await browser.payment(first.body.id)).body.status).toBe('requires_confirmation');
    const other = await capture(h, link.token, first.body.id, 'ABCDEFGHIJ1234567');
    expect(other.body.error.code).toBe('order_mismatch');
  });

  it('a currency PayPal cannot take here is not offered, and refused', async () => {
    const staff = await poolBusiness(h, {}, 'huf');
    const { customer } = await owingCustomer(staff, 500_000);
    const invoice = await createInvoice(staff, customer.id, { unit_amount: 100_000 });
    const { link } = await owingCustomer(staff, 100_000);
    const portal = await answer(await h.request(`/v1/portal/${link.token}`));
    expect(portal.body.payment_methods.map((m: { type: string }) => m.type)).toEqual(['card']);
    const refused = await openPortal(h, link).create({
      invoices: [{ id: invoice.id, amount: 100_000 }],
      method: 'paypal',
    });
    expect(refused.status).toBe(422);
  });
});
