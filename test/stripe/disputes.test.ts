/**
 * Disputes (issue 10): Stripe's charge.dispute.* events reach the ledger as entries of their own
 * (funds withdrawn: the customer owes the payment again; reinstated: no more), the payment shows
 * its dispute to staff, and the business is told when it opens and when it closes. Each posted
 * once, however often Stripe delivers.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { balanceOf, brandedBusiness } from '../support/fixtures.ts';
import { startPayment, tellWebhook, useStripeHarness } from './support.ts';

describe.each(testStores)('disputes from Stripe on $name', (store) => {
  const stripe = useStripeHarness(store, 'disputes');
  const { h } = stripe;

  it('withdrawn, then reinstated and won: the ledger follows, staff see it, the business is told', async () => {
    const staff = await brandedBusiness(h);
    const { dana, payment, intentId } = await startPayment(h, staff);
    await tellWebhook(
      stripe,
      'payment_intent.succeeded',
      stripe.fake.api.confirm(intentId, { card: '4242424242424242' }),
    );
    expect(await balanceOf(staff, dana.id)).toBe(0);
    const shown = async () => (await staff.get(`/v1/payments/${payment.id}`)).body.dispute;
    const notices = async () => (await staff.get('/v1/outbox?kind=dispute')).body.data;

    const opened = stripe.fake.api.openDispute(intentId, 'fraudulent');
    expect((await tellWebhook(stripe, 'charge.dispute.created', opened)).body.outcomes).toEqual([
      'applied',
    ]);
    expect(await shown()).toMatchObject({
      status: 'needs_response',
      reason: 'fraudulent',
      amount: 10_000,
      funds_withdrawn: false,
    });
    expect(await notices()).toEqual([
      expect.objectContaining({ to: 'office@bluelagoon.test', kind: 'dispute' }),
    ]);
    expect(await balanceOf(staff, dana.id)).toBe(0);

    const withdrawn = stripe.fake.api.moveDispute(opened.id, 'funds_withdrawn');
    for (let delivery = 0; delivery < 2; delivery += 1) {
      await tellWebhook(stripe, 'charge.dispute.funds_withdrawn', withdrawn);
    }
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    expect(await shown()).toMatchObject({ status: 'under_review', funds_withdrawn: true });

    const reinstated = stripe.fake.api.moveDispute(opened.id, 'funds_reinstated');
    await tellWebhook(stripe, 'charge.dispute.funds_reinstated', reinstated);
    expect(await balanceOf(staff, dana.id)).toBe(0);
    const won = stripe.fake.api.moveDispute(opened.id, 'won');
    await tellWebhook(stripe, 'charge.dispute.closed', won);
    expect(await shown()).toMatchObject({ status: 'won', funds_withdrawn: false });
    expect(await notices()).toHaveLength(2);

    const entries = await h.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount', 'description'])
      .where('payment_id', '=', payment.id)
      .where('kind', '=', 'adjustment')
      .execute();
    expect(entries.map((entry) => Number(entry.amount))).toEqual([10_000, -10_000]);
  });

  it('a dispute lost keeps the funds withdrawn: the customer owes the payment again', async () => {
    const staff = await brandedBusiness(h);
    const { dana, intentId } = await startPayment(h, staff);
    await tellWebhook(
      stripe,
      'payment_intent.succeeded',
      stripe.fake.api.confirm(intentId, { card: '4242424242424242' }),
    );
    const opened = stripe.fake.api.openDispute(intentId, 'product_not_received');
    await tellWebhook(stripe, 'charge.dispute.created', opened);
    await tellWebhook(
      stripe,
      'charge.dispute.funds_withdrawn',
      stripe.fake.api.moveDispute(opened.id, 'funds_withdrawn'),
    );
    await tellWebhook(
      stripe,
      'charge.dispute.closed',
      stripe.fake.api.moveDispute(opened.id, 'lost'),
    );
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
  });
});
