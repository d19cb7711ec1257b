/** Paying by card in the portal: a tip, a decline, bad details, 3-D Secure, a debit card's fee. */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  balanceOf,
  createCustomer,
  createInvoice,
  createPaymentLink,
  DANA,
  poolBusiness,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import {
  DECLINED,
  INSUFFICIENT,
  openPortal,
  THREE_D_SECURE,
  VISA,
  VISA_DEBIT,
} from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';

describe.each(testStores)('portal payments on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it('pays an invoice with an 18% tip by credit card: one posting, receipt, invoice paid', async () => {
    const staff = await poolBusiness(h);
    const { customer: dana, invoice, link } = await owingCustomer(staff, 10_000, DANA);
    const p = openPortal(h, link);

    const created = await p.create({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      tip: { percent: 18 },
      method: 'card',
      // The browser's figures are never read: the server computes its own.
      subtotal: 1,
      total: 1,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      object: 'payment',
      status: 'requires_confirmation',
      subtotal: 10_000,
      tip: 1_800,
      fee: 384, // 3 % of 118.00 + 0.30
      amount: 12_184,
      currency: 'usd',
      provider: 'sandbox',
    });

    const paid = await p.confirm(created.body.id, { sandbox: VISA });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      status: 'succeeded',
      amount: 12_184,
      funding: 'credit',
      card: { brand: 'visa', last4: '4242' },
      receipt_number: 'R-000001',
      failure: null,
    });
    expect(paid.body.receipt_url).toMatch(/\/payments\/pay_\w+\/receipt\.pdf$/);
    expect(await balanceOf(staff, dana.id)).toBe(0);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('paid');

    const entries = await h.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount', 'invoice_id'])
      .where('payment_id', '=', created.body.id)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => [e.kind, Number(e.amount)])).toEqual([
      ['tip', 1_800],
      ['fee', 384],
      ['payment', -10_000],
      ['payment', -2_184],
    ]);
    const portalView = await p.get();
    expect(portalView.body.balance).toEqual({ amount: 0, state: 'zero' });
    const history = await p.history();
    expect(history.body.data.map((row: { id: string }) => row.id)).toEqual([created.body.id]);
    const events = await staff.get(
      `/v1/payment_links/${(await h.db.selectFrom('payment_links').select('id').where('customer_id', '=', dana.id).executeTakeFirstOrThrow()).id}/events`,
    );
    expect(events.body.data.map((event: { type: string }) => event.type)).toContain('payment_made');
    const outbox = await h.db
      .selectFrom('outbox_messages')
      .select(['kind', 'to'])
      .where('payment_id', '=', created.body.id)
      .execute();
    expect(outbox).toContainEqual({ kind: 'receipt', to: 'dana@example.com' });
  });

  it("answers a declined card in the customer's words, changes nothing, and takes another card", async () => {
    const staff = await poolBusiness(h);
    const eli = await createCustomer(staff, { name: 'Eli Evans' });
    const invoice = await createInvoice(staff, eli.id, 5_000);
    const p = openPortal(h, await createPaymentLink(staff, { invoice: invoice.id }));
    const created = await p.create({
      invoices: [{ id: invoice.id, amount: 5_000 }],
      method: 'card',
    });

    const declined = await p.confirm(created.body.id, { sandbox: DECLINED });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'failed',
      failure: { code: 'card_declined', message: 'Your card was declined. Try another card.' },
    });
    expect(await balanceOf(staff, eli.id)).toBe(5_000);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('open');

    const broke = await p.confirm(created.body.id, { sandbox: INSUFFICIENT });
    expect(broke.body.failure).toEqual({
      code: 'insufficient_funds',
      message: 'Your card has insufficient funds. Try another card.',
    });
    expect(await balanceOf(staff, eli.id)).toBe(5_000);

    const retried = await p.confirm(created.body.id, { sandbox: VISA });
    expect(retried.body).toMatchObject({ status: 'succeeded', failure: null });
    expect(await balanceOf(staff, eli.id)).toBe(0);
  });

  it('refuses a bad card number, expiry or CVC, or a card that is not a test card, changing nothing', async () => {
    const staff = await poolBusiness(h);
    const { customer: finn, invoice, link } = await owingCustomer(staff, 2_000, { name: 'Finn' });
    const p = openPortal(h, link);
    const { body: payment } = await p.create({
      invoices: [{ id: invoice.id, amount: 2_000 }],
      method: 'card',
    });
    const cases: [Record<string, unknown>, string, string, string][] = [
      [
        { card_number: '4242424242424241' },
        'incorrect_number',
        'sandbox.card_number',
        'Your card number is incorrect.',
      ],
      [
        { exp_month: 13 },
        'invalid_expiry_month',
        'sandbox.exp_month',
        "Your card's expiration month is invalid.",
      ],
      [
        { exp_year: 2020 },
        'invalid_expiry_year',
        'sandbox.exp_year',
        "Your card's expiration date is in the past.",
      ],
      [{ cvc: '12' }, 'invalid_cvc', 'sandbox.cvc', "Your card's security code is invalid."],
      [
        { card_number: '4111111111111111' },
        'test_card_required',
        'sandbox.card_number',
        'Test mode takes test cards only, such as 4242 4242 4242 4242.',
      ],
      [
        { card_number: '378282246310005', cvc: '123' },
        'invalid_cvc',
        'sandbox.cvc',
        "Your card's security code is invalid.",
      ],
    ];
    for (const [change, code, param, message] of cases) {
      const refused = await p.confirm(payment.id, { sandbox: { ...VISA, ...change } });
      expect(refused.status, code).toBe(422);
      expect(refused.body.error).toEqual({ type: 'invalid_request_error', code, param, message });
    }
    const malformed = await p.confirm(payment.id, { sandbox: { card_number: 4242 } });
    expect(malformed.status).toBe(400);
    expect((await p.payment(payment.id)).body.status).toBe('requires_confirmation');
    expect(await balanceOf(staff, finn.id)).toBe(2_000);
  });

  it('asks for the 3-D Secure step, then records on approval or fails on refusal', async () => {
    const staff = await poolBusiness(h);
    const gale = await createCustomer(staff, { name: 'Gale' });
    const first = await createInvoice(staff, gale.id, 3_000);
    const second = await createInvoice(staff, gale.id, 4_000);
    const p = openPortal(h, await createPaymentLink(staff, { customer: gale.id }));

    const { body: approved } = await p.create({
      invoices: [{ id: first.id, amount: 3_000 }],
      method: 'card',
    });
    const challenged = await p.confirm(approved.id, { sandbox: THREE_D_SECURE });
    expect(challenged.body).toMatchObject({
      status: 'requires_action',
      next_action: { type: 'sandbox_three_d_secure' },
    });
    expect(await balanceOf(staff, gale.id)).toBe(7_000);
    const done = await p.confirm(approved.id, { sandbox: { three_d_secure: 'approve' } });
    expect(done.body.status).toBe('succeeded');
    expect(await balanceOf(staff, gale.id)).toBe(4_000);
    const again = await p.confirm(approved.id, { sandbox: { three_d_secure: 'approve' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('payment_already_succeeded');

    const { body: refused } = await p.create({
      invoices: [{ id: second.id, amount: 4_000 }],
      method: 'card',
    });
    await p.confirm(refused.id, {
      sandbox: { ...THREE_D_SECURE, card_number: '4000000000003220' },
    });
    const failed = await p.confirm(refused.id, { sandbox: { three_d_secure: 'fail' } });
    expect(failed.body).toMatchObject({
      status: 'failed',
      failure: { code: 'payment_intent_authentication_failure' },
    });
    expect(failed.body.failure.message).toMatch(/Try again, or try another card/);
    expect(await balanceOf(staff, gale.id)).toBe(4_000);
  });

  it('charges the card fee on credit cards only: a debit card is told the lower total before paying', async () => {
    const staff = await poolBusiness(h);
    const { customer: ivy, invoice, link } = await owingCustomer(staff, 10_000, { name: 'Ivy' });
    const p = openPortal(h, link);
    const { body: created } = await p.create({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      method: 'card',
    });
    expect(created).toMatchObject({ fee: 330, amount: 10_330 });

    const told = await p.confirm(created.id, { sandbox: VISA_DEBIT });
    expect(told.status).toBe(409);
    expect(told.body.error).toMatchObject({
      code: 'fee_changed',
      param: 'accept_total',
      message:
        'This is a debit card, so no card fee applies. The total is now $100.00. Confirm again to pay it.',
      payment: { id: created.id, amount: 10_000, fee: 0, funding: 'debit' },
    });
    expect(await balanceOf(staff, ivy.id)).toBe(10_000);
    const wrong = await p.confirm(created.id, { sandbox: VISA_DEBIT, accept_total: 10_330 });
    expect(wrong.status).toBe(409);

    const paid = await p.confirm(created.id, { sandbox: VISA_DEBIT, accept_total: 10_000 });
    expect(paid.body).toMatchObject({
      status: 'succeeded',
      amount: 10_000,
      fee: 0,
      funding: 'debit',
    });
    const provider = await h.db
      .selectFrom('sandbox_payments')
      .select('amount')
      .where('payment_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(Number(provider.amount)).toBe(10_000);
    const fees = await h.db
      .selectFrom('ledger_entries')
      .select('kind')
      .where('payment_id', '=', created.id)
      .where('kind', '=', 'fee')
      .execute();
    expect(fees).toEqual([]);
    expect(await balanceOf(staff, ivy.id)).toBe(0);

    // A prepaid card is never surcharged either; a credit card keeps the fee shown.
    const second = await createInvoice(staff, ivy.id, 5_000);
    const { body: prepaid } = await p.create({
      invoices: [{ id: second.id, amount: 5_000 }],
      method: 'card',
    });
    const prepaidTold = await p.confirm(prepaid.id, {
      sandbox: { ...VISA, card_number: '5105105105105100' },
    });
    expect(prepaidTold.body.error).toMatchObject({
      code: 'fee_changed',
      payment: { fee: 0, funding: 'prepaid' },
    });
    const mastercard = await p.confirm(prepaid.id, {
      sandbox: { ...VISA, card_number: '5555555555554444' },
    });
    expect(mastercard.body).toMatchObject({ status: 'succeeded', fee: 180, amount: 5_180 });
  });
});
