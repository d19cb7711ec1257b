/** Credit that moves: given back or on by a void, paid beyond an invoice, kept by a deposit. */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  balanceOf,
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
  creditCustomer,
  poolBusiness,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal, THREE_D_SECURE } from '../support/portal-client.ts';
import { creditChecks } from './credit-checks.ts';

describe.each(testStores)('account credit applied to open invoices on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const { invoiceView, expectBalanceIsSumOfEntries } = creditChecks(h);

  it('voiding an invoice gives its credit back: the balance is what it was before the invoice', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff);
    await creditCustomer(staff, dana.id, 3_000);
    const invoice = await createInvoice(staff, dana.id, 10_000);
    expect((await invoiceView(staff, invoice.id)).amount_due).toBe(7_000);

    const voided = await staff.post(`/v1/invoices/${invoice.id}/void`);
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: 'void', amount_due: 0, amount_credited: 0 });
    expect(await balanceOf(staff, dana.id)).toBe(-3_000);
    const p = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    expect((await p.get()).body).toMatchObject({ balance: { amount: -3_000 }, invoices: [] });

    // The credit is there for the next invoice.
    const next = await createInvoice(staff, dana.id, 5_000);
    expect(await invoiceView(staff, next.id)).toMatchObject({
      amount_due: 2_000,
      amount_credited: 3_000,
    });
    expect(await expectBalanceIsSumOfEntries(staff, dana.id)).toBe(2_000);
  });

  it('voiding an invoice paid by credit moves the credit on to the other open invoices', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff);
    await creditCustomer(staff, dana.id, 3_000);
    const paidByCredit = await createInvoice(staff, dana.id, 2_000);
    const open = await createInvoice(staff, dana.id, 5_000);
    expect((await invoiceView(staff, paidByCredit.id)).status).toBe('paid');
    expect((await invoiceView(staff, open.id)).amount_due).toBe(4_000);

    expect((await staff.post(`/v1/invoices/${paidByCredit.id}/void`)).status).toBe(200);
    expect(await invoiceView(staff, open.id)).toMatchObject({
      status: 'open',
      amount_due: 2_000,
      amount_credited: 3_000,
    });
    expect(await expectBalanceIsSumOfEntries(staff, dana.id)).toBe(2_000);
  });

  it('money paid beyond what an invoice asks for covers the next open invoice', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff);
    const first = await createInvoice(staff, dana.id, 10_000);
    const second = await createInvoice(staff, dana.id, 5_000);
    const p = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));

    // The customer pays the first invoice in full, held up at the bank's 3-D Secure step…
    const { body: payment } = await p.create({
      invoices: [{ id: first.id, amount: 10_000 }],
      method: 'card',
    });
    const challenged = await p.confirm(payment.id, { sandbox: THREE_D_SECURE });
    expect(challenged.body.status).toBe('requires_action');
    // …while staff credit 4 000, which goes onto the first invoice (the oldest).
    await creditCustomer(staff, dana.id, 4_000);
    expect((await invoiceView(staff, first.id)).amount_due).toBe(6_000);

    const done = await p.confirm(payment.id, { sandbox: { three_d_secure: 'approve' } });
    expect(done.body).toMatchObject({ status: 'succeeded', subtotal: 10_000 });
    // 6 000 paid the first invoice; the 4 000 beyond it became credit and went onto the second.
    expect(await invoiceView(staff, first.id)).toMatchObject({
      status: 'paid',
      amount_paid: 6_000,
      amount_credited: 4_000,
    });
    expect(await invoiceView(staff, second.id)).toMatchObject({
      status: 'open',
      amount_due: 1_000,
      amount_paid: 0,
      amount_credited: 4_000,
    });
    expect(await balanceOf(staff, dana.id)).toBe(1_000);
    expect((await p.get()).body).toMatchObject({
      balance: { amount: 1_000 },
      balance_due: 0,
      invoices: [{ id: second.id, amount_due: 1_000 }],
    });
    await expectBalanceIsSumOfEntries(staff, dana.id);

    // Refunding what went to the account takes it back from the account, not from the invoice
    // the credit paid down: the customer owes it on the account again.
    const refund = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 4_000 });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
    expect((await invoiceView(staff, second.id)).amount_due).toBe(1_000);
    expect((await p.get()).body).toMatchObject({ balance: { amount: 5_000 }, balance_due: 4_000 });
    expect(await expectBalanceIsSumOfEntries(staff, dana.id)).toBe(5_000);
  });

  it("a deposit paid on an estimate is kept for that estimate's invoice, then the credit follows it", async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff);
    const estimate = await createEstimate(staff, dana.id, { deposit_amount: 50_000 });
    const p = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    const signature = { type: 'typed', name: 'Dana Diaz' };
    expect((await p.approve(estimate.id, signature)).status).toBe(200);
    const other = await createInvoice(staff, dana.id, 10_000);

    const deposit = await p.pay({
      estimate_deposit: { estimate: estimate.id },
      method: 'card',
    });
    expect(deposit.body).toMatchObject({ status: 'succeeded', subtotal: 50_000 });
    // The deposit is the estimate's: the other invoice still asks for all of itself.
    expect(await invoiceView(staff, other.id)).toMatchObject({
      amount_due: 10_000,
      amount_credited: 0,
    });
    await creditCustomer(staff, dana.id, 13_000); // 10 000 pays the other invoice, 3 000 left over
    expect((await invoiceView(staff, other.id)).status).toBe('paid');
    expect(await balanceOf(staff, dana.id)).toBe(-53_000);

    const converted = await staff.post(`/v1/estimates/${estimate.id}/invoice`, {});
    expect(converted.status).toBe(200);
    expect(converted.body).toMatchObject({
      total: estimate.total,
      amount_paid: 50_000,
      amount_credited: 3_000,
      amount_due: estimate.total - 53_000,
      status: 'partially_paid',
    });
    expect(await expectBalanceIsSumOfEntries(staff, dana.id)).toBe(estimate.total - 53_000);
  });
});
