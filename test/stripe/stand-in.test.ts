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
  stripe = await createStripeClient({ secretKey: 'sk_test_standin', apiBase: fake.url });
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

  describe('POST /v1/payment_intents/:id/confirm, as the server confirms', () => {
    const token = (card: string) => fake.api.createConfirmationToken(card).id;
    const back = 'https://pay.example.test/p/back';

    it('confirms with a ConfirmationToken: the token then names the intent, and is used once', async () => {
      const paying = await intent();
      const ctoken = token('4242424242424242');
      const paid = await stripe.paymentIntents.confirm(paying.id, {
        confirmation_token: ctoken,
        return_url: back,
      });
      expect(paid).toMatchObject({ status: 'succeeded', amount_received: 5_000 });
      expect(paid.payment_method).toMatch(/^pm_/);
      expect(await stripe.confirmationTokens.retrieve(ctoken)).toMatchObject({
        payment_intent: paying.id,
      });
      const other = await intent();
      expect(
        await refusal(stripe.paymentIntents.confirm(other.id, { confirmation_token: ctoken })),
      ).toMatchObject({ status: 400, param: 'confirmation_token' });
      expect(
        await refusal(stripe.paymentIntents.confirm(other.id, { confirmation_token: 'ctoken_no' })),
      ).toMatchObject({ status: 404, code: 'resource_missing', param: 'confirmation_token' });
    });

    it('3-D Secure: requires_action, next_action for Stripe.js or a redirect to return_url', async () => {
      const viaSdk = await stripe.paymentIntents.confirm((await intent()).id, {
        confirmation_token: token('4000002500003155'),
        return_url: back,
      });
      expect(viaSdk).toMatchObject({
        status: 'requires_action',
        next_action: { type: 'use_stripe_sdk' },
      });
      const method = fake.api.createPaymentMethod({ card: '4000002500003155' });
      const redirected = await stripe.paymentIntents.confirm((await intent()).id, {
        payment_method: method.id,
        return_url: back,
      });
      expect(redirected.next_action).toMatchObject({
        type: 'redirect_to_url',
        redirect_to_url: { return_url: back },
      });
      expect(fake.api.completeAction(viaSdk.id, true).status).toBe('succeeded');
    });

    it('a decline is a 402 card_error carrying the intent, now requires_payment_method', async () => {
      const declined = await intent();
      let caught: unknown;
      await stripe.paymentIntents
        .confirm(
          declined.id,
          { confirmation_token: token('4000000000009995') },
          { idempotencyKey: 'k-declined' },
        )
        .catch((error: unknown) => {
          caught = error;
        });
      expect(caught).toBeInstanceOf(Stripe.errors.StripeCardError);
      const card = caught as Stripe.errors.StripeCardError;
      expect(card).toMatchObject({
        statusCode: 402,
        code: 'card_declined',
        decline_code: 'insufficient_funds',
      });
      expect(card.payment_intent).toMatchObject({
        id: declined.id,
        status: 'requires_payment_method',
      });
      // The decline ran (the card was tried): the same key and parameters replay it.
      const replay = fake.requestsTo('POST', `/v1/payment_intents/${declined.id}/confirm`);
      expect(replay.at(-1)).toMatchObject({ status: 402, replayed: false });
    });

    it('replays the same key and parameters, refuses the same key with others', async () => {
      const paying = await intent();
      const ctoken = token('4242424242424242');
      const first = await stripe.paymentIntents.confirm(
        paying.id,
        { confirmation_token: ctoken, return_url: back },
        { idempotencyKey: 'k-confirm' },
      );
      const again = await stripe.paymentIntents.confirm(
        paying.id,
        { confirmation_token: ctoken, return_url: back },
        { idempotencyKey: 'k-confirm' },
      );
      expect(again.id).toBe(first.id);
      expect(
        fake.requestsTo('POST', `/v1/payment_intents/${paying.id}/confirm`).at(-1),
      ).toMatchObject({
        replayed: true,
      });
      expect(fake.api.charges.size).toBeGreaterThan(0);
      expect(
        await refusal(
          stripe.paymentIntents.confirm(
            paying.id,
            { confirmation_token: ctoken, return_url: `${back}?again` },
            { idempotencyKey: 'k-confirm' },
          ),
        ),
      ).toMatchObject({ status: 400, type: 'StripeIdempotencyError' });
    });

    it('refuses an intent paid or canceled, one with no payment method, and unknown parameters', async () => {
      const paid = await intent();
      await stripe.paymentIntents.confirm(paid.id, {
        confirmation_token: token('4242424242424242'),
      });
      expect(
        await refusal(
          stripe.paymentIntents.confirm(paid.id, { confirmation_token: token('4242424242424242') }),
        ),
      ).toMatchObject({ status: 400, code: 'payment_intent_unexpected_state' });
      const canceled = await intent();
      await stripe.paymentIntents.cancel(canceled.id);
      expect(
        await refusal(
          stripe.paymentIntents.confirm(canceled.id, {
            confirmation_token: token('4242424242424242'),
          }),
        ),
      ).toMatchObject({ code: 'payment_intent_unexpected_state' });
      expect(await refusal(stripe.paymentIntents.confirm((await intent()).id))).toMatchObject({
        code: 'payment_intent_unexpected_state',
      });
      expect(
        await refusal(stripe.paymentIntents.confirm((await intent()).id, { amount: 1 } as never)),
      ).toMatchObject({ code: 'parameter_unknown', param: 'amount' });
    });
  });
});
