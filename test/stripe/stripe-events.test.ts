/**
 * Stripe's events as ProviderEvents, for the cases the end-to-end webhook suite does not reach:
 * Stripe unreachable while a success is read back, refunds still pending, a failure without
 * Stripe's error, and an event from another integration on the same account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProviderEvents } from '../../server/payments/stripe-events.ts';
import type { StripeProvider } from '../../server/payments/stripe-provider.ts';
import type { FakeStripe } from '../support/fake-stripe.ts';
import { startStripeProvider } from './support.ts';

let fake: FakeStripe;
let provider: StripeProvider;
beforeAll(async () => {
  ({ fake, provider } = await startStripeProvider('events'));
});
afterAll(() => fake.close());

async function paidIntent(card = '4242424242424242') {
  const created = await provider.createPayment({
    paymentId: 'pay_events',
    amount: 5_000,
    currency: 'usd',
    idempotencyKey: `events-${Math.random()}`,
    customer: { id: 'cus_e', name: 'Eli', email: null, providerCustomerId: null },
    savePaymentMethod: false,
    savedPaymentMethodId: null,
    method: 'card',
    metadata: {},
  });
  return fake.api.confirm(created.providerPaymentId, { card });
}

describe('Stripe events as provider events', () => {
  it('names our payment and reads the card of a success back from Stripe', async () => {
    const intent = await paidIntent('5555555555554444');
    const event = fake.event('payment_intent.succeeded', intent);
    expect(await toProviderEvents(event, { provider })).toEqual([
      {
        id: event.id,
        provider: 'stripe',
        type: 'payment.succeeded',
        providerPaymentId: intent.id,
        paymentId: 'pay_events',
        amount: 5_000,
        details: expect.objectContaining({
          method: 'card',
          funding: 'credit',
          brand: 'mastercard',
          last4: '4444',
        }),
        failure: null,
      },
    ]);
  });

  it('still records a success when Stripe cannot be asked for the card, and says so', async () => {
    const intent = await paidIntent();
    const warnings: string[] = [];
    const down = {
      retrieve: () => Promise.reject(new Error('connect ECONNREFUSED')),
      refundsOfCharge: () => Promise.reject(new Error('connect ECONNREFUSED')),
    };
    const [event] = await toProviderEvents(fake.event('payment_intent.succeeded', intent), {
      provider: down,
      warn: (message) => warnings.push(message),
    });
    expect(event).toMatchObject({ type: 'payment.succeeded', amount: 5_000, details: null });
    expect(warnings).toHaveLength(1);
  });

  it('gives a failure in words even when Stripe sent no error with it', async () => {
    const intent = await paidIntent('4000000000000002');
    const [declined] = await toProviderEvents(fake.event('payment_intent.payment_failed', intent), {
      provider,
    });
    expect(declined?.failure).toEqual({
      code: 'generic_decline',
      message: 'Your card was declined.',
    });
    const bare = { ...intent, last_payment_error: null };
    const [unexplained] = await toProviderEvents(
      fake.event('payment_intent.payment_failed', bare),
      { provider },
    );
    expect(unexplained?.failure).toEqual({
      code: 'payment_failed',
      message: 'The payment did not go through.',
    });
  });

  it('tells refunds by their outcome, and waits on one still pending', async () => {
    const intent = await paidIntent();
    const refund = await provider.refund({
      providerPaymentId: intent.id,
      amount: 1_000,
      idempotencyKey: 're_events:refund',
      refundId: 're_events',
    });
    const stored = fake.api.refunds.get(refund.providerRefundId)!;
    const [succeeded] = await toProviderEvents(fake.event('refund.updated', stored), { provider });
    expect(succeeded).toMatchObject({
      type: 'refund.succeeded',
      providerPaymentId: intent.id,
      providerRefundId: stored.id,
      refundId: 're_events',
      amount: 1_000,
    });
    expect(
      await toProviderEvents(fake.event('refund.updated', { ...stored, status: 'pending' }), {
        provider,
      }),
    ).toEqual([]);
    const [failed] = await toProviderEvents(
      fake.event('refund.failed', {
        ...stored,
        status: 'failed',
        failure_reason: 'expired_or_canceled_card',
      }),
      { provider },
    );
    expect(failed).toMatchObject({
      type: 'refund.failed',
      failure: { code: 'expired_or_canceled_card' },
    });
  });

  it('acts on none of the events it does not know', async () => {
    expect(
      await toProviderEvents(fake.event('payment_intent.created', await paidIntent()), {
        provider,
      }),
    ).toEqual([]);
  });
});
