import { describe, expect, it } from 'vitest';
import { pruneIdempotencyKeys } from '../../server/payments/idempotency.ts';
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
  BANK,
  BANK_NO_ACCOUNT,
  DECLINED,
  INSUFFICIENT,
  newKey,
  openPortal,
  PHONE_BROWSER,
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

  it('pays by test bank account, and refuses an account the bank does not know', async () => {
    const staff = await poolBusiness(h, {
      convenience_fees: {
        card: { percent_bps: 300, fixed: 30 },
        us_bank_account: { percent_bps: 0, fixed: 100 },
      },
    });
    const { customer: hana, invoice, link } = await owingCustomer(staff, 20_000, { name: 'Hana' });
    const p = openPortal(h, link);
    const { body: bank } = await p.create({
      invoices: [{ id: invoice.id, amount: 20_000 }],
      method: 'us_bank_account',
    });
    expect(bank).toMatchObject({ fee: 100, amount: 20_100 });
    const missing = await p.confirm(bank.id, { sandbox: BANK_NO_ACCOUNT });
    expect(missing.body).toMatchObject({ status: 'failed', failure: { code: 'no_account' } });
    expect(await balanceOf(staff, hana.id)).toBe(20_000);
    const badRouting = await p.confirm(bank.id, {
      sandbox: { ...BANK, routing_number: '110000001' },
    });
    expect(badRouting.body.error).toMatchObject({
      code: 'invalid_routing_number',
      param: 'sandbox.routing_number',
    });
    const paid = await p.confirm(bank.id, { sandbox: BANK });
    expect(paid.body).toMatchObject({
      status: 'succeeded',
      method: 'us_bank_account',
      amount: 20_100,
      card: { last4: '6789' },
    });
    expect(await balanceOf(staff, hana.id)).toBe(0);
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

  it('holds what a payment in flight pays: the second tab is told what is left', async () => {
    const staff = await poolBusiness(h);
    const jo = await createCustomer(staff, { name: 'Jo' });
    const invoice = await createInvoice(staff, jo.id, 10_000);
    const link = await createPaymentLink(staff, { customer: jo.id });
    const tabA = openPortal(h, link);
    const tabB = openPortal(h, link);
    const a = await tabA.create({ invoices: [{ id: invoice.id, amount: 6_000 }], method: 'card' });
    expect(a.status).toBe(200);
    const b = await tabB.create({ invoices: [{ id: invoice.id, amount: 10_000 }], method: 'card' });
    expect(b.status).toBe(409);
    expect(b.body.error).toMatchObject({
      code: 'amount_unavailable',
      param: 'invoices[0].amount',
      amount_available: 4_000,
      message: 'Another payment for this is in progress; $40.00 is left to pay.',
    });
    const rest = await tabB.create({
      invoices: [{ id: invoice.id, amount: 4_000 }],
      method: 'card',
    });
    expect(rest.status).toBe(200);
    // A declined payment frees what it held.
    await tabA.confirm(a.body.id, { sandbox: DECLINED });
    const again = await tabB.create({
      invoices: [{ id: invoice.id, amount: 6_000 }],
      method: 'card',
    });
    expect(again.status).toBe(200);
    expect(await balanceOf(staff, jo.id)).toBe(10_000);
  });

  it('checks what is asked against what is due, and refuses bad input with 400 and no change', async () => {
    const staff = await poolBusiness(h, { partial_payments: { enabled: false, minimum: 100 } });
    const { customer: kit, invoice, link } = await owingCustomer(staff, 10_000, { name: 'Kit' });
    const p = openPortal(h, link);
    const tooMuch = await p.create({
      invoices: [{ id: invoice.id, amount: 10_001 }],
      method: 'card',
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error).toMatchObject({
      code: 'amount_too_large',
      param: 'invoices[0].amount',
    });
    const partial = await p.create({
      invoices: [{ id: invoice.id, amount: 5_000 }],
      method: 'card',
    });
    expect(partial.body.error.code).toBe('partial_not_allowed');
    const other = await p.create({ invoices: [{ id: 'inv_nope', amount: 5_000 }], method: 'card' });
    expect(other.body.error.code).toBe('unknown_invoice');
    const tip = await p.create({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      tip: { percent: 19 },
      method: 'card',
    });
    expect(tip.body.error.code).toBe('tip_not_offered');
    const noMethod = await p.create({ invoices: [{ id: invoice.id, amount: 10_000 }] });
    expect(noMethod.status).toBe(400);
    expect(noMethod.body.error.param).toBe('method');
    const noKey = await p.create(
      { invoices: [{ id: invoice.id, amount: 10_000 }], method: 'card' },
      null,
    );
    expect(noKey.status).toBe(400);
    expect(noKey.body.error).toMatchObject({
      code: 'idempotency_key_missing',
      param: 'Idempotency-Key',
    });
    const dead = await openPortal(h, 'not-a-token').create({ invoices: [], method: 'card' });
    expect(dead.status).toBe(404);
    expect(dead.body.error.code).toBe('link_invalid');
    expect(
      await h.db.selectFrom('payments').select('id').where('customer_id', '=', kit.id).execute(),
    ).toEqual([]);
  });

  it('replays the same key and body, and refuses the same key with another body', async () => {
    const staff = await poolBusiness(h);
    const { customer: lee, invoice, link } = await owingCustomer(staff, 8_000, { name: 'Lee' });
    const p = openPortal(h, link);
    const key = newKey();
    const body = { invoices: [{ id: invoice.id, amount: 8_000 }], method: 'card' };
    const first = await p.create(body, key);
    const second = await p.create(
      { method: 'card', invoices: [{ amount: 8_000, id: invoice.id }] },
      key,
    );
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const other = await p.create({ ...body, tip: { percent: 20 } }, key);
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      type: 'idempotency_error',
      code: 'idempotency_error',
    });
    // Another link of the same business cannot read this key's answer.
    const mo = await createCustomer(staff, { name: 'Mo' });
    const theirs = await openPortal(h, await createPaymentLink(staff, { customer: mo.id })).create(
      body,
      key,
    );
    expect(theirs.status).toBe(422);
    expect(
      await h.db.selectFrom('payments').select('id').where('customer_id', '=', lee.id).execute(),
    ).toHaveLength(1);
    const stored = await h.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ response_status: 200, payment_id: first.body.id });

    // Kept at least 24 hours: a day-old key is still answered; an older one is forgotten.
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    await h.db
      .updateTable('idempotency_keys')
      .set({ created_at: hoursAgo(23) })
      .where('key', '=', key)
      .execute();
    expect(await pruneIdempotencyKeys(h.db)).toBe(0);
    expect((await p.create(body, key)).body).toEqual(first.body);
    await h.db
      .updateTable('idempotency_keys')
      .set({ created_at: hoursAgo(25) })
      .where('key', '=', key)
      .execute();
    expect(await pruneIdempotencyKeys(h.db)).toBeGreaterThanOrEqual(1);
    expect(
      await h.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute(),
    ).toEqual([]);
  });

  it('pays part of an invoice and an account balance; money beyond what is due becomes credit', async () => {
    const staff = await poolBusiness(h, { convenience_fees: {} });
    const nia = await createCustomer(staff, { name: 'Nia' });
    const invoice = await createInvoice(staff, nia.id, 10_000);
    await staff.post(`/v1/customers/${nia.id}/charges`, { amount: 2_500, description: 'Filter' });
    const p = openPortal(h, await createPaymentLink(staff, { customer: nia.id }));
    const paid = await p.pay({
      invoices: [{ id: invoice.id, amount: 4_000 }],
      balance_amount: 2_500,
      method: 'card',
    });
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 6_500 });
    expect(await balanceOf(staff, nia.id)).toBe(6_000);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body).toMatchObject({
      status: 'partially_paid',
      amount_due: 6_000,
    });
    const view = await p.get();
    expect(view.body.balance_due).toBe(0);
    expect(view.body.invoices[0].amount_due).toBe(6_000);
  });

  it('records SMS and card-saving consent, saves the card only when asked, and lets the customer remove it', async () => {
    const staff = await poolBusiness(h);
    const ola = await createCustomer(staff, { name: 'Ola' });
    const first = await createInvoice(staff, ola.id, 1_000);
    const second = await createInvoice(staff, ola.id, 2_000);
    const link = await createPaymentLink(staff, { customer: ola.id });
    const p = openPortal(h, link, '198.51.100.4');
    const text = 'Text me payment reminders. Msg & data rates may apply. Reply STOP to end.';
    const saved = await p.pay({
      invoices: [{ id: first.id, amount: 1_000 }],
      method: 'card',
      save_payment_method: true,
      sms_consent: { phone: '+1 555 010 2000', text },
    });
    expect(saved.body.status).toBe('succeeded');
    const consents = await h.db
      .selectFrom('consents')
      .selectAll()
      .where('customer_id', '=', ola.id)
      .orderBy('kind')
      .execute();
    expect(consents).toHaveLength(2);
    expect(consents[0]).toMatchObject({
      kind: 'save_card',
      text: 'Save card for future payments',
      client_address: '198.51.100.4',
    });
    expect(consents[1]).toMatchObject({
      kind: 'sms',
      phone: '+1 555 010 2000',
      text,
      client_address: '198.51.100.4',
      user_agent: PHONE_BROWSER,
    });
    expect(consents[1]!.payment_link_id).toMatch(/^lnk_/);
    expect(consents[1]!.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);

    const cards = await h.db
      .selectFrom('payment_methods')
      .selectAll()
      .where('customer_id', '=', ola.id)
      .execute();
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      brand: 'visa',
      last4: '4242',
      exp_month: 12,
      exp_year: 2034,
      removed_at: null,
    });
    expect((await p.get()).body.saved_payment_methods).toEqual([
      { id: cards[0]!.id, brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034 },
    ]);

    // Paying again with the saved card.
    const { body: again } = await p.create({
      invoices: [{ id: second.id, amount: 2_000 }],
      method: 'card',
      payment_method: cards[0]!.id,
    });
    const reused = await p.confirm(again.id, { sandbox: { payment_method: cards[0]!.id } });
    expect(reused.body).toMatchObject({ status: 'succeeded', card: { last4: '4242' } });
    expect(await balanceOf(staff, ola.id)).toBe(0);

    const removed = await p.removeCard(cards[0]!.id);
    expect(removed.body).toEqual({ id: cards[0]!.id, object: 'payment_method', deleted: true });
    expect((await p.removeCard(cards[0]!.id)).status).toBe(404);
    expect((await p.get()).body.saved_payment_methods).toEqual([]);
    const gone = await h.db
      .selectFrom('sandbox_payment_methods')
      .select('detached_at')
      .where('id', '=', cards[0]!.provider_payment_method_id)
      .executeTakeFirstOrThrow();
    expect(gone.detached_at).not.toBeNull();

    // Unticked (the default): nothing saved, no consent kept.
    const pat = await createCustomer(staff, { name: 'Pat' });
    const third = await createInvoice(staff, pat.id, 1_000);
    await openPortal(h, await createPaymentLink(staff, { customer: pat.id })).pay({
      invoices: [{ id: third.id, amount: 1_000 }],
      method: 'card',
    });
    expect(
      await h.db
        .selectFrom('payment_methods')
        .select('id')
        .where('customer_id', '=', pat.id)
        .execute(),
    ).toEqual([]);
    expect(
      await h.db.selectFrom('consents').select('id').where('customer_id', '=', pat.id).execute(),
    ).toEqual([]);
  });

  it("shows only the link's own payments: an invoice link sees its invoice's, not the customer's others", async () => {
    const staff = await poolBusiness(h);
    const quinn = await createCustomer(staff, { name: 'Quinn' });
    const a = await createInvoice(staff, quinn.id, 1_000);
    const b = await createInvoice(staff, quinn.id, 2_000);
    const customerLink = openPortal(h, await createPaymentLink(staff, { customer: quinn.id }));
    const invoiceLink = openPortal(h, await createPaymentLink(staff, { invoice: b.id }));
    const paidA = await customerLink.pay({
      invoices: [{ id: a.id, amount: 1_000 }],
      method: 'card',
    });
    const paidB = await customerLink.pay({
      invoices: [{ id: b.id, amount: 2_000 }],
      method: 'card',
    });
    const seen = await invoiceLink.history();
    expect(seen.body.data.map((row: { id: string }) => row.id)).toEqual([paidB.body.id]);
    expect((await invoiceLink.payment(paidA.body.id)).status).toBe(404);

    const all = await customerLink.history('?limit=1');
    expect(all.body).toMatchObject({ has_more: true });
    expect(all.body.data[0].id).toBe(paidB.body.id);
    const rest = await customerLink.history(`?limit=1&starting_after=${paidB.body.id}`);
    expect(rest.body.data[0].id).toBe(paidA.body.id);
    // The invoice link, now paid, still shows; it has nothing more to pay.
    const none = await invoiceLink.create({ invoices: [{ id: b.id, amount: 1 }], method: 'card' });
    expect(none.status).toBe(422);
    // A payment on the customer link for two invoices and a tip: the invoice link sees only
    // what went to its invoice, and the customer's receipt for the whole is not its to open.
    const c = await createInvoice(staff, quinn.id, 3_000);
    const d = await createInvoice(staff, quinn.id, 4_000);
    const cLink = openPortal(h, await createPaymentLink(staff, { invoice: c.id }));
    const both = await customerLink.pay({
      invoices: [
        { id: c.id, amount: 3_000 },
        { id: d.id, amount: 4_000 },
      ],
      tip: { percent: 20 },
      method: 'card',
    });
    expect(both.body).toMatchObject({ status: 'succeeded', subtotal: 7_000, tip: 1_400 });
    const fromInvoice = await cLink.payment(both.body.id);
    expect(fromInvoice.body).toMatchObject({ amount: 3_000, subtotal: 3_000, tip: 0, fee: 0 });
    expect(fromInvoice.body.receipt_url).toBeNull();
    expect((await cLink.history()).body.data[0]).toMatchObject({ id: both.body.id, amount: 3_000 });
    expect((await cLink.get(`/payments/${both.body.id}/receipt.pdf`)).status).toBe(404);
    expect((await customerLink.payment(both.body.id)).body.receipt_url).toMatch(/receipt\.pdf$/);
  });

  it('pays in a zero-decimal currency (JPY) to the yen', async () => {
    const staff = await poolBusiness(
      h,
      { convenience_fees: { card: { percent_bps: 350, fixed: 0 } } },
      'jpy',
    );
    const { invoice, link } = await owingCustomer(staff, 12_345, { name: 'Ren' });
    const p = openPortal(h, link);
    const paid = await p.pay({
      invoices: [{ id: invoice.id, amount: 12_345 }],
      tip: { percent: 18 },
      method: 'card',
    });
    // tip 2 222.1 → 2 222; fee 3.5 % of 14 567 = 509.845 → 510
    expect(paid.body).toMatchObject({
      status: 'succeeded',
      currency: 'jpy',
      subtotal: 12_345,
      tip: 2_222,
      fee: 510,
      amount: 15_077,
    });
    const bank = await p.create({ invoices: [], balance_amount: 0, method: 'us_bank_account' });
    expect(bank.status).toBe(422);
  });
});
