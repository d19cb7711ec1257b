/**
 * PayPal's webhooks and the crashes between PayPal and our books: each delivery verified with
 * PayPal's verify-webhook-signature call (a wrong webhook id, an altered body or a missing header
 * is refused and changes nothing); PAYMENT.CAPTURE.COMPLETED for a PENDING capture recorded once
 * however often it comes, and a DENIED after it ignored; refunds made in PayPal's dashboard and
 * reversals posted once; a capture whose answer was lost, and a process that died after PayPal
 * captured, reconciled to one posting.
 */
import { describe, expect, it } from 'vitest';
import { providerNamed } from '../../server/payments/providers.ts';
import { reconcilePayments } from '../../server/payments/reconcile.ts';
import { testStores } from '../support/databases.ts';
import { balanceOf } from '../support/fixtures.ts';
import {
  approveAndCapture,
  capture,
  ledgerOf,
  type PayPalWorld,
  paypalBusiness,
  startPayPalPayment,
  tellPayPal,
  usePayPalHarness,
} from './support.ts';

function captureOf(world: PayPalWorld, paymentId: string) {
  return [...world.fake.api.captures.values()].find((c) => c.custom_id === paymentId)!;
}

describe.each(testStores)('PayPal webhooks and reconciliation on $name', (store) => {
  const world = usePayPalHarness(store, 'events');
  const { h } = world;

  it('a PENDING capture is processing; COMPLETED, delivered three times, posts it once', async () => {
    const staff = await paypalBusiness(h);
    const { dana, token, payment, browser } = await startPayPalPayment(h, staff);
    const pending = await approveAndCapture(world, token, payment, 'pending');
    expect(pending.body.status).toBe('processing');
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    const held = world.fake.api.settleCapture(captureOf(world, payment.id).id, 'COMPLETED');
    const resource = world.fake.api.captureView(held) as Record<string, unknown>;
    const first = await tellPayPal(world, 'PAYMENT.CAPTURE.COMPLETED', resource);
    expect(first.body).toEqual({ received: true, outcomes: ['applied'] });
    // The same event delivered again (PayPal retries what it thinks failed): a duplicate, each time.
    const { body, headers } = world.fake.webhook(
      'PAYMENT.CAPTURE.COMPLETED',
      resource,
      world.webhookId,
    );
    const deliver = async () =>
      (
        await h.request('/webhooks/paypal', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        })
      ).json();
    expect(await deliver()).toEqual({ received: true, outcomes: ['ignored'] });
    expect(await deliver()).toEqual({ received: true, outcomes: ['duplicate'] });
    expect(await deliver()).toEqual({ received: true, outcomes: ['duplicate'] });
    expect(await ledgerOf(h, payment.id)).toEqual({ paid: 10_210, tip: 0, fee: 210, refunded: 0 });
    expect((await browser.payment(payment.id)).body.status).toBe('succeeded');
    // Out of order: a DENIED for the same capture after its success changes nothing.
    const late = await tellPayPal(world, 'PAYMENT.CAPTURE.DENIED', {
      ...resource,
      status: 'DECLINED',
    });
    expect(late.body.outcomes).toEqual(['ignored']);
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a PENDING capture PayPal denies fails the payment and frees what it held', async () => {
    const staff = await paypalBusiness(h);
    const { dana, token, payment, browser } = await startPayPalPayment(h, staff);
    await approveAndCapture(world, token, payment, 'pending');
    const denied = world.fake.api.settleCapture(captureOf(world, payment.id).id, 'DECLINED');
    const told = await tellPayPal(
      world,
      'PAYMENT.CAPTURE.DENIED',
      world.fake.api.captureView(denied) as Record<string, unknown>,
    );
    expect(told.body.outcomes).toEqual(['applied']);
    expect((await browser.payment(payment.id)).body).toMatchObject({ status: 'failed' });
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    const holds = await h.db
      .selectFrom('payment_holds')
      .where('payment_id', '=', payment.id)
      .selectAll()
      .execute();
    expect(holds).toEqual([]);
  });

  it('refuses a delivery PayPal does not verify, and one without its headers; nothing moves', async () => {
    const staff = await paypalBusiness(h);
    const { dana, token, payment } = await startPayPalPayment(h, staff);
    await approveAndCapture(world, token, payment, 'pending');
    const resource = {
      ...(world.fake.api.captureView(captureOf(world, payment.id)) as Record<string, unknown>),
      status: 'COMPLETED',
    };
    const otherHook = await tellPayPal(
      world,
      'PAYMENT.CAPTURE.COMPLETED',
      resource,
      'WH0SOMEONEELSE',
    );
    expect(otherHook.status).toBe(400);
    expect(otherHook.body.error.code).toBe('signature_invalid');
    const { body, headers } = world.fake.webhook(
      'PAYMENT.CAPTURE.COMPLETED',
      resource,
      world.webhookId,
    );
    const altered = await h.request('/webhooks/paypal', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: body.replace('"102.10"', '"1.00"'),
    });
    expect(altered.status).toBe(400);
    const bare = await h.request('/webhooks/paypal', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe(
      'signature_missing',
    );
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    const verifyCalls = world.fake.requestsTo('POST', '/v1/notifications/verify-webhook-signature');
    expect(verifyCalls.at(-1)!.body).toMatchObject({
      auth_algo: 'SHA256withRSA',
      webhook_id: world.webhookId,
      transmission_id: headers['paypal-transmission-id'],
    });
  });

  it('a refund made in PayPal, and a reversal, are posted once each, however often told', async () => {
    const staff = await paypalBusiness(h);
    const { dana, token, payment } = await startPayPalPayment(h, staff);
    await approveAndCapture(world, token, payment);
    const captured = captureOf(world, payment.id);
    const refund = {
      id: '1JU08902781691411',
      status: 'COMPLETED',
      amount: { currency_code: 'USD', value: '20.00' },
      links: [
        { href: `${world.fake.url}/v2/payments/captures/${captured.id}`, rel: 'up', method: 'GET' },
      ],
    };
    const told = await tellPayPal(world, 'PAYMENT.CAPTURE.REFUNDED', refund);
    expect(told.body.outcomes).toEqual(['applied']);
    const toldAgain = await tellPayPal(world, 'PAYMENT.CAPTURE.REFUNDED', refund);
    expect(toldAgain.body.outcomes).toEqual(['ignored']);
    const reversal = {
      ...refund,
      id: '8DX10394NX9283044',
      amount: { currency_code: 'USD', value: '82.10' },
    };
    expect((await tellPayPal(world, 'PAYMENT.CAPTURE.REVERSED', reversal)).body.outcomes).toEqual([
      'applied',
    ]);
    expect((await ledgerOf(h, payment.id)).refunded).toBe(10_210);
    const refunds = await staff.get(`/v1/payments/${payment.id}`);
    expect(refunds.body.amount_refunded).toBe(10_210);
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
  });

  it('our own refund, told again by PAYMENT.CAPTURE.REFUNDED, is not posted twice', async () => {
    const staff = await paypalBusiness(h);
    const { token, payment } = await startPayPalPayment(h, staff);
    await approveAndCapture(world, token, payment);
    const made = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 5_000 });
    const theirs = [...world.fake.api.refunds.values()].find((r) => r.custom_id === made.body.id)!;
    const told = await tellPayPal(world, 'PAYMENT.CAPTURE.REFUNDED', theirs as never);
    expect(told.body.outcomes).toEqual(['ignored']);
    expect((await ledgerOf(h, payment.id)).refunded).toBe(5_000);
  });

  it('a capture whose answer was lost is read back and recorded once, webhook or not', async () => {
    const staff = await paypalBusiness(h);
    const { dana, token, payment, browser } = await startPayPalPayment(h, staff);
    world.fake.api.approve(payment.client_secret);
    world.fake.lostAnswers.add('POST /v2/checkout/orders/*/capture');
    try {
      const lost = await capture(h, token, payment.id, payment.client_secret);
      expect(lost.status).toBe(500);
    } finally {
      world.fake.lostAnswers.clear();
    }
    // PayPal did capture: our books learned it from the order, read back at once.
    expect((await browser.payment(payment.id)).body.status).toBe('succeeded');
    const resource = world.fake.api.captureView(captureOf(world, payment.id)) as Record<
      string,
      unknown
    >;
    const told = await tellPayPal(world, 'PAYMENT.CAPTURE.COMPLETED', resource);
    expect(told.body.outcomes).toEqual(['ignored']);
    expect(await ledgerOf(h, payment.id)).toEqual({ paid: 10_210, tip: 0, fee: 210, refunded: 0 });
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a process that died after PayPal captured is reconciled on start, once', async () => {
    const staff = await paypalBusiness(h);
    const { dana, token, payment } = await startPayPalPayment(h, staff);
    world.fake.api.approve(payment.client_secret);
    // PayPal captured, and every answer to us was lost: our read-back too (the process died).
    world.fake.lostAnswers.add('POST /v2/checkout/orders/*/capture');
    world.fake.lostAnswers.add('GET /v2/checkout/orders/*');
    try {
      expect((await capture(h, token, payment.id, payment.client_secret)).status).toBe(500);
    } finally {
      world.fake.lostAnswers.clear();
    }
    await h.db
      .updateTable('payments')
      .set({ status: 'processing' })
      .where('id', '=', payment.id)
      .execute();
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    const paypal = providerNamed(h.config, h.db, 'paypal');
    const [one, two] = await Promise.all([
      reconcilePayments(h.db, paypal),
      reconcilePayments(h.db, paypal),
    ]);
    expect(one.recorded + two.recorded).toBe(1);
    expect(await ledgerOf(h, payment.id)).toEqual({ paid: 10_210, tip: 0, fee: 210, refunded: 0 });
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });
});
