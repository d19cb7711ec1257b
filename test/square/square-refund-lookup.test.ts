/**
 * A Square refund whose answer is lost (the connection drops after Square made it) is found again
 * at Square (the payment's `refund_ids`, GetPaymentRefund, ours named by its reason) and recorded
 * once; a request that never reached Square refunded nothing, and says so; when even the lookup
 * gets no answer the refund stays pending for `refund.updated` to settle.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { balanceOf, poolBusiness } from '../support/fixtures.ts';
import { confirmSquare, startSquarePayment, tellSquare, useSquareHarness } from './support.ts';

describe.each(testStores)('a Square refund whose answer is lost, on $name', (store) => {
  const square = useSquareHarness(store, 'refund-lookup');
  const { h } = square;
  afterEach(() => {
    square.fake.lostAnswers.clear();
    square.fake.unreached.clear();
  });

  async function paid() {
    const staff = await poolBusiness(h);
    const started = await startSquarePayment(h, staff);
    const token = square.fake.api.tokenize('4111111111111111');
    expect((await confirmSquare(h, started.token, started.payment.id, token)).body.status).toBe(
      'succeeded',
    );
    const atSquare = [...square.fake.api.payments.values()].find(
      (p) => p.reference_id === started.payment.id && p.status === 'COMPLETED',
    )!;
    const refundsAtSquare = () =>
      [...square.fake.api.refunds.values()].filter((r) => r.payment_id === atSquare.id);
    return { staff, ...started, atSquare, refundsAtSquare };
  }

  it('is looked up at Square and recorded once: pending, then posted by refund.updated', async () => {
    const { staff, dana, payment, refundsAtSquare } = await paid();
    square.fake.lostAnswers.add('POST /v2/refunds');
    const refund = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 3_000 });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
    expect(refund.body).toMatchObject({ amount: 3_000, status: 'pending' });
    const [made] = refundsAtSquare();
    expect(refundsAtSquare()).toHaveLength(1);
    expect(made!.reason).toBe(`Refund ${refund.body.id}`);
    square.fake.lostAnswers.clear();
    const told = await tellSquare(
      square,
      'refund.updated',
      square.fake.api.settleRefund(made!.id, 'COMPLETED'),
    );
    expect(told.body.outcomes).toEqual(['applied']);
    const shown = (await staff.get(`/v1/payments/${payment.id}`)).body;
    expect(shown.refunds).toEqual([
      expect.objectContaining({ id: refund.body.id, amount: 3_000, status: 'succeeded' }),
    ]);
    expect(shown.amount_refunded).toBe(3_000);
    expect(await balanceOf(staff, dana.id)).toBe(3_000);
  });

  it('a refund Square never received refunded nothing: failed, said so, and can be asked again', async () => {
    const { staff, dana, payment, refundsAtSquare } = await paid();
    square.fake.unreached.add('POST /v2/refunds');
    const refused = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 3_000 });
    expect(refused.status).toBe(500);
    expect(refused.body.error).toMatchObject({
      code: 'provider_error',
      message: 'The payment provider did not take the refund. Nothing was refunded.',
    });
    expect(refundsAtSquare()).toEqual([]);
    square.fake.unreached.clear();
    const again = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 3_000 });
    expect(again.body.status).toBe('pending');
    const shown = (await staff.get(`/v1/payments/${payment.id}`)).body;
    expect(shown.refunds.map((r: { status: string }) => r.status).sort()).toEqual([
      'failed',
      'pending',
    ]);
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('when the lookup gets no answer either, the refund stays pending: do not refund again', async () => {
    const { staff, payment, refundsAtSquare } = await paid();
    square.fake.lostAnswers.add('POST /v2/refunds');
    square.fake.lostAnswers.add('GET /v2/refunds/*');
    const unknown = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 3_000 });
    expect(unknown.status).toBe(500);
    expect(unknown.body.error.code).toBe('provider_unavailable');
    expect(refundsAtSquare()).toHaveLength(1);
    square.fake.lostAnswers.clear();
    const [made] = refundsAtSquare();
    await tellSquare(square, 'refund.updated', square.fake.api.settleRefund(made!.id, 'COMPLETED'));
    const shown = (await staff.get(`/v1/payments/${payment.id}`)).body;
    expect(shown.refunds).toEqual([
      expect.objectContaining({ amount: 3_000, status: 'succeeded' }),
    ]);
  });
});
