/**
 * The card fee follows the card that is charged (issue 10, defects 1 and 3): what Stripe is asked
 * to charge equals the total the customer is shown, whichever cards the customer tries in turn,
 * and whether the card is new or saved.
 */
import { describe, expect, it } from 'vitest';
import { listSavedPaymentMethods } from '../../server/payments/saved-methods.ts';
import { testStores } from '../support/databases.ts';
import { balanceOf, createInvoice, poolBusiness } from '../support/fixtures.ts';
import { collectCard, intentOf, startPayment, tellWebhook, useStripeHarness } from './support.ts';

const DEBIT = '4000056655665556';
const CREDIT = '4242424242424242';

describe.each(testStores)('the card fee at Stripe on $name', (store) => {
  const stripe = useStripeHarness(store, 'fees');
  const { h } = stripe;

  it('debit, then credit, then debit again: Stripe holds the total shown each time', async () => {
    const staff = await poolBusiness(h);
    const { dana, token, payment, intentId } = await startPayment(h, staff);
    const shown: number[] = [];
    const held: number[] = [];
    let last = '';
    for (const card of [DEBIT, CREDIT, DEBIT]) {
      last = stripe.fake.api.createConfirmationToken(card).id;
      const fixed = await collectCard(h, token, payment.id, last);
      expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
      shown.push(fixed.body.amount);
      held.push(stripe.fake.api.intents.get(intentId)!.amount);
    }
    expect(shown).toEqual([10_000, 10_330, 10_000]);
    expect(held).toEqual(shown);
    const keys = stripe.fake
      .requestsTo('POST', `/v1/payment_intents/${intentId}`)
      .map((request) => request.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);

    const paid = stripe.fake.api.confirm(intentId, { confirmationToken: last });
    expect(paid.amount_received).toBe(10_000);
    await tellWebhook(stripe, 'payment_intent.succeeded', paid);
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a saved debit card pays later without the credit-card fee, at Stripe as on screen', async () => {
    const staff = await poolBusiness(h);
    const first = await startPayment(h, staff, { save_payment_method: true });
    const collected = stripe.fake.api.createConfirmationToken(DEBIT).id;
    expect((await collectCard(h, first.token, first.payment.id, collected)).body.fee).toBe(0);
    const paid = stripe.fake.api.confirm(first.intentId, { confirmationToken: collected });
    await tellWebhook(stripe, 'payment_intent.succeeded', paid);
    const [card] = await listSavedPaymentMethods(h.db, first.dana.id, 'stripe');
    expect(card).toMatchObject({ last4: '5556' });

    const next = await createInvoice(staff, first.dana.id, 5_000);
    const again = await first.browser.create({
      invoices: [{ id: next.id, amount: 5_000 }],
      method: 'card',
      payment_method: card!.id,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ amount: 5_000, fee: 0 });
    const intent = stripe.fake.api.intents.get(intentOf(again.body))!;
    expect(intent.amount).toBe(5_000);
    const charged = stripe.fake.api.confirm(intent.id, {
      paymentMethod: `${intent.payment_method}`,
    });
    expect(charged.amount_received).toBe(5_000);
    await tellWebhook(stripe, 'payment_intent.succeeded', charged);
    expect(await balanceOf(staff, first.dana.id)).toBe(0);
  });
});
