/** Paying as the customer chooses: by bank, part of an invoice, in yen, and what is refused. */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  balanceOf,
  createCustomer,
  createInvoice,
  createPaymentLink,
  poolBusiness,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { BANK, BANK_NO_ACCOUNT, openPortal } from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';

describe.each(testStores)('portal payments on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

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
