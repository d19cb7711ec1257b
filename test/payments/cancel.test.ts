/**
 * `POST /v1/portal/:token/payments/:id/cancel`: a payment the customer did not complete lets go
 * of what it held at once, so the payment they make next for other choices is not told another
 * one holds the invoices. Only a payment of that link, not taken yet; again is harmless.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createCustomer, createPaymentLink, poolBusiness } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import {
  DECLINED,
  openPortal,
  THREE_D_SECURE,
  VISA,
  VISA_DEBIT,
} from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';

describe.each(testStores)('canceling a portal payment on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  /** Dana owes a 100.00 invoice; she starts paying all of it by card. */
  async function started() {
    const staff = await poolBusiness(h);
    const { customer: dana, invoice, link } = await owingCustomer(staff, 10_000);
    const browser = openPortal(h, link);
    const all = { invoices: [{ id: invoice.id, amount: 10_000 }], method: 'card' };
    const created = await browser.create(all);
    expect(created.status).toBe(200);
    return { staff, dana, invoice, browser, all, payment: created.body as { id: string } };
  }

  async function sandboxStatus(paymentId: string) {
    const row = await h.db
      .selectFrom('sandbox_payments')
      .select('status')
      .where('payment_id', '=', paymentId)
      .executeTakeFirstOrThrow();
    return row.status;
  }

  async function holdsOf(paymentId: string) {
    const rows = await h.db
      .selectFrom('payment_holds')
      .select('id')
      .where('payment_id', '=', paymentId)
      .execute();
    return rows.length;
  }

  it('after a new total (debit card), other choices are paid without amount_unavailable', async () => {
    const { invoice, browser, payment } = await started();
    const changed = await browser.confirm(payment.id, { sandbox: VISA_DEBIT });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('fee_changed');
    // The customer pays less instead: the first payment still holds the invoice in full.
    const partly = { invoices: [{ id: invoice.id, amount: 6_000 }], method: 'card' };
    const held = await browser.create(partly);
    expect([held.status, held.body.error?.code]).toEqual([409, 'amount_unavailable']);

    const canceled = await browser.cancel(payment.id);
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ id: payment.id, object: 'payment', status: 'canceled' });
    expect(await holdsOf(payment.id)).toBe(0);
    expect(await sandboxStatus(payment.id)).toBe('canceled');

    const next = await browser.create(partly);
    expect(next.status).toBe(200);
    const paid = await browser.confirm(next.body.id, { sandbox: VISA });
    expect(paid.body.status).toBe('succeeded');
    // The canceled payment can no longer be confirmed, nor charged at the sandbox.
    const late = await browser.confirm(payment.id, { sandbox: VISA });
    expect([late.status, late.body.error.code]).toEqual([409, 'payment_canceled']);
    expect((await browser.payment(payment.id)).body.status).toBe('canceled');
    const history = await browser.history();
    expect(history.body.data.map((p: { id: string }) => p.id)).toEqual([next.body.id]);
  });

  it('cancels after a refused card number, a decline and an abandoned 3-D Secure step', async () => {
    const refused = await started();
    const bad = await refused.browser.confirm(refused.payment.id, {
      sandbox: { ...VISA, card_number: '4111 1111 1111 1112' },
    });
    expect(bad.status).toBe(422);
    expect((await refused.browser.cancel(refused.payment.id)).body.status).toBe('canceled');
    expect(await holdsOf(refused.payment.id)).toBe(0);

    const declined = await started();
    const failed = await declined.browser.confirm(declined.payment.id, { sandbox: DECLINED });
    expect(failed.body.status).toBe('failed');
    expect((await declined.browser.cancel(declined.payment.id)).body.status).toBe('canceled');
    expect(await sandboxStatus(declined.payment.id)).toBe('canceled');

    const secure = await started();
    const step = await secure.browser.confirm(secure.payment.id, { sandbox: THREE_D_SECURE });
    expect(step.body.status).toBe('requires_action');
    expect(await holdsOf(secure.payment.id)).toBeGreaterThan(0);
    expect((await secure.browser.cancel(secure.payment.id)).body.status).toBe('canceled');
    expect(await holdsOf(secure.payment.id)).toBe(0);
    const approved = await secure.browser.confirm(secure.payment.id, {
      sandbox: { three_d_secure: 'approve' },
    });
    expect(approved.status).toBe(409);
    expect((await secure.browser.payment(secure.payment.id)).body.status).toBe('canceled');
  });

  it('is harmless again, and changes no balance', async () => {
    const { staff, dana, browser, payment } = await started();
    const first = await browser.cancel(payment.id);
    const again = await browser.cancel(payment.id);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toMatchObject({ id: payment.id, status: 'canceled' });
    const balance = await staff.get(`/v1/customers/${dana.id}/balance`);
    expect(balance.body.amount).toBe(10_000);
  });

  it('refuses a payment that succeeded, and one of another link', async () => {
    const { staff, browser, payment } = await started();
    expect((await browser.confirm(payment.id, { sandbox: VISA })).body.status).toBe('succeeded');
    const taken = await browser.cancel(payment.id);
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({
      code: 'payment_not_cancelable',
      message: 'This payment has already been made.',
    });
    expect((await browser.payment(payment.id)).body.status).toBe('succeeded');

    // Another customer's link does not reach it: the same 404 as an unknown payment.
    const other = await createCustomer(staff, { name: 'Sam Lee' });
    const stranger = openPortal(h, await createPaymentLink(staff, { customer: other.id }));
    const pending = await started();
    const blocked = await stranger.cancel(pending.payment.id);
    expect([blocked.status, blocked.body.error.code]).toEqual([404, 'resource_missing']);
    expect((await pending.browser.payment(pending.payment.id)).body.status).toBe(
      'requires_confirmation',
    );
    const unknown = await stranger.cancel('pay_nothing');
    expect(unknown.status).toBe(404);
    const malformed = await stranger.cancel('nope');
    expect(malformed.status).toBe(400);
  });
});
