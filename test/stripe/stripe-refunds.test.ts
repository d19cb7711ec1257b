/**
 * Refunds that Stripe reports as succeeded and later as failed (issue 10, defect 2): the card was
 * closed, the money went back to the business, so the ledger takes the refund back by entries of
 * its own, the refund shows `failed`, and the business is told.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { balanceOf, brandedBusiness } from '../support/fixtures.ts';
import { startPayment, tellWebhook, useStripeHarness } from './support.ts';

describe.each(testStores)('a Stripe refund that fails after it succeeded on $name', (store) => {
  const stripe = useStripeHarness(store, 'refunds');
  const { h } = stripe;

  it('reverses the refund in the ledger, marks it failed and tells the business, once', async () => {
    const staff = await brandedBusiness(h);
    const { dana, invoice, payment, intentId } = await startPayment(h, staff);
    // Stripe's test card whose refunds succeed, then fail (expired_or_canceled_card).
    const paid = stripe.fake.api.confirm(intentId, { card: '4000000000005126' });
    await tellWebhook(stripe, 'payment_intent.succeeded', paid);
    expect(await balanceOf(staff, dana.id)).toBe(0);

    const refunded = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 4_000 });
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    expect(refunded.body.status).toBe('succeeded');
    expect(await balanceOf(staff, dana.id)).toBe(4_000);
    const entriesBefore = await h.db
      .selectFrom('ledger_entries')
      .select('id')
      .where('payment_id', '=', payment.id)
      .execute();

    const [atStripe] = [...stripe.fake.api.refunds.values()].filter(
      (refund) => refund.payment_intent === intentId,
    );
    const failed = stripe.fake.api.failRefund(atStripe!.id);
    const told = await tellWebhook(stripe, 'refund.failed', failed);
    expect(told.body.outcomes).toEqual(['applied']);

    expect(await balanceOf(staff, dana.id)).toBe(0);
    const shown = (await staff.get(`/v1/payments/${payment.id}`)).body;
    expect(shown.refunds).toEqual([expect.objectContaining({ amount: 4_000, status: 'failed' })]);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('paid');
    const entriesAfter = await h.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount'])
      .where('payment_id', '=', payment.id)
      .execute();
    expect(entriesAfter.length).toBeGreaterThan(entriesBefore.length);
    const notices = (await staff.get('/v1/outbox?kind=refund_failed')).body.data;
    expect(notices).toEqual([
      expect.objectContaining({ to: 'office@bluelagoon.test', kind: 'refund_failed' }),
    ]);
    expect(notices[0].subject).toContain('$40.00');

    // Told again (refund.updated with the same status): nothing more.
    const again = await tellWebhook(stripe, 'refund.updated', failed);
    expect(again.body.outcomes).toEqual(['ignored']);
    expect(await balanceOf(staff, dana.id)).toBe(0);
    expect((await staff.get('/v1/outbox?kind=refund_failed')).body.data).toHaveLength(1);

    // What is left to refund counts the failed refund as never given.
    const whole = await staff.post(`/v1/payments/${payment.id}/refunds`, {});
    expect(whole.body).toMatchObject({ amount: 10_000, status: 'succeeded' });
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
  });

  it('a refund whose answer is lost is looked up at Stripe, not reported as nothing refunded', async () => {
    const staff = await brandedBusiness(h);
    const { dana, payment, intentId } = await startPayment(h, staff);
    const paid = stripe.fake.api.confirm(intentId, { card: '4242424242424242' });
    await tellWebhook(stripe, 'payment_intent.succeeded', paid);

    stripe.fake.lostAnswers.add('POST /v1/refunds');
    let refunded: Awaited<ReturnType<typeof staff.post>>;
    try {
      refunded = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 2_500 });
    } finally {
      stripe.fake.lostAnswers.clear();
    }
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    expect(refunded.body).toMatchObject({ amount: 2_500, status: 'succeeded' });
    const atStripe = [...stripe.fake.api.refunds.values()].filter(
      (refund) => refund.payment_intent === intentId,
    );
    expect(atStripe).toHaveLength(1);
    expect(atStripe[0]!.metadata).toEqual({ refund_id: refunded.body.id });
    expect(await balanceOf(staff, dana.id)).toBe(2_500);
    // Stripe's event that follows changes nothing.
    const charge = stripe.fake.api.charges.get(`${paid.latest_charge}`)!;
    expect((await tellWebhook(stripe, 'charge.refunded', charge)).body.outcomes).toEqual([
      'ignored',
    ]);
    expect(await balanceOf(staff, dana.id)).toBe(2_500);
  });
});
