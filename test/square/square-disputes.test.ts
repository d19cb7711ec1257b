/**
 * A cardholder's dispute of a Square payment: Square's `dispute.created` and
 * `dispute.state.updated` webhooks, verified with the SDK's signature helper, recorded through the
 * same path as Stripe's disputes (server/payments/disputes.ts): the chargeback's amount withdrawn
 * (the customer owes it again) and given back when the business wins, each once, whatever the
 * deliveries and their order; an inquiry moves no money; staff see it, the business is told, and
 * other systems get `payment.disputed`.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { disputeMoved, squareDispute } from '../support/fake-square-disputes.ts';
import { balanceOf, brandedBusiness } from '../support/fixtures.ts';
import { confirmSquare, startSquarePayment, tellSquare, useSquareHarness } from './support.ts';

describe.each(testStores)('disputes from Square on $name', (store) => {
  const square = useSquareHarness(store, 'disputes');
  const { h } = square;

  async function paid() {
    const staff = await brandedBusiness(h);
    const started = await startSquarePayment(h, staff);
    const done = await confirmSquare(
      h,
      started.token,
      started.payment.id,
      square.fake.api.tokenize('4111111111111111'),
    );
    expect(done.body.status).toBe('succeeded');
    const atSquare = [...square.fake.api.payments.values()].find(
      (p) => p.reference_id === started.payment.id && p.status === 'COMPLETED',
    )!;
    const shown = async () => (await staff.get(`/v1/payments/${started.payment.id}`)).body.dispute;
    const notices = async () => (await staff.get('/v1/outbox?kind=dispute')).body.data;
    const disputedEvents = async () =>
      (
        (await staff.get('/v1/events?limit=100')).body.data as {
          type: string;
          data: { object: { id: string } };
        }[]
      ).filter((e) => e.type === 'payment.disputed' && e.data.object.id === started.payment.id);
    return { staff, ...started, atSquare, shown, notices, disputedEvents };
  }

  it('a chargeback withdraws the payment, then the business wins it back: each once, told', async () => {
    const { staff, dana, atSquare, shown, notices, disputedEvents } = await paid();
    const opened = squareDispute(atSquare, 'NO_KNOWLEDGE');
    const first = await tellSquare(square, 'dispute.created', opened);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.outcomes).toEqual(['applied']);
    expect(await shown()).toEqual({
      id: opened.id,
      status: 'evidence_required',
      reason: 'no_knowledge',
      amount: 10_000,
      funds_withdrawn: true,
    });
    // The payment no longer pays: Dana owes it again.
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    expect(await notices()).toEqual([
      expect.objectContaining({ to: 'office@bluelagoon.test', kind: 'dispute' }),
    ]);
    expect((await notices())[0].text ?? '').not.toContain('Stripe');
    expect(await disputedEvents()).toHaveLength(1);

    // Another event about the same state, delivered twice (the same body, signed alike), then a
    // state the dispute passed through: no money moves.
    const event = square.fake.webhook(
      'dispute.created',
      opened,
      `${h.config.publicUrl}/webhooks/square`,
      square.signatureKey,
    );
    const deliver = async () =>
      (
        await h.request('/webhooks/square', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-square-hmacsha256-signature': event.signature,
          },
          body: event.body,
        })
      ).json();
    expect((await deliver()).outcomes).toEqual(['ignored']);
    expect((await deliver()).outcomes).toEqual(['duplicate']);
    const reviewing = disputeMoved(opened, 'PROCESSING');
    await tellSquare(square, 'dispute.state.updated', reviewing);
    expect(await balanceOf(staff, dana.id)).toBe(10_000);

    const won = disputeMoved(reviewing, 'WON');
    const told = await tellSquare(square, 'dispute.state.updated', won);
    expect(told.body.outcomes).toEqual(['applied', 'applied']);
    await tellSquare(square, 'dispute.state.updated', won);
    expect(await shown()).toMatchObject({ status: 'won', funds_withdrawn: false });
    expect(await balanceOf(staff, dana.id)).toBe(0);
    expect(await notices()).toHaveLength(2);
    expect(await disputedEvents()).toHaveLength(1);
  });

  it('a lost dispute keeps the money withdrawn, even when Square’s older state arrives last', async () => {
    const { staff, dana, atSquare, shown } = await paid();
    const opened = squareDispute(atSquare, 'NOT_AS_DESCRIBED', 'EVIDENCE_REQUIRED', 4_000);
    const lost = disputeMoved(disputeMoved(opened, 'PROCESSING'), 'LOST');
    await tellSquare(square, 'dispute.state.updated', lost);
    await tellSquare(square, 'dispute.created', opened);
    expect(await shown()).toMatchObject({ status: 'lost', amount: 4_000, funds_withdrawn: true });
    expect(await balanceOf(staff, dana.id)).toBe(4_000);
  });

  it('a win that arrives before the chargeback it ends: no money ever moves', async () => {
    const { staff, dana, atSquare, shown } = await paid();
    const opened = squareDispute(atSquare, 'DUPLICATE');
    const won = disputeMoved(opened, 'WON');
    await tellSquare(square, 'dispute.state.updated', won);
    await tellSquare(square, 'dispute.created', opened);
    expect(await shown()).toMatchObject({ status: 'won', funds_withdrawn: false });
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('an inquiry withdraws nothing, and closes', async () => {
    const { staff, dana, atSquare, shown, notices, disputedEvents } = await paid();
    const inquiry = squareDispute(atSquare, 'AMOUNT_DIFFERS', 'INQUIRY_EVIDENCE_REQUIRED');
    await tellSquare(square, 'dispute.created', inquiry);
    expect(await shown()).toMatchObject({
      status: 'inquiry_evidence_required',
      funds_withdrawn: false,
    });
    expect(await disputedEvents()).toHaveLength(1);
    await tellSquare(square, 'dispute.state.updated', disputeMoved(inquiry, 'INQUIRY_CLOSED'));
    expect(await shown()).toMatchObject({ status: 'inquiry_closed', funds_withdrawn: false });
    expect(await balanceOf(staff, dana.id)).toBe(0);
    expect(await notices()).toHaveLength(2);
  });

  it('a dispute whose signature does not verify changes nothing', async () => {
    const { staff, dana, atSquare, shown } = await paid();
    const forged = await tellSquare(
      square,
      'dispute.created',
      squareDispute(atSquare, 'NO_KNOWLEDGE'),
      'not-the-key',
    );
    expect(forged.status).toBe(400);
    expect(forged.body.error).toMatchObject({ code: 'signature_invalid' });
    expect(await shown()).toBe(null);
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });
});
