/**
 * Canceling a payment the customer did not complete, with the Stripe provider: the real `stripe`
 * SDK against the fake Stripe server cancels the PaymentIntent (so Stripe.js can no longer
 * confirm it with its client secret), with an idempotency key; what it held is free at once; one
 * Stripe already took is refused and recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerOf, invoiceFor, linkTo, poolBusiness, portal } from '../payments/support.ts';
import { testStores } from '../support/databases.ts';
import { type FakeStripe, startFakeStripe } from '../support/fake-stripe.ts';
import { answer, useHarness } from '../support/harness.ts';

describe.each(testStores)('canceling a Stripe payment on $name', (store) => {
  let fake: FakeStripe;
  const stripe = {
    secretKey: 'sk_test_cancel',
    publishableKey: 'pk_test_cancel',
    webhookSecret: 'whsec_test_cancel',
    apiBase: '' as string | null,
  };
  beforeAll(async () => {
    fake = await startFakeStripe();
    stripe.apiBase = fake.url;
  });
  afterAll(() => fake.close());
  const h = useHarness(store, { paymentProvider: 'stripe', stripe });

  async function started() {
    const staff = await poolBusiness(h);
    const dana = await customerOf(staff, 'Dana Diaz', 'dana@example.com');
    const invoice = await invoiceFor(staff, dana.id, 10_000);
    const token = await linkTo(staff, { customer: dana.id });
    const browser = portal(h, token);
    const all = { invoices: [{ id: invoice.id, amount: 10_000 }], method: 'card' };
    const created = await browser.create(all);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const intentId = (created.body.client_secret as string).split('_secret_')[0]!;
    const cancel = async () =>
      answer(
        await h.request(`/v1/portal/${token}/payments/${created.body.id}/cancel`, {
          method: 'POST',
        }),
      );
    return { browser, invoice, payment: created.body as { id: string }, intentId, cancel };
  }

  it('cancels the PaymentIntent with our key, frees the invoice, and Stripe.js cannot confirm it', async () => {
    const { browser, invoice, payment, intentId, cancel } = await started();
    const partly = { invoices: [{ id: invoice.id, amount: 5_000 }], method: 'card' };
    expect((await browser.create(partly)).body.error.code).toBe('amount_unavailable');

    const canceled = await cancel();
    expect(canceled.status).toBe(200);
    expect(canceled.body.status).toBe('canceled');
    expect(fake.api.intents.get(intentId)?.status).toBe('canceled');
    const sent = fake.requestsTo('POST', `/v1/payment_intents/${intentId}/cancel`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.idempotencyKey).toBe(`${payment.id}:cancel`);
    expect(() => fake.api.confirm(intentId, { card: '4242424242424242' })).toThrow(
      /status of canceled/,
    );
    // Again: answered from our books, Stripe is not asked twice.
    expect((await cancel()).body.status).toBe('canceled');
    expect(fake.requestsTo('POST', `/v1/payment_intents/${intentId}/cancel`)).toHaveLength(1);

    expect((await browser.create(partly)).status).toBe(200);
  });

  it('refuses a payment Stripe already took, and records it', async () => {
    const { browser, payment, intentId, cancel } = await started();
    // Confirmed by Stripe.js in another tab; its webhook has not reached us yet.
    fake.api.confirm(intentId, { card: '4242424242424242' });
    const refused = await cancel();
    expect([refused.status, refused.body.error.code]).toEqual([409, 'payment_not_cancelable']);
    expect(fake.api.intents.get(intentId)?.status).toBe('succeeded');
    expect((await browser.payment(payment.id)).body.status).toBe('succeeded');
  });
});
