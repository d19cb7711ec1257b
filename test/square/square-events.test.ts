/**
 * Square's outcomes reach the ledger exactly once, whatever the order and number of its webhook
 * deliveries, and whatever dies between Square's capture and our write: refunds (PENDING, then
 * COMPLETED or FAILED by `refund.updated`), duplicate and out-of-order `payment.updated`, and a
 * crash after CompletePayment that reconciliation (or the webhook) mends.
 */
import { describe, expect, it } from 'vitest';
import { paymentProvider } from '../../server/payments/providers.ts';
import { reconcilePayments } from '../../server/payments/reconcile.ts';
import { testStores } from '../support/databases.ts';
import { balanceOf, poolBusiness } from '../support/fixtures.ts';
import {
  confirmSquare,
  ledgerOf,
  startSquarePayment,
  tellSquare,
  useSquareHarness,
} from './support.ts';

const CREDIT = '4111111111111111';

describe.each(testStores)('Square’s events on $name', (store) => {
  const square = useSquareHarness(store, 'events');
  const { h } = square;
  const squarePaymentOf = (paymentId: string) =>
    [...square.fake.api.payments.values()].filter((p) => p.reference_id === paymentId).at(-1)!;

  async function paid() {
    const staff = await poolBusiness(h);
    const started = await startSquarePayment(h, staff, { tip: { amount: 500 } });
    const confirmed = await confirmSquare(
      h,
      started.token,
      started.payment.id,
      square.fake.api.tokenize(CREDIT),
    );
    expect(confirmed.body.status).toBe('succeeded');
    return { staff, ...started };
  }

  it('a refund: asked of Square, pending until refund.updated says COMPLETED, posted once', async () => {
    const { staff, dana, payment } = await paid();
    const refund = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 5_000 });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
    expect(refund.body).toMatchObject({ amount: 5_000, status: 'pending' });
    const [asked] = square.fake.requestsTo('POST', '/v2/refunds');
    expect(asked!.body).toMatchObject({
      idempotency_key: `${refund.body.id}:refund`,
      payment_id: squarePaymentOf(payment.id).id,
      amount_money: { amount: 5_000, currency: 'USD' },
    });
    const atSquare = square.fake.api.settleRefund(
      [...square.fake.api.refunds.values()].at(-1)!.id,
      'COMPLETED',
    );
    const outcomes = [];
    for (let n = 0; n < 3; n += 1) {
      outcomes.push((await tellSquare(square, 'refund.updated', atSquare)).body.outcomes);
    }
    expect(outcomes[0]).toEqual(['applied']);
    // Each delivery is a new event id at Square only when Square sends a new event; ours are
    // new events about the same refund: nothing more is posted.
    expect(
      outcomes
        .slice(1)
        .flat()
        .every((o: string) => o !== 'applied'),
    ).toBe(true);
    expect((await staff.get(`/v1/payments/${payment.id}`)).body).toMatchObject({
      amount_refunded: 5_000,
    });
    expect(await balanceOf(staff, dana.id)).toBe(5_000);
  });

  it('a refund that fails at Square: the ledger takes it back, once', async () => {
    const { staff, dana, payment } = await paid();
    await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 2_000 });
    const id = [...square.fake.api.refunds.values()].at(-1)!.id;
    await tellSquare(square, 'refund.updated', square.fake.api.settleRefund(id, 'COMPLETED'));
    expect(await balanceOf(staff, dana.id)).toBe(2_000);
    const failed = square.fake.api.settleRefund(id, 'FAILED');
    await tellSquare(square, 'refund.updated', failed);
    await tellSquare(square, 'refund.updated', failed);
    expect(await balanceOf(staff, dana.id)).toBe(0);
    const shown = (await staff.get(`/v1/payments/${payment.id}`)).body;
    expect(shown.refunds.map((r: { status: string }) => r.status)).toEqual(['failed']);
  });

  it('the same payment.updated delivered again, and an older one after it: posted once', async () => {
    const { staff, dana, payment } = await paid();
    const sq = squarePaymentOf(payment.id);
    const event = square.fake.webhook(
      'payment.updated',
      sq,
      `${h.config.publicUrl}/webhooks/square`,
      square.signatureKey,
    );
    const deliver = () =>
      h.request('/webhooks/square', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-square-hmacsha256-signature': event.signature,
        },
        body: event.body,
      });
    const answers = await Promise.all([deliver(), deliver(), deliver()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // An older state of the same payment (APPROVED, then a FAILED from a stale attempt) after it.
    await tellSquare(square, 'payment.updated', { ...sq, status: 'APPROVED' });
    await tellSquare(square, 'payment.updated', { ...sq, status: 'FAILED' });
    expect((await staff.get(`/v1/payments/${payment.id}`)).body.status).toBe('succeeded');
    expect(await ledgerOf(h, payment.id)).toEqual({ paid: 10_845, tip: 500, fee: 345 });
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a crash between Square’s capture and our write: reconciled on start, posted once', async () => {
    const staff = await poolBusiness(h);
    const { dana, token, payment } = await startSquarePayment(h, staff);
    square.fake.lostAnswers.add('POST /v2/payments/*/complete');
    const lost = await confirmSquare(h, token, payment.id, square.fake.api.tokenize(CREDIT));
    square.fake.lostAnswers.clear();
    expect(lost.status).toBe(500);
    const sq = squarePaymentOf(payment.id);
    expect(sq.status).toBe('COMPLETED'); // Square took the money; we never heard.
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    // The server starts again: reconciliation reads Square and records it, once.
    await h.db
      .updateTable('payments')
      .set({ updated_at: new Date(Date.now() - 5 * 60_000).toISOString() })
      .where('id', '=', payment.id)
      .execute();
    const provider = paymentProvider(h.config, h.db);
    const reports = await Promise.all([
      reconcilePayments(h.db, provider),
      reconcilePayments(h.db, provider),
    ]);
    expect(reports.reduce((n, r) => n + r.recorded, 0)).toBe(1);
    // Square's webhook for the same capture arrives late: nothing more.
    expect((await tellSquare(square, 'payment.updated', sq)).body.outcomes).not.toContain(
      'applied',
    );
    expect(await ledgerOf(h, payment.id)).toMatchObject({ paid: 10_330 });
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a lost authorization is voided by its key; the customer tries again and pays once', async () => {
    const staff = await poolBusiness(h);
    const { dana, token, payment } = await startSquarePayment(h, staff);
    square.fake.lostAnswers.add('POST /v2/payments');
    const lost = await confirmSquare(h, token, payment.id, square.fake.api.tokenize(CREDIT));
    square.fake.lostAnswers.clear();
    expect(lost.status).toBe(500);
    expect(squarePaymentOf(payment.id).status).toBe('CANCELED');
    const [cancel] = square.fake.requestsTo('POST', '/v2/payments/cancel');
    expect(cancel!.body).toEqual({ idempotency_key: `${payment.id}:confirm:1` });
    const again = await confirmSquare(h, token, payment.id, square.fake.api.tokenize(CREDIT));
    expect(again.body).toMatchObject({ status: 'succeeded', amount: 10_330 });
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a process that died while Square authorized: voided by its key on start, paid again once', async () => {
    const staff = await poolBusiness(h);
    const { dana, token, payment } = await startSquarePayment(h, staff);
    // We counted the attempt and asked Square, which authorized; our process died before it
    // heard (so nothing was voided either).
    const provider = paymentProvider(h.config, h.db);
    await h.db
      .updateTable('payments')
      .set({
        status: 'processing',
        provider_changes: 1,
        updated_at: new Date(Date.now() - 5 * 60_000).toISOString(),
      })
      .where('id', '=', payment.id)
      .execute();
    await provider.authorize!({
      paymentId: payment.id,
      reference: square.fake.api.tokenize(CREDIT),
      savedPaymentMethodId: null,
      providerCustomerId: null,
      amount: 10_330,
      currency: 'usd',
      idempotencyKey: `${payment.id}:confirm:1`,
    });
    expect(squarePaymentOf(payment.id).status).toBe('APPROVED');
    const report = await reconcilePayments(h.db, provider);
    expect(report.released).toBe(1);
    expect(squarePaymentOf(payment.id).status).toBe('CANCELED');
    const again = await confirmSquare(h, token, payment.id, square.fake.api.tokenize(CREDIT));
    expect(again.body).toMatchObject({ status: 'succeeded', amount: 10_330 });
    const captured = [...square.fake.api.payments.values()].filter(
      (p) => p.reference_id === payment.id && p.status === 'COMPLETED',
    );
    expect(captured).toHaveLength(1);
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });
});
