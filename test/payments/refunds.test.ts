import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { balanceOf, createInvoice, poolBusiness } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { DECLINED, openPortal } from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';

describe.each(testStores)('staff payments and refunds on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  /** Dana pays a 100.00 invoice with an 18 % tip and the 3 % + 30¢ card fee: 121.84. */
  async function paidInvoice() {
    const staff = await poolBusiness(h);
    const { customer: dana, invoice, link } = await owingCustomer(staff, 10_000);
    const p = openPortal(h, link);
    const paid = await p.pay({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      tip: { percent: 18 },
      method: 'card',
    });
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 12_184 });
    return { staff, dana, invoice, p, payment: paid.body as { id: string } };
  }

  it('lists and shows payments to staff, newest first, with allocations, and only their own', async () => {
    const { staff, dana, invoice, p, payment } = await paidInvoice();
    const second = await createInvoice(staff, dana.id, 3_000);
    const declined = await p.create({
      invoices: [{ id: second.id, amount: 3_000 }],
      method: 'card',
    });
    await p.confirm(declined.body.id, { sandbox: DECLINED });

    const list = await staff.get('/v1/payments?limit=10');
    expect(list.status).toBe(200);
    expect(list.body.data.map((row: { id: string }) => row.id)).toEqual([
      declined.body.id,
      payment.id,
    ]);
    const failedOnly = await staff.get('/v1/payments?status=failed');
    expect(failedOnly.body.data).toHaveLength(1);
    expect(failedOnly.body.data[0].failure).toEqual({
      code: 'card_declined',
      message: 'Your card was declined. Try another card.',
    });
    const shown = await staff.get(`/v1/payments/${payment.id}`);
    expect(shown.body).toMatchObject({
      object: 'payment',
      customer: dana.id,
      status: 'succeeded',
      amount: 12_184,
      subtotal: 10_000,
      tip: 1_800,
      fee: 384,
      invoices: [{ invoice: invoice.id, amount: 10_000 }],
      amount_refunded: 0,
      refunds: [],
    });
    const stranger = await h.business({ name: 'Other Co' });
    expect((await stranger.get(`/v1/payments/${payment.id}`)).status).toBe(404);
    expect((await stranger.post(`/v1/payments/${payment.id}/refunds`, {})).status).toBe(404);
    expect((await stranger.get('/v1/payments')).body.data).toEqual([]);
    expect((await h.request('/v1/payments')).status).toBe(401);
  });

  it("keeps staff's reason with the refund for staff, and out of the customer's history", async () => {
    const { staff, p, payment } = await paidInvoice();
    const refund = await staff.post(`/v1/payments/${payment.id}/refunds`, {
      amount: 1_000,
      reason: '  Charged twice ',
    });
    expect(refund.body).toMatchObject({ amount: 1_000, reason: 'Charged twice' });
    const shown = await staff.get(`/v1/payments/${payment.id}`);
    expect(shown.body.refunds).toMatchObject([{ amount: 1_000, reason: 'Charged twice' }]);
    const rest = await staff.post(`/v1/payments/${payment.id}/refunds`, {});
    expect(rest.body.reason).toBeNull();
    const history = await p.history();
    expect(JSON.stringify(history.body)).not.toContain('Charged twice');
    const tooLong = await staff.post(`/v1/payments/${payment.id}/refunds`, {
      reason: 'x'.repeat(501),
    });
    expect([tooLong.status, tooLong.body.error.param]).toEqual([400, 'reason']);
  });

  it('refunds in part, then the rest: the balance owes the invoice again, never the tip or fee', async () => {
    const { staff, dana, invoice, payment } = await paidInvoice();
    expect(await balanceOf(staff, dana.id)).toBe(0);

    const part = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 2_500 });
    expect(part.status).toBe(200);
    expect(part.body).toMatchObject({
      object: 'refund',
      amount: 2_500,
      status: 'succeeded',
      currency: 'usd',
    });
    expect(await balanceOf(staff, dana.id)).toBe(2_500);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body).toMatchObject({
      status: 'partially_paid',
      amount_due: 2_500,
    });

    const tooMuch = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 9_685 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toMatchObject({
      code: 'amount_too_large',
      param: 'amount',
      message: 'At most $96.84 of this payment is left to refund.',
    });

    const rest = await staff.post(`/v1/payments/${payment.id}/refunds`, {});
    expect(rest.body).toMatchObject({ amount: 9_684, status: 'succeeded' });
    // Owed again: the invoice, as before paying; the tip and the fee were given back, not owed.
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('open');
    const shown = await staff.get(`/v1/payments/${payment.id}`);
    expect(shown.body).toMatchObject({ amount_refunded: 12_184 });
    expect(shown.body.refunds).toHaveLength(2);
    const again = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('payment_fully_refunded');

    const atProvider = await h.db
      .selectFrom('sandbox_payments')
      .select('amount_refunded')
      .where('payment_id', '=', payment.id)
      .executeTakeFirstOrThrow();
    expect(Number(atProvider.amount_refunded)).toBe(12_184);
    const entries = await h.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount'])
      .where('payment_id', '=', payment.id)
      .where('kind', 'in', ['refund', 'adjustment'])
      .execute();
    const refunded = entries
      .filter((e) => e.kind === 'refund')
      .reduce((s, e) => s + Number(e.amount), 0);
    expect(refunded).toBe(12_184);
  });

  it('gives back the tip and fee in proportion when the business chooses so, adding up in full', async () => {
    const { staff, dana, invoice, payment } = await paidInvoice();
    const chosen = await staff.patch('/v1/settings', { refund_tip_and_fee: 'in_proportion' });
    expect(chosen.body.refund_tip_and_fee).toBe('in_proportion');

    // Half of $121.84: the fee's half ($1.92), the tip's half ($9.00), the rest ($50.00) owed again.
    const half = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 6_092 });
    expect(half.body.status).toBe('succeeded');
    expect(await balanceOf(staff, dana.id)).toBe(5_000);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body).toMatchObject({
      status: 'partially_paid',
      amount_due: 5_000,
    });
    const given = async () => {
      const rows = await h.db
        .selectFrom('ledger_entries')
        .select(['description', 'amount'])
        .where('payment_id', '=', payment.id)
        .where('kind', '=', 'adjustment')
        .execute();
      const sum = (text: string) =>
        rows.filter((r) => r.description === text).reduce((s, r) => s - Number(r.amount), 0);
      return { tip: sum('Tip refunded'), fee: sum('Convenience fee refunded') };
    };
    expect(await given()).toEqual({ tip: 900, fee: 192 });

    // A cent, then the rest: the parts still add up to the payment exactly.
    await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 1 });
    await staff.post(`/v1/payments/${payment.id}/refunds`, {});
    expect(await given()).toEqual({ tip: 1_800, fee: 384 });
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('open');
  });

  it('refuses to refund a payment that did not succeed, and bad input', async () => {
    const staff = await poolBusiness(h);
    const { customer: eli, invoice, link } = await owingCustomer(staff, 1_000, { name: 'Eli' });
    const p = openPortal(h, link);
    const created = await p.create({
      invoices: [{ id: invoice.id, amount: 1_000 }],
      method: 'card',
    });
    const refused = await staff.post(`/v1/payments/${created.body.id}/refunds`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('payment_not_succeeded');
    const bad = await staff.post(`/v1/payments/${created.body.id}/refunds`, { amount: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('amount');
    expect((await staff.get('/v1/payments/pay_missing')).status).toBe(404);
    expect(await balanceOf(staff, eli.id)).toBe(1_000);
  });
});
