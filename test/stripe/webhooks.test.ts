/**
 * POST /webhooks/stripe end to end: a payment started through the portal with the Stripe provider
 * (the real SDK against the fake Stripe server), paid by "Stripe.js" (the fake), and told to us by
 * events signed with the SDK's own test-header helper.
 */
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { balanceOf } from '../support/fixtures.ts';
import { answer, type Harness, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { startPayment, useStripeHarness } from './support.ts';

/** The signing secret useStripeHarness gives the 'webhooks' suite's app. */
const SECRET = 'whsec_test_webhooks';

function sign(payload: string, options: { secret?: string; timestamp?: number } = {}) {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? SECRET,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
}

async function deliver(h: Harness, payload: string, signature: string | null) {
  return answer(
    await h.request('/webhooks/stripe', {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(signature ? { 'stripe-signature': signature } : {}),
      },
      body: payload,
    }),
  );
}

describe.each(testStores)('Stripe webhooks on $name', (store) => {
  const stripe = useStripeHarness(store, 'webhooks');
  const { h } = stripe;

  /** A customer owing one 100.00 invoice, and a Stripe payment of it started in the portal. */
  async function startedPayment() {
    const staff = await h.business({ name: 'Blue Lagoon Pools' });
    const started = await startPayment(h, staff);
    expect(started.payment.client_secret).toMatch(/^pi_.+_secret_/);
    return { staff, ...started, paymentId: started.payment.id as string };
  }

  const ledgerRows = (paymentId: string) =>
    h.db.selectFrom('ledger_entries').selectAll().where('payment_id', '=', paymentId).execute();

  it('records a succeeded payment once, however many times Stripe delivers the event', async () => {
    const { staff, dana, paymentId, intentId } = await startedPayment();
    const intent = stripe.fake.api.confirm(intentId, { card: '4242424242424242' });
    const payload = JSON.stringify(stripe.fake.event('payment_intent.succeeded', intent), null, 2);

    const outcomes = [];
    const reads = () => stripe.fake.requestsTo('GET', `/v1/payment_intents/${intentId}`).length;
    const readsBefore = reads();
    for (let delivery = 0; delivery < 3; delivery += 1) {
      const delivered = await deliver(h, payload, sign(payload));
      expect(delivered.status).toBe(200);
      outcomes.push(delivered.body.outcomes);
    }
    expect(outcomes).toEqual([['applied'], ['duplicate'], ['duplicate']]);
    // Told again, it is known before Stripe is asked for anything (issue 10): one read in all.
    expect(reads() - readsBefore).toBe(1);

    expect(await balanceOf(staff, dana.id)).toBe(0);
    const payment = (await staff.get(`/v1/payments/${paymentId}`)).body;
    expect(payment).toMatchObject({
      status: 'succeeded',
      amount: 10_000,
      provider: 'stripe',
      funding: 'credit',
      card: { brand: 'visa', last4: '4242' },
      receipt_number: 'R-000001',
    });
    const rows = await ledgerRows(paymentId);
    expect(rows.filter((row) => row.kind === 'payment')).toHaveLength(1);
    expect(rows.reduce((sum, row) => sum + Number(row.amount), 0)).toBe(-10_000);
  });

  it('refuses a wrong secret, an altered body, a stale or missing signature, and records nothing', async () => {
    const { staff, dana, paymentId, intentId } = await startedPayment();
    const intent = stripe.fake.api.confirm(intentId, { card: '4242424242424242' });
    const payload = JSON.stringify(stripe.fake.event('payment_intent.succeeded', intent));
    const altered = payload.replace('"amount_received":10000', '"amount_received":1');
    expect(altered).not.toBe(payload);
    const now = Math.floor(Date.now() / 1000);

    const refused = [
      await deliver(h, payload, sign(payload, { secret: 'whsec_someone_else' })),
      await deliver(h, altered, sign(payload)),
      await deliver(h, payload, sign(payload, { timestamp: now - 301 })),
      await deliver(h, payload, null),
    ];
    for (const response of refused) {
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({
        type: 'invalid_request_error',
        param: 'Stripe-Signature',
      });
    }
    expect(refused.map((response) => response.body.error.code)).toEqual([
      'signature_invalid',
      'signature_invalid',
      'signature_invalid',
      'signature_missing',
    ]);
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    expect((await staff.get(`/v1/payments/${paymentId}`)).body.status).not.toBe('succeeded');
    expect(await ledgerRows(paymentId)).toEqual([]);
    const seen = await h.db
      .selectFrom('provider_events')
      .select('id')
      .where('payment_id', '=', paymentId)
      .execute();
    expect(seen).toEqual([]);

    // Within the 300-second tolerance the same event is taken.
    const late = await deliver(h, payload, sign(payload, { timestamp: now - 200 }));
    expect(late.body.outcomes).toEqual(['applied']);
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('tells a decline to the payment, in the customer’s words, and leaves the balance', async () => {
    const { staff, dana, paymentId, intentId, token } = await startedPayment();
    const intent = stripe.fake.api.confirm(intentId, { card: '4000000000009995' });
    const payload = JSON.stringify(stripe.fake.event('payment_intent.payment_failed', intent));
    expect((await deliver(h, payload, sign(payload))).body.outcomes).toEqual(['applied']);

    const shown = await openPortal(h, token).payment(paymentId);
    expect(shown.body).toMatchObject({
      status: 'failed',
      failure: { code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
    });
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    expect(await ledgerRows(paymentId)).toEqual([]);
  });

  it('moves a payment to requires_action, then records it when the bank step succeeds', async () => {
    const { staff, dana, paymentId, intentId, token } = await startedPayment();
    const waiting = stripe.fake.api.confirm(intentId, { card: '4000002500003155' });
    const step = JSON.stringify(stripe.fake.event('payment_intent.requires_action', waiting));
    expect((await deliver(h, step, sign(step))).body.outcomes).toEqual(['applied']);
    expect((await openPortal(h, token).payment(paymentId)).body.status).toBe('requires_action');

    const paid = JSON.stringify(
      stripe.fake.event('payment_intent.succeeded', stripe.fake.api.completeAction(intentId)),
    );
    expect((await deliver(h, paid, sign(paid))).body.outcomes).toEqual(['applied']);
    expect(await balanceOf(staff, dana.id)).toBe(0);
    // A late copy of the earlier step does not move a finished payment back.
    const again = JSON.stringify({ ...JSON.parse(step), id: `${JSON.parse(step).id}_late` });
    expect((await deliver(h, again, sign(again))).body.outcomes).toEqual(['ignored']);
    expect((await openPortal(h, token).payment(paymentId)).body.status).toBe('succeeded');
  });

  it('posts a refund once, whether it was made by staff here or in Stripe’s dashboard', async () => {
    const { staff, dana, paymentId, intentId } = await startedPayment();
    const intent = stripe.fake.api.confirm(intentId, { card: '4242424242424242' });
    const paid = JSON.stringify(stripe.fake.event('payment_intent.succeeded', intent));
    await deliver(h, paid, sign(paid));

    const ours = await staff.post(`/v1/payments/${paymentId}/refunds`, { amount: 2_500 });
    expect(ours.status, JSON.stringify(ours.body)).toBe(200);
    expect(ours.body.status).toBe('succeeded');
    expect(await balanceOf(staff, dana.id)).toBe(2_500);

    // Stripe tells of it as well, then of a second refund made in its dashboard.
    const charge = stripe.fake.api.charges.get(`${intent.latest_charge}`)!;
    const first = JSON.stringify(stripe.fake.event('charge.refunded', charge));
    expect((await deliver(h, first, sign(first))).body.outcomes).toEqual(['ignored']);
    expect(await balanceOf(staff, dana.id)).toBe(2_500);

    const dashboard = await new Stripe('sk_test_dashboard', {
      host: '127.0.0.1',
      port: new URL(stripe.fake.url).port,
      protocol: 'http',
    }).refunds.create({ payment_intent: intentId, amount: 1_000 });
    const second = JSON.stringify(stripe.fake.event('charge.refunded', charge));
    expect((await deliver(h, second, sign(second))).body.outcomes).toEqual(['ignored', 'applied']);
    expect(await balanceOf(staff, dana.id)).toBe(3_500);
    const refunds = (await staff.get(`/v1/payments/${paymentId}`)).body.refunds;
    expect(refunds.map((refund: { amount: number }) => refund.amount).sort()).toEqual([
      1_000, 2_500,
    ]);
    expect(dashboard.id).toMatch(/^re_/);
    // The dashboard refund told again (refund.updated) is not posted twice.
    const updated = JSON.stringify(stripe.fake.event('refund.updated', dashboard));
    expect((await deliver(h, updated, sign(updated))).body.outcomes).toEqual(['ignored']);
    expect(await balanceOf(staff, dana.id)).toBe(3_500);
  });

  it('acknowledges events it does not act on', async () => {
    const payload = JSON.stringify(
      stripe.fake.event('customer.created', { id: 'cus_x', object: 'customer' }),
    );
    const delivered = await deliver(h, payload, sign(payload));
    expect(delivered.status).toBe(200);
    expect(delivered.body).toEqual({ received: true, outcomes: [] });
  });
});

describe.each(testStores)('Stripe webhooks without a signing secret on $name', (store) => {
  const h = useHarness(store);

  it('answers 404 and takes nothing when Stripe is not set up', async () => {
    const payload = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type: 'payment_intent.succeeded',
    });
    const delivered = await deliver(h, payload, sign(payload));
    expect(delivered.status).toBe(404);
    expect(delivered.body.error.code).toBe('webhooks_not_configured');
  });
});
