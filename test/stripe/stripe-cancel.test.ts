/**
 * Canceling a payment the customer did not complete, with the Stripe provider: the real `stripe`
 * SDK against the fake Stripe server cancels the PaymentIntent (so Stripe.js can no longer
 * confirm it with its client secret), with an idempotency key; what it held is free at once; one
 * Stripe already took is refused and recorded.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { poolBusiness } from '../support/fixtures.ts';
import { startPayment, useStripeHarness } from './support.ts';

describe.each(testStores)('canceling a Stripe payment on $name', (store) => {
  const stripe = useStripeHarness(store, 'cancel');
  const { h } = stripe;

  async function started() {
    const { browser, invoice, payment, intentId } = await startPayment(h, await poolBusiness(h));
    const cancel = () => browser.cancel(payment.id);
    return { browser, invoice, payment: payment as { id: string }, intentId, cancel };
  }

  it('cancels the PaymentIntent with our key, frees the invoice, and Stripe.js cannot confirm it', async () => {
    const { browser, invoice, payment, intentId, cancel } = await started();
    const partly = { invoices: [{ id: invoice.id, amount: 5_000 }], method: 'card' };
    expect((await browser.create(partly)).body.error.code).toBe('amount_unavailable');

    const canceled = await cancel();
    expect(canceled.status).toBe(200);
    expect(canceled.body.status).toBe('canceled');
    expect(stripe.fake.api.intents.get(intentId)?.status).toBe('canceled');
    const sent = stripe.fake.requestsTo('POST', `/v1/payment_intents/${intentId}/cancel`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.idempotencyKey).toBe(`${payment.id}:cancel`);
    expect(() => stripe.fake.api.confirm(intentId, { card: '4242424242424242' })).toThrow(
      /status of canceled/,
    );
    // Again: answered from our books, Stripe is not asked twice.
    expect((await cancel()).body.status).toBe('canceled');
    expect(stripe.fake.requestsTo('POST', `/v1/payment_intents/${intentId}/cancel`)).toHaveLength(
      1,
    );

    expect((await browser.create(partly)).status).toBe(200);
  });

  it('refuses a payment Stripe already took, and records it', async () => {
    const { browser, payment, intentId, cancel } = await started();
    // Confirmed by Stripe.js in another tab; its webhook has not reached us yet.
    stripe.fake.api.confirm(intentId, { card: '4242424242424242' });
    const refused = await cancel();
    expect([refused.status, refused.body.error.code]).toEqual([409, 'payment_not_cancelable']);
    expect(stripe.fake.api.intents.get(intentId)?.status).toBe('succeeded');
    expect((await browser.payment(payment.id)).body.status).toBe('succeeded');
  });
});
