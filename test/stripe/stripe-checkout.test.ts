/**
 * A customer paying with the Stripe provider, end to end: the portal API, the real `stripe` SDK
 * against the fake Stripe server, "Stripe.js" (the fake) collecting and confirming, and signed
 * webhooks. What the ledger records equals what Stripe charged, to the minor unit.
 */
import { describe, expect, it } from 'vitest';
import { stripeProvider } from '../../server/payments/providers.ts';
import { listSavedPaymentMethods } from '../../server/payments/saved-methods.ts';
import { testStores } from '../support/databases.ts';
import { balanceOf, createInvoice, poolBusiness } from '../support/fixtures.ts';
import { answer } from '../support/harness.ts';
import { dieBeforeAnswering, newKey } from '../support/portal-client.ts';
import { startPayment, tellWebhook, useStripeHarness } from './support.ts';

describe.each(testStores)('paying with Stripe on $name', (store) => {
  const stripe = useStripeHarness(store, 'checkout');
  const { h } = stripe;
  const provider = () => stripeProvider(h.config);

  /** Dana owes a 100.00 invoice to a business with a 3 % + 30¢ card fee; she starts paying. */
  async function started(extra: Record<string, unknown> = {}) {
    const staff = await poolBusiness(h);
    return { staff, ...(await startPayment(h, staff, { tip: { percent: 18 }, ...extra })) };
  }

  async function ledgerOf(paymentId: string) {
    const rows = await h.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount'])
      .where('payment_id', '=', paymentId)
      .execute();
    const sum = (kind: string) =>
      rows.filter((row) => row.kind === kind).reduce((total, row) => total + Number(row.amount), 0);
    return { paid: -sum('payment'), tip: sum('tip'), fee: sum('fee') };
  }

  it('drops the card fee for a debit card before confirming, and records what Stripe charged', async () => {
    const { staff, dana, token, browser, payment, intentId } = await started();
    expect(payment.amount).toBe(12_184);
    expect(stripe.fake.api.intents.get(intentId)).toMatchObject({
      amount: 12_184,
      currency: 'usd',
    });

    // Stripe.js collects a debit card; the server reads its funding and fixes the fee.
    const collected = stripe.fake.api.createConfirmationToken('4000056655665556');
    const fixed = await answer(
      await h.request(`/v1/portal/${token}/payments/${payment.id}/payment_method`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payment_method: collected.id }),
      }),
    );
    expect(fixed.body).toMatchObject({ amount: 11_800, fee: 0, funding: 'debit' });
    expect(stripe.fake.api.intents.get(intentId)?.amount).toBe(11_800);
    const update = stripe.fake.requestsTo('POST', `/v1/payment_intents/${intentId}`).at(-1)!;
    expect(update.params).toEqual({ amount: '11800' });
    expect(update.idempotencyKey).toBe(`${payment.id}:change:1`);

    const paid = stripe.fake.api.confirm(intentId, { confirmationToken: collected.id });
    expect((await tellWebhook(stripe, 'payment_intent.succeeded', paid)).body.outcomes).toEqual([
      'applied',
    ]);
    expect(await ledgerOf(payment.id)).toEqual({ paid: 11_800, tip: 1_800, fee: 0 });
    expect(paid.amount_received).toBe(11_800);
    expect(await balanceOf(staff, dana.id)).toBe(0);
    expect((await browser.payment(payment.id)).body).toMatchObject({
      status: 'succeeded',
      amount: 11_800,
      card: { brand: 'visa', last4: '5556' },
    });
  });

  it('keeps the fee for a credit card, and learns of the success by asking when the browser does', async () => {
    const { browser, payment, intentId } = await started();
    const paid = stripe.fake.api.confirm(intentId, { card: '4242424242424242' });
    // The browser asks before Stripe's webhook arrives: the server asks Stripe.
    expect((await browser.payment(payment.id)).body).toMatchObject({
      status: 'succeeded',
      amount: 12_184,
      fee: 384,
    });
    expect(await ledgerOf(payment.id)).toEqual({ paid: 12_184, tip: 1_800, fee: 384 });
    // The webhook that follows changes nothing.
    expect((await tellWebhook(stripe, 'payment_intent.succeeded', paid)).body.outcomes).toEqual([
      'ignored',
    ]);
    expect(await ledgerOf(payment.id)).toEqual({ paid: 12_184, tip: 1_800, fee: 384 });
  });

  it('a declined card, then another: the status read finds the success before the webhook', async () => {
    const { browser, payment, intentId } = await started();
    stripe.fake.api.confirm(intentId, { card: '4000000000000002' });
    expect((await browser.payment(payment.id)).body).toMatchObject({ status: 'failed' });
    // The element confirms the same PaymentIntent again with another card (Stripe.js).
    stripe.fake.api.confirm(intentId, { card: '4242424242424242' });
    expect((await browser.payment(payment.id)).body).toMatchObject({
      status: 'succeeded',
      card: { brand: 'visa', last4: '4242' },
    });
    expect(await ledgerOf(payment.id)).toEqual({ paid: 12_184, tip: 1_800, fee: 384 });
  });

  it('saves a card only when asked, shows it next time, and forgets it at Stripe too', async () => {
    const customersBefore = stripe.fake.api.customers.size;
    const { dana, browser, intentId } = await started({ save_payment_method: true });
    expect(stripe.fake.api.customers.size).toBe(customersBefore + 1);
    const create = stripe.fake.requestsTo('POST', '/v1/payment_intents').at(-1)!;
    expect(create.params.setup_future_usage).toBe('off_session');
    expect(create.params.customer).toMatch(/^cus_/);

    const paid = stripe.fake.api.confirm(intentId, { card: '4242424242424242' });
    await tellWebhook(stripe, 'payment_intent.succeeded', paid);
    const saved = await listSavedPaymentMethods(h.db, dana.id, 'stripe');
    expect(saved).toEqual([expect.objectContaining({ brand: 'visa', last4: '4242' })]);
    const [card] = await provider().listSavedMethods(`${create.params.customer}`);
    expect(card).toMatchObject({ brand: 'visa', last4: '4242' });

    const removed = await browser.removeCard(saved[0]!.id);
    expect(removed.status).toBe(200);
    const atStripe = stripe.fake.api.paymentMethods.get(`${paid.payment_method}`);
    expect(atStripe?.customer).toBeNull();
    expect(await listSavedPaymentMethods(h.db, dana.id, 'stripe')).toEqual([]);
    expect(await provider().listSavedMethods(`${create.params.customer}`)).toEqual([]);

    // Not ticked: no Customer, no setup_future_usage.
    const customersNow = stripe.fake.api.customers.size;
    await started();
    expect(stripe.fake.api.customers.size).toBe(customersNow);
    const plain = stripe.fake.requestsTo('POST', '/v1/payment_intents').at(-1)!;
    expect(plain.params.setup_future_usage).toBeUndefined();
    expect(plain.params.customer).toBeUndefined();
  });
  it('resumes a saved-card payment whose request died, asking Stripe exactly as before', async () => {
    const { staff, dana, browser, intentId } = await started({ save_payment_method: true });
    await tellWebhook(
      stripe,
      'payment_intent.succeeded',
      stripe.fake.api.confirm(intentId, { card: '4242424242424242' }),
    );
    const [card] = await listSavedPaymentMethods(h.db, dana.id, 'stripe');
    const next = await createInvoice(staff, dana.id, 2_000);
    const key = newKey();
    const body = {
      invoices: [{ id: next.id, amount: 2_000 }],
      method: 'card',
      payment_method: card!.id,
    };
    const first = await browser.create(body, key);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    await dieBeforeAnswering(h, key);
    const retried = await browser.create(body, key);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.id).toBe(first.body.id);
    const creates = stripe.fake
      .requestsTo('POST', '/v1/payment_intents')
      .filter((request) => request.params.metadata?.payment_id === first.body.id);
    expect(creates.length).toBeGreaterThanOrEqual(1);
    expect(new Set(creates.map((request) => request.params.payment_method))).toEqual(
      new Set([creates[0]!.params.payment_method]),
    );
    expect(creates[0]!.params.payment_method).toMatch(/^pm_/);
  });
});
