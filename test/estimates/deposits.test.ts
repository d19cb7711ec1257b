/**
 * Deposits on approved estimates and their credit when the estimate becomes an invoice: first end
 * to end (approve, pay the deposit through the portal's payment flow with the sandbox, convert),
 * then the edges. Deposits are paid and refunded through the API where it can; the states it
 * refuses to make (part of a deposit, a second tab's payment, a payment recorded after the
 * conversion) are recorded by recordDepositPayment() (deposit-payments.ts), as
 * server/payments/record.ts records a deposit payment.
 */
import { describe, expect, it } from 'vitest';
import { estimateDepositDue } from '../../server/estimates/deposits.ts';
import type { PortalScope } from '../../server/links/access.ts';
import { openPortalLink } from '../../server/links/access.ts';
import { testStores } from '../support/databases.ts';
import { createEstimate, createInvoice, createPaymentLink } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';
import { openPortal, VISA } from '../support/portal-client.ts';
import { brandedCustomer, estimateForDana } from '../support/scenarios.ts';
import { recordDepositPayment } from './deposit-payments.ts';

describe.each(testStores)('estimate deposits on $name', (store) => {
  const h = useHarness(store);

  async function approvedEstimate(deposit: Record<string, number> = { deposit_percent: 20 }) {
    const { staff, dana, estimate } = await estimateForDana(h, deposit);
    const { token } = await createPaymentLink(staff, { customer: dana.id });
    const approved = await openPortal(h, token).approve(estimate.id, {
      type: 'typed',
      name: 'Dana Diaz',
    });
    expect(approved.status).toBe(200);
    return { staff, dana, estimate, token };
  }

  /** The customer pays the estimate's deposit in the portal, with the sandbox's Visa. */
  async function payDeposit(token: string, estimateId: string) {
    const paid = await openPortal(h, token).pay({
      estimate_deposit: { estimate: estimateId },
      method: 'card',
    });
    expect(paid.body.status, JSON.stringify(paid.body)).toBe('succeeded');
    return paid.body as { id: string };
  }

  /** The portal scope of a token, as the payment route would open it. */
  async function scopeOf(token: string): Promise<PortalScope> {
    const vars = { db: h.db, config: h.config };
    const c = {
      var: vars,
      get: (key: keyof typeof vars) => vars[key],
      env: { incoming: { socket: { remoteAddress: '203.0.113.7' } } },
    };
    return openPortalLink(c as never, token);
  }

  it('end to end: approved, deposit paid through the portal, credited to the invoice', async () => {
    const { staff, dana, estimate, token } = await approvedEstimate({ deposit_amount: 50_000 });
    const customer = openPortal(h, token);
    const paid = await customer.pay(
      { estimate_deposit: { estimate: estimate.id }, method: 'card' },
      VISA,
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ status: 'succeeded', subtotal: 50_000 });
    expect((await staff.get(`/v1/estimates/${estimate.id}`)).body.deposit_paid).toBe(50_000);
    expect((await staff.get(`/v1/customers/${dana.id}/balance`)).body.amount).toBe(-50_000);
    // Paid once: the portal does not take the same deposit again.
    const again = await customer.create({
      estimate_deposit: { estimate: estimate.id },
      method: 'card',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'deposit_not_due']);

    const invoice = (await staff.post(`/v1/estimates/${estimate.id}/invoice`, {})).body;
    expect(invoice).toMatchObject({
      total: estimate.total,
      amount_paid: 50_000,
      amount_due: estimate.total - 50_000,
      status: 'partially_paid',
    });
    expect((await staff.get(`/v1/customers/${dana.id}/balance`)).body.amount).toBe(
      estimate.total - 50_000,
    );
    // The invoice's PDF names the deposit among the payments applied.
    const pdf = await h.request(`/v1/invoices/${invoice.id}/pdf`, {
      headers: { authorization: `Bearer ${staff.apiKey}` },
    });
    const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
    expect(text).toContain(`Estimate ${estimate.number}`);
    expect(text).toMatch(
      new RegExp(
        `Deposit ${paid.body.receipt_number} \\(estimate ${estimate.number}\\) · .+ -\\$500\\.00`,
      ),
    );
  });

  it('credits the deposit paid against the invoice the approved estimate becomes', async () => {
    const { staff, dana, estimate, token } = await approvedEstimate();
    const deposit = estimate.deposit_amount;
    expect(deposit).toBe(108_360); // 20 % of 541 800
    const due = await estimateDepositDue(h.db, await scopeOf(token), estimate.id);
    expect(due.amount).toBe(deposit);

    const payment = await payDeposit(token, estimate.id);
    expect((await staff.get(`/v1/customers/${dana.id}/balance`)).body).toMatchObject({
      amount: -deposit,
      state: 'credit',
    });
    expect((await staff.get(`/v1/estimates/${estimate.id}`)).body.deposit_paid).toBe(deposit);

    const converted = await staff.post(`/v1/estimates/${estimate.id}/invoice`, {
      due_date: '2026-12-31',
    });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    expect(converted.body).toMatchObject({
      object: 'invoice',
      customer: dana.id,
      status: 'partially_paid',
      subtotal: estimate.subtotal,
      tax: estimate.tax,
      total: estimate.total,
      amount_paid: deposit,
      amount_due: estimate.total - deposit,
      due_date: '2026-12-31',
    });
    expect(converted.body.lines.map((line: { description: string }) => line.description)).toEqual([
      'Pool resurfacing (plaster, 450 sq ft)',
      'Waterline tiles',
    ]);
    // The balance is what the invoice still asks for: the deposit moved, it was not counted twice.
    expect((await staff.get(`/v1/customers/${dana.id}/balance`)).body.amount).toBe(
      estimate.total - deposit,
    );
    const seen = (await staff.get(`/v1/estimates/${estimate.id}`)).body;
    expect([seen.invoice, seen.deposit_paid]).toEqual([converted.body.id, deposit]);
    const entries = await h.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount', 'invoice_id', 'payment_id'])
      .where('customer_id', '=', dana.id)
      .where('kind', 'in', ['adjustment', 'payment'])
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => [e.kind, Number(e.amount), e.invoice_id, e.payment_id])).toEqual([
      ['payment', -deposit, null, payment.id],
      ['adjustment', deposit, null, null],
      ['payment', -deposit, converted.body.id, payment.id],
    ]);

    const again = await staff.post(`/v1/estimates/${estimate.id}/invoice`, {});
    expect([again.status, again.body.error.code]).toEqual([409, 'estimate_already_invoiced']);
    await expect(estimateDepositDue(h.db, await scopeOf(token), estimate.id)).rejects.toMatchObject(
      { status: 409, code: 'estimate_invoiced', param: 'estimate_deposit.estimate' },
    );
  });

  it('asks a deposit only of an approved estimate, once, through a link that reaches it', async () => {
    const { staff, dana, estimate, token } = await approvedEstimate({ deposit_amount: 25_000 });
    const pending = await createEstimate(staff, dana.id, { deposit_amount: 1_000 });
    const noDeposit = await createEstimate(staff, dana.id);
    await openPortal(h, token).approve(noDeposit.id, { type: 'typed', name: 'Dana' });
    const scope = await scopeOf(token);
    await expect(estimateDepositDue(h.db, scope, pending.id)).rejects.toMatchObject({
      status: 409,
      code: 'estimate_not_approved',
    });
    await expect(estimateDepositDue(h.db, scope, noDeposit.id)).rejects.toMatchObject({
      status: 409,
      code: 'deposit_not_due',
    });
    const invoice = await createInvoice(staff, dana.id, {
      unit_amount: 5_000,
      description: 'Visit',
    });
    const viaInvoice = await scopeOf(
      (await createPaymentLink(staff, { invoice: invoice.id })).token,
    );
    await expect(estimateDepositDue(h.db, viaInvoice, estimate.id)).rejects.toMatchObject({
      status: 404,
      code: 'resource_missing',
      param: 'estimate_deposit.estimate',
    });

    // Half now, half later: each asks for what is left; then nothing is.
    await recordDepositPayment(h, staff, dana.id, estimate.id, 10_000);
    expect((await estimateDepositDue(h.db, scope, estimate.id)).amount).toBe(15_000);
    await recordDepositPayment(h, staff, dana.id, estimate.id, 15_000);
    await expect(estimateDepositDue(h.db, scope, estimate.id)).rejects.toMatchObject({
      status: 409,
      code: 'deposit_not_due',
    });
  });

  it('keeps a second deposit payment (another tab) as account credit, not as more deposit', async () => {
    const { staff, dana, estimate } = await approvedEstimate({ deposit_amount: 30_000 });
    await recordDepositPayment(h, staff, dana.id, estimate.id, 30_000);
    await recordDepositPayment(h, staff, dana.id, estimate.id, 30_000);
    expect((await staff.get(`/v1/estimates/${estimate.id}`)).body.deposit_paid).toBe(30_000);
    const invoice = (await staff.post(`/v1/estimates/${estimate.id}/invoice`, {})).body;
    // The extra 300.00 is still the customer's: account credit, applied to the invoice after the
    // deposit, so the invoice asks for what they owe overall.
    expect(invoice).toMatchObject({
      amount_paid: 30_000,
      amount_credited: 30_000,
      amount_due: estimate.total - 60_000,
    });
    expect((await staff.get(`/v1/customers/${dana.id}/balance`)).body.amount).toBe(
      estimate.total - 60_000,
    );
  });

  it('credits nothing of a deposit refunded before the estimate became an invoice', async () => {
    const { staff, dana, estimate, token } = await approvedEstimate({ deposit_amount: 40_000 });
    const payment = await payDeposit(token, estimate.id);
    const refunded = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 15_000 });
    expect(refunded.body.status).toBe('succeeded');
    expect((await staff.get(`/v1/estimates/${estimate.id}`)).body.deposit_paid).toBe(25_000);
    const invoice = (await staff.post(`/v1/estimates/${estimate.id}/invoice`, {})).body;
    expect([invoice.amount_paid, invoice.amount_due]).toEqual([25_000, estimate.total - 25_000]);
    expect((await staff.get(`/v1/customers/${dana.id}/balance`)).body.amount).toBe(
      estimate.total - 25_000,
    );
  });

  it('puts a deposit recorded after the conversion straight on the invoice', async () => {
    const { staff, dana, estimate } = await approvedEstimate({ deposit_amount: 20_000 });
    const invoice = (await staff.post(`/v1/estimates/${estimate.id}/invoice`, {})).body;
    expect([invoice.status, invoice.amount_due]).toEqual(['open', estimate.total]);
    await recordDepositPayment(h, staff, dana.id, estimate.id, 20_000);
    const after = (await staff.get(`/v1/invoices/${invoice.id}`)).body;
    expect([after.amount_paid, after.amount_due]).toEqual([20_000, estimate.total - 20_000]);
  });

  it('turns only approved estimates into invoices', async () => {
    const { staff, dana } = await brandedCustomer(h);
    const pending = await createEstimate(staff, dana.id);
    const declined = await createEstimate(staff, dana.id);
    await openPortal(h, await createPaymentLink(staff, { customer: dana.id })).decline(declined.id);
    for (const id of [pending.id, declined.id]) {
      const refused = await staff.post(`/v1/estimates/${id}/invoice`, {});
      expect([refused.status, refused.body.error.code]).toEqual([409, 'estimate_not_approved']);
    }
    const other = await h.business({ name: 'Rival Pools' });
    expect((await other.post(`/v1/estimates/${pending.id}/invoice`, {})).status).toBe(404);
    expect((await staff.get(`/v1/invoices?customer=${dana.id}`)).body.data).toEqual([]);
    expect((await staff.get(`/v1/customers/${dana.id}/balance`)).body.amount).toBe(0);
  });
});
