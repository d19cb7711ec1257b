/**
 * Stripe's "finalize payments on the server" flow (issue 10): the browser sends the
 * ConfirmationToken Stripe.js made to `POST …/payments/:id/confirm`; the server reads the card's
 * funding from the token's preview, fixes the fee, and confirms the PaymentIntent with that very
 * token through the real `stripe` SDK against the Stripe stand-in. The card previewed is the card
 * charged; a 3-D Secure card answers `requires_action` for Stripe.js; a decline is Stripe's 402,
 * shown as a failed payment that another card can pay; each attempt has its own key.
 */
import { describe, expect, it } from 'vitest';
import { listSavedPaymentMethods } from '../../server/payments/saved-methods.ts';
import { testStores } from '../support/databases.ts';
import { balanceOf, createInvoice, poolBusiness } from '../support/fixtures.ts';
import { answer } from '../support/harness.ts';
import { intentOf, startPayment, tellWebhook, useStripeHarness } from './support.ts';

const CREDIT = '4242424242424242';
const DEBIT = '4000056655665556';
const THREE_D_SECURE = '4000002500003155';
const DECLINED = '4000000000000002';
const RETURN_URL = 'https://pay.example.test/p/back';

describe.each(testStores)('confirming on the server with a ConfirmationToken on $name', (store) => {
  const stripe = useStripeHarness(store, 'confirm');
  const { h } = stripe;

  /** Dana owes a 100.00 invoice to a business with a 3 % + 30¢ card fee: 103.30 by credit card. */
  async function started(extra: Record<string, unknown> = {}) {
    const staff = await poolBusiness(h);
    return { staff, ...(await startPayment(h, staff, extra)) };
  }

  async function confirm(token: string, paymentId: string, body: Record<string, unknown>) {
    return answer(
      await h.request(`/v1/portal/${token}/payments/${paymentId}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ return_url: RETURN_URL, ...body }),
      }),
    );
  }

  const confirmsOf = (intentId: string) =>
    stripe.fake.requestsTo('POST', `/v1/payment_intents/${intentId}/confirm`);

  async function postedFor(paymentId: string) {
    const rows = await h.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount'])
      .where('payment_id', '=', paymentId)
      .execute();
    return rows.filter((row) => row.kind === 'payment').reduce((t, r) => t - Number(r.amount), 0);
  }

  it('confirms the PaymentIntent with the token the browser sent, and records it once', async () => {
    const { staff, dana, token, payment, intentId } = await started();
    const collected = stripe.fake.api.createConfirmationToken(CREDIT);
    const confirmed = await confirm(token, payment.id, { confirmation_token: collected.id });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'succeeded',
      amount: 10_330,
      fee: 330,
      funding: 'credit',
      card: { brand: 'visa', last4: '4242' },
      next_action: null,
    });
    const [sent] = confirmsOf(intentId);
    expect(sent!.params).toEqual({ confirmation_token: collected.id, return_url: RETURN_URL });
    expect(sent!.idempotencyKey).toBe(`${payment.id}:confirm:1`);
    expect(stripe.fake.api.intents.get(intentId)).toMatchObject({
      status: 'succeeded',
      amount_received: 10_330,
    });
    expect(await postedFor(payment.id)).toBe(10_330);
    // Stripe's webhook for the same success arrives later: nothing more is posted.
    await tellWebhook(stripe, 'payment_intent.succeeded', stripe.fake.api.intents.get(intentId));
    expect(await postedFor(payment.id)).toBe(10_330);
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a debit card: 409 fee_changed before Stripe is asked; accepted, Stripe charges 100.00', async () => {
    const { staff, dana, token, payment, intentId } = await started();
    const first = stripe.fake.api.createConfirmationToken(DEBIT);
    const refused = await confirm(token, payment.id, { confirmation_token: first.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'fee_changed',
      param: 'accept_total',
      payment: { amount: 10_000, fee: 0, funding: 'debit' },
    });
    expect(confirmsOf(intentId)).toHaveLength(0);
    expect(stripe.fake.api.intents.get(intentId)?.status).toBe('requires_payment_method');

    const again = stripe.fake.api.createConfirmationToken(DEBIT);
    const paid = await confirm(token, payment.id, {
      confirmation_token: again.id,
      accept_total: 10_000,
    });
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 10_000, fee: 0 });
    // The amount was brought to the total before the confirmation, each with its own key.
    const keys = stripe.fake.requests
      .filter((r) => r.path.startsWith(`/v1/payment_intents/${intentId}`) && r.method === 'POST')
      .map((r) => r.idempotencyKey);
    expect(keys).toEqual([`${payment.id}:change:1`, `${payment.id}:confirm:2`]);
    expect(stripe.fake.api.intents.get(intentId)?.amount_received).toBe(10_000);
    expect(await postedFor(payment.id)).toBe(10_000);
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a total accepted that is not the one the card makes is refused, and nothing is charged', async () => {
    const { token, payment, intentId } = await started();
    const card = stripe.fake.api.createConfirmationToken(CREDIT);
    const refused = await confirm(token, payment.id, {
      confirmation_token: card.id,
      accept_total: 10_000,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'fee_changed', payment: { amount: 10_330 } });
    expect(confirmsOf(intentId)).toHaveLength(0);
  });

  it('3-D Secure: requires_action with use_stripe_sdk; once the bank says yes, it is paid', async () => {
    const { token, browser, payment, intentId } = await started();
    const card = stripe.fake.api.createConfirmationToken(THREE_D_SECURE);
    const asked = await confirm(token, payment.id, { confirmation_token: card.id });
    expect(asked.body).toMatchObject({
      status: 'requires_action',
      next_action: { type: 'use_stripe_sdk' },
    });
    expect(stripe.fake.api.intents.get(intentId)?.next_action?.type).toBe('use_stripe_sdk');
    expect(await postedFor(payment.id)).toBe(0);
    // Stripe.js's handleNextAction: the customer passes the bank's step.
    stripe.fake.api.completeAction(intentId, true);
    expect((await browser.payment(payment.id)).body).toMatchObject({ status: 'succeeded' });
    expect(await postedFor(payment.id)).toBe(10_330);
  });

  it("a decline is Stripe's 402: the payment says why, and another card pays it", async () => {
    const { staff, dana, token, payment, intentId } = await started();
    const declined = stripe.fake.api.createConfirmationToken(DECLINED);
    const failed = await confirm(token, payment.id, { confirmation_token: declined.id });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      status: 'failed',
      failure: { code: 'generic_decline', message: 'Your card was declined.' },
    });
    expect(confirmsOf(intentId)[0]!.status).toBe(402);
    expect(await balanceOf(staff, dana.id)).toBe(10_000);

    const good = stripe.fake.api.createConfirmationToken(CREDIT);
    const paid = await confirm(token, payment.id, { confirmation_token: good.id });
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 10_330 });
    expect(confirmsOf(intentId).map((r) => r.idempotencyKey)).toEqual([
      `${payment.id}:confirm:1`,
      `${payment.id}:confirm:2`,
    ]);
    expect(await postedFor(payment.id)).toBe(10_330);
  });

  it('a saved card is confirmed without a token, at the fee its funding makes', async () => {
    const staff = await poolBusiness(h);
    const first = await startPayment(h, staff, { save_payment_method: true });
    const debit = stripe.fake.api.createConfirmationToken(DEBIT);
    await confirm(first.token, first.payment.id, {
      confirmation_token: debit.id,
      accept_total: 10_000,
    });
    const [card] = await listSavedPaymentMethods(h.db, first.dana.id, 'stripe');
    expect(card).toMatchObject({ last4: '5556' });
    const next = await createInvoice(staff, first.dana.id, 5_000);
    const again = await first.browser.create({
      invoices: [{ id: next.id, amount: 5_000 }],
      method: 'card',
      payment_method: card!.id,
    });
    const paid = await confirm(first.token, again.body.id, {});
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 5_000, fee: 0 });
    const [sent] = confirmsOf(intentOf(again.body));
    expect(sent!.params).toEqual({ return_url: RETURN_URL, use_stripe_sdk: 'true' });
    expect(await balanceOf(staff, first.dana.id)).toBe(0);
  });

  it('refuses what it cannot confirm, and changes nothing', async () => {
    const { token, payment, intentId } = await started();
    const card = stripe.fake.api.createConfirmationToken(CREDIT);
    const elsewhere = await confirm(token, payment.id, {
      confirmation_token: card.id,
      return_url: 'https://evil.example/steal',
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error).toMatchObject({
      code: 'return_url_not_allowed',
      param: 'return_url',
    });
    const noToken = await confirm(token, payment.id, {});
    expect(noToken.status).toBe(422);
    expect(noToken.body.error).toMatchObject({
      code: 'parameter_missing',
      param: 'confirmation_token',
    });
    const unknown = await confirm(token, payment.id, { confirmation_token: 'ctoken_nothing' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'provider_resource_missing' });
    const malformed = await confirm(token, payment.id, { confirmation_token: 'pm_123' });
    expect(malformed.status).toBe(400);
    expect(confirmsOf(intentId)).toHaveLength(0);
    const paid = await confirm(token, payment.id, { confirmation_token: card.id });
    expect(paid.body).toMatchObject({ status: 'succeeded' });
    // Paid: a second confirmation is refused by us, before Stripe.
    const twice = await confirm(token, payment.id, { confirmation_token: card.id });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'payment_already_succeeded' });
    expect(confirmsOf(intentId)).toHaveLength(1);
  });

  it('an answer lost after Stripe confirmed: the server reads Stripe and shows it paid, once', async () => {
    const { token, payment, intentId } = await started();
    const card = stripe.fake.api.createConfirmationToken(CREDIT);
    stripe.fake.lostAnswers.add(`POST /v1/payment_intents/${intentId}/confirm`);
    const confirmed = await confirm(token, payment.id, { confirmation_token: card.id });
    stripe.fake.lostAnswers.clear();
    expect(confirmed.body).toMatchObject({ status: 'succeeded', amount: 10_330 });
    expect(stripe.fake.api.intents.get(intentId)?.amount_received).toBe(10_330);
    expect(await postedFor(payment.id)).toBe(10_330);
  });
});
