/**
 * The Stripe stand-in keeps Stripe's documented rules (issue 10), through the real `stripe` SDK:
 * what Stripe refuses, it refuses, so our code cannot pass a test by sending what Stripe would
 * not take. Each case here is one the stand-in accepted before.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeClient } from '../../server/payments/stripe-provider.ts';
import { type FakeStripe, startFakeStripe } from '../support/fake-stripe.ts';

let fake: FakeStripe;
let stripe: Stripe;
beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = createStripeClient({ secretKey: 'sk_test_standin', apiBase: fake.url });
});
afterAll(() => fake.close());

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      return { status: error.statusCode, type: error.type, code: error.code, param: error.param };
    }
    throw error;
  }
  throw new Error('Stripe took it');
}

const intent = (extra: Record<string, unknown> = {}, key?: string) =>
  stripe.paymentIntents.create(
    { amount: 5_000, currency: 'usd', allowed_payment_method_types: ['card'], ...extra },
    key ? { idempotencyKey: key } : {},
  );

describe('the Stripe stand-in', () => {
  it('refuses a parameter Stripe does not know, naming it', async () => {
    expect(await refusal(intent({ surcharge: 300 }))).toEqual({
      status: 400,
      type: 'StripeInvalidRequestError',
      code: 'parameter_unknown',
      param: 'surcharge',
    });
    // The old name of the method list, which the pinned API version no longer takes.
    expect(
      await refusal(
        stripe.paymentIntents.create({
          amount: 5_000,
          currency: 'usd',
          payment_method_types: ['card'],
        } as Stripe.PaymentIntentCreateParams),
      ),
    ).toMatchObject({ code: 'parameter_unknown', param: 'payment_method_types' });
    expect(
      await refusal(
        stripe.refunds.create({ payment_intent: 'pi_x', amount: 1, note: 'x' } as never),
      ),
    ).toMatchObject({ code: 'parameter_unknown', param: 'note' });
  });

  it('replays the same key with the same parameters, refuses it with others', async () => {
    const first = await intent({}, 'standin-key-1');
    const again = await intent({}, 'standin-key-1');
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(await refusal(intent({ amount: 6_000 }, 'standin-key-1'))).toMatchObject({
      status: 400,
      type: 'StripeIdempotencyError',
    });
    expect(fake.api.intents.get(first.id)?.amount).toBe(5_000);
  });

  it("refuses amounts under Stripe's minimum per currency, and over its maximum", async () => {
    for (const [currency, under, least] of [
      ['usd', 49, 50],
      ['gbp', 29, 30],
      ['jpy', 49, 50],
      ['huf', 17_499, 17_500],
    ] as const) {
      expect(await refusal(intent({ amount: under, currency }))).toMatchObject({
        code: 'amount_too_small',
        param: 'amount',
      });
      expect((await intent({ amount: least, currency })).amount).toBe(least);
    }
    expect(await refusal(intent({ amount: 100_000_000 }))).toMatchObject({
      code: 'amount_too_large',
    });
    const made = await intent();
    expect(await refusal(stripe.paymentIntents.update(made.id, { amount: 10 }))).toMatchObject({
      code: 'amount_too_small',
    });
  });

  it('moves refunds pending → succeeded, and succeeded → failed, with the test cards', async () => {
    const slow = await intent();
    fake.api.confirm(slow.id, { card: '4000000000007726' });
    const pending = await stripe.refunds.create({ payment_intent: slow.id, amount: 1_000 });
    expect(pending.status).toBe('pending');
    fake.api.settleRefund(pending.id);
    expect((await stripe.refunds.retrieve(pending.id)).status).toBe('succeeded');

    const failing = await intent();
    fake.api.confirm(failing.id, { card: '4000000000005126' });
    const given = await stripe.refunds.create({ payment_intent: failing.id, amount: 5_000 });
    expect(given.status).toBe('succeeded');
    fake.api.failRefund(given.id);
    expect(await stripe.refunds.retrieve(given.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'expired_or_canceled_card',
    });
    // The money is back on the charge: it can be refunded again.
    const retried = await stripe.refunds.create({ payment_intent: failing.id, amount: 5_000 });
    expect(retried.status).toBe('succeeded');
  });

  it('refuses the status moves Stripe refuses', async () => {
    const canceled = await intent();
    await stripe.paymentIntents.cancel(canceled.id);
    expect(() => fake.api.confirm(canceled.id, { card: '4242424242424242' })).toThrow(
      /status of canceled/,
    );
    expect(await refusal(stripe.paymentIntents.cancel(canceled.id))).toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
    const paid = await intent();
    fake.api.confirm(paid.id, { card: '4242424242424242' });
    expect(await refusal(stripe.paymentIntents.update(paid.id, { amount: 6_000 }))).toMatchObject({
      code: 'payment_intent_unexpected_state',
    });
    expect(await refusal(stripe.refunds.create({ payment_intent: canceled.id }))).toMatchObject({
      status: 400,
      param: 'payment_intent',
    });
  });
});
