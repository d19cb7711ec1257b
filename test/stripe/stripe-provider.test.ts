/**
 * The Stripe provider through the real `stripe` SDK, pointed at the fake Stripe server: what the
 * SDK sends (amounts, currency, idempotency keys, a Customer only when a card is saved) and what
 * the provider reads back (status, funding, brand, last4, failures).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatePaymentInput } from '../../server/payments/provider.ts';
import { STRIPE_API_VERSION, type StripeProvider } from '../../server/payments/stripe-provider.ts';
import type { FakeStripe } from '../support/fake-stripe.ts';
import { startStripeProvider } from './support.ts';

let fake: FakeStripe;
let provider: StripeProvider;
beforeAll(async () => {
  ({ fake, provider } = await startStripeProvider('provider'));
});
afterAll(() => fake.close());

let counter = 0;
function paymentInput(overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput {
  counter += 1;
  return {
    paymentId: `pay_test${counter}`,
    amount: 10_825,
    currency: 'USD',
    idempotencyKey: `pay_test${counter}:create`,
    customer: {
      id: 'cus_dana',
      name: 'Dana Diaz',
      email: 'dana@example.com',
      providerCustomerId: null,
    },
    savePaymentMethod: false,
    savedPaymentMethodId: null,
    method: 'card',
    metadata: { business_id: 'biz_acme' },
    ...overrides,
  };
}

const lastCreate = () => fake.requestsTo('POST', '/v1/payment_intents').at(-1)!;

describe('creating a payment', () => {
  it('asks for the final amount in lowercase currency, with our idempotency key', async () => {
    const input = paymentInput();
    const created = await provider.createPayment(input);

    expect(created.providerPaymentId).toMatch(/^pi_/);
    expect(created.clientSecret).toMatch(new RegExp(`^${created.providerPaymentId}_secret_`));
    expect(created.status).toBe('requires_confirmation');
    const sent = lastCreate();
    expect(sent.params).toMatchObject({
      amount: '10825',
      currency: 'usd',
      allowed_payment_method_types: ['card', 'us_bank_account'],
      metadata: { payment_id: input.paymentId, business_id: 'biz_acme' },
    });
    expect(sent.idempotencyKey).toBe(input.idempotencyKey);
    expect(sent.stripeVersion).toBe(STRIPE_API_VERSION);
    expect(sent.clientUserAgent).toMatchObject({ application: { name: 'Pay Portal' } });
    expect(fake.api.intents.get(created.providerPaymentId)?.amount).toBe(10_825);
  });

  it('makes no Customer and asks no setup_future_usage when the card is not saved', async () => {
    const customersBefore = fake.api.customers.size;
    const created = await provider.createPayment(paymentInput());
    expect(lastCreate().params.customer).toBeUndefined();
    expect(lastCreate().params.setup_future_usage).toBeUndefined();
    expect(fake.api.customers.size).toBe(customersBefore);
    expect(created.providerCustomerId).toBeNull();
  });

  it('makes a Customer and asks setup_future_usage off_session when the card is saved', async () => {
    const input = paymentInput({ savePaymentMethod: true });
    const created = await provider.createPayment(input);

    const customerCall = fake.requestsTo('POST', '/v1/customers').at(-1)!;
    expect(customerCall.params).toMatchObject({
      name: 'Dana Diaz',
      email: 'dana@example.com',
      metadata: { customer_id: 'cus_dana' },
    });
    expect(customerCall.idempotencyKey).toBe(`${input.idempotencyKey}:customer`);
    expect(created.providerCustomerId).toMatch(/^cus_/);
    expect(lastCreate().params).toMatchObject({
      customer: created.providerCustomerId,
      setup_future_usage: 'off_session',
    });
  });

  it('reuses the Customer it is given instead of making another', async () => {
    const first = await provider.createPayment(paymentInput({ savePaymentMethod: true }));
    const customersBefore = fake.api.customers.size;
    const known = { ...paymentInput().customer, providerCustomerId: first.providerCustomerId! };
    await provider.createPayment(paymentInput({ savePaymentMethod: true, customer: known }));
    expect(fake.api.customers.size).toBe(customersBefore);
    expect(lastCreate().params.customer).toBe(first.providerCustomerId);
  });

  it('offers cards only where bank debits cannot pay (not US dollars)', async () => {
    await provider.createPayment(paymentInput({ currency: 'jpy', amount: 5_000 }));
    expect(lastCreate().params).toMatchObject({
      amount: '5000',
      currency: 'jpy',
      allowed_payment_method_types: ['card'],
    });
  });

  it('gets the same PaymentIntent back when a create is retried with the same key', async () => {
    const input = paymentInput();
    const first = await provider.createPayment(input);
    const again = await provider.createPayment(input);
    expect(again.providerPaymentId).toBe(first.providerPaymentId);
    expect(lastCreate().replayed).toBe(true);
    const other = await provider.createPayment({
      ...input,
      idempotencyKey: `${input.idempotencyKey}b`,
    });
    expect(other.providerPaymentId).not.toBe(first.providerPaymentId);
  });

  it('turns a request Stripe refuses into a 422 and not a crash', async () => {
    await expect(
      provider.createPayment(paymentInput({ amount: 100_000_000_000 })),
    ).rejects.toMatchObject({
      status: 422,
      code: 'provider_amount_too_large',
    });
  });
});

describe('reading a payment back', () => {
  it('reads status, amount, funding, brand and last4 from the charge', async () => {
    const created = await provider.createPayment(paymentInput());
    fake.api.confirm(created.providerPaymentId, { card: '4000056655665556' });
    const state = await provider.retrieve(created.providerPaymentId);
    expect(state).toMatchObject({
      status: 'succeeded',
      amount: 10_825,
      failure: null,
      details: { method: 'card', funding: 'debit', brand: 'visa', last4: '5556' },
    });
    expect(state.details?.paymentMethodId).toMatch(/^pm_/);
    const sent = fake.requestsTo('GET', `/v1/payment_intents/${created.providerPaymentId}`).at(-1)!;
    expect(sent.params.expand).toEqual(['latest_charge', 'payment_method']);
  });

  it('tells a decline and insufficient funds apart, in words for the customer', async () => {
    const declined = await provider.createPayment(paymentInput());
    fake.api.confirm(declined.providerPaymentId, { card: '4000000000000002' });
    expect(await provider.retrieve(declined.providerPaymentId)).toMatchObject({
      status: 'failed',
      failure: { code: 'generic_decline', message: 'Your card was declined.' },
    });
    const poor = await provider.createPayment(paymentInput());
    fake.api.confirm(poor.providerPaymentId, { card: '4000000000009995' });
    expect(await provider.retrieve(poor.providerPaymentId)).toMatchObject({
      status: 'failed',
      failure: { code: 'insufficient_funds' },
    });
  });

  it('shows a 3-D Secure step as requires_action, and a bank debit as processing', async () => {
    const secure = await provider.createPayment(paymentInput());
    fake.api.confirm(secure.providerPaymentId, { card: '4000002500003155' });
    expect((await provider.retrieve(secure.providerPaymentId)).status).toBe('requires_action');
    fake.api.completeAction(secure.providerPaymentId);
    expect((await provider.retrieve(secure.providerPaymentId)).status).toBe('succeeded');

    const bank = await provider.createPayment(paymentInput({ method: 'us_bank_account' }));
    fake.api.confirm(bank.providerPaymentId, { bankAccount: '000123456789' });
    expect(await provider.retrieve(bank.providerPaymentId)).toMatchObject({
      status: 'processing',
      details: { method: 'us_bank_account', funding: null, last4: '6789' },
    });
  });

  it('describes the card in a confirmation token before the amount is final', async () => {
    const token = fake.api.createConfirmationToken('5200828282828210');
    expect(await provider.describePaymentMethod(token.id)).toMatchObject({
      method: 'card',
      funding: 'debit',
      brand: 'mastercard',
      last4: '8210',
    });
    const prepaid = fake.api.createPaymentMethod({ card: '5105105105105100' });
    expect(await provider.describePaymentMethod(prepaid.id)).toMatchObject({
      funding: 'prepaid',
      paymentMethodId: prepaid.id,
    });
  });
});

describe('changing and refunding', () => {
  it('updates the amount before confirmation, with an idempotency key, and not after', async () => {
    const created = await provider.createPayment(paymentInput());
    await provider.updateAmount(created.providerPaymentId, 10_500, 'fee-change-1');
    expect(fake.api.intents.get(created.providerPaymentId)?.amount).toBe(10_500);
    const sent = fake
      .requestsTo('POST', `/v1/payment_intents/${created.providerPaymentId}`)
      .at(-1)!;
    expect(sent.idempotencyKey).toBe('fee-change-1');

    fake.api.confirm(created.providerPaymentId, { card: '4242424242424242' });
    await expect(
      provider.updateAmount(created.providerPaymentId, 9_000, 'fee-change-2'),
    ).rejects.toMatchObject({ status: 422, code: 'provider_payment_intent_unexpected_state' });
  });

  it('refunds in part and in full, with our key and refund id, never more than was paid', async () => {
    const created = await provider.createPayment(paymentInput({ amount: 5_000 }));
    fake.api.confirm(created.providerPaymentId, { card: '4242424242424242' });
    const part = await provider.refund({
      providerPaymentId: created.providerPaymentId,
      amount: 1_500,
      idempotencyKey: 're_one:refund',
      refundId: 're_one',
    });
    expect(part).toMatchObject({ status: 'succeeded' });
    expect(part.providerRefundId).toMatch(/^re_/);
    const sent = fake.requestsTo('POST', '/v1/refunds').at(-1)!;
    expect(sent.params).toMatchObject({
      payment_intent: created.providerPaymentId,
      amount: '1500',
      metadata: { refund_id: 're_one' },
    });
    expect(sent.idempotencyKey).toBe('re_one:refund');

    await expect(
      provider.refund({
        providerPaymentId: created.providerPaymentId,
        amount: 3_501,
        idempotencyKey: 're_two:refund',
        refundId: 're_two',
      }),
    ).rejects.toMatchObject({ status: 422, code: 'provider_amount_too_large' });
    await provider.refund({
      providerPaymentId: created.providerPaymentId,
      amount: 3_500,
      idempotencyKey: 're_three:refund',
      refundId: 're_three',
    });
    const charge = fake.api.charges.get(
      `${fake.api.intents.get(created.providerPaymentId)?.latest_charge}`,
    );
    expect(charge).toMatchObject({ amount_refunded: 5_000, refunded: true });
  });
});

describe('saved cards', () => {
  it('lists the card saved with a payment, and forgets it when asked', async () => {
    const created = await provider.createPayment(paymentInput({ savePaymentMethod: true }));
    fake.api.confirm(created.providerPaymentId, { card: '4242424242424242' });
    const customerId = created.providerCustomerId!;

    const saved = await provider.listSavedMethods(customerId);
    expect(saved).toEqual([
      {
        providerPaymentMethodId: expect.stringMatching(/^pm_/),
        brand: 'visa',
        last4: '4242',
        expMonth: 12,
        expYear: 2034,
      },
    ]);

    await provider.detachSavedMethod(saved[0]!.providerPaymentMethodId);
    expect(await provider.listSavedMethods(customerId)).toEqual([]);
    // Forgetting it twice (a double click, or removed in Stripe's dashboard) is not an error.
    await provider.detachSavedMethod(saved[0]!.providerPaymentMethodId);
  });

  it('does not save a card paid without ticking the box', async () => {
    const saving = await provider.createPayment(paymentInput({ savePaymentMethod: true }));
    const customer = { ...paymentInput().customer, providerCustomerId: saving.providerCustomerId! };
    const once = await provider.createPayment(paymentInput({ customer }));
    fake.api.confirm(once.providerPaymentId, { card: '5555555555554444' });
    expect(await provider.listSavedMethods(saving.providerCustomerId!)).toEqual([]);
  });

  it('pays again with a saved card', async () => {
    const first = await provider.createPayment(paymentInput({ savePaymentMethod: true }));
    fake.api.confirm(first.providerPaymentId, { card: '4242424242424242' });
    const [card] = await provider.listSavedMethods(first.providerCustomerId!);
    const customer = { ...paymentInput().customer, providerCustomerId: first.providerCustomerId! };
    await provider.createPayment(
      paymentInput({ customer, savedPaymentMethodId: card!.providerPaymentMethodId }),
    );
    expect(lastCreate().params).toMatchObject({
      customer: first.providerCustomerId,
      payment_method: card!.providerPaymentMethodId,
    });
    expect(lastCreate().params.setup_future_usage).toBeUndefined();
  });
});
