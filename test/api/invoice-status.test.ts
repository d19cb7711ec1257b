/** An invoice on the ledger: its charges, void, drafts, and its status moved by payments. */
import { describe, expect, it } from 'vitest';
import { markInvoiceViewed, setInvoiceStatus } from '../../server/invoices/status.ts';
import { testStores } from '../support/databases.ts';
import {
  balanceOf,
  chargeCustomer,
  createCustomer,
  createInvoice,
  createPaymentLink,
  poolBusiness,
  poolService,
} from '../support/fixtures.ts';
import { type StaffClient, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';

describe.each(testStores)('invoices API on $name', (store) => {
  const h = useHarness(store);

  /** Pays part of `invoiceId` as its customer would, on the invoice's link; the payment's id. */
  async function payInPart(staff: StaffClient, invoiceId: string, amount: number) {
    const customer = openPortal(h, await createPaymentLink(staff, { invoice: invoiceId }));
    const paid = await customer.pay({ invoices: [{ id: invoiceId, amount }], method: 'card' });
    expect(paid.body.status, JSON.stringify(paid.body)).toBe('succeeded');
    return paid.body.id as string;
  }

  it("posts one charge per line to the customer's ledger, and void takes it back", async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff);
    await chargeCustomer(staff, dana.id, { amount: 1000, description: 'Earlier' });
    const invoice = (
      await staff.post('/v1/invoices', {
        customer: dana.id,
        lines: [poolService, { description: 'Salt', quantity: 2, unit_amount: 750, tax_rate: 500 }],
      })
    ).body;
    expect(invoice.total).toBe(18_000 + 1500 + 75);
    expect(await balanceOf(staff, dana.id)).toBe(1000 + invoice.total);

    const entries = await h.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount', 'tax', 'description'])
      .where('invoice_id', '=', invoice.id)
      .orderBy('seq')
      .execute();
    expect(entries).toEqual([
      { kind: 'charge', amount: 18_000, tax: 0, description: 'Weekly pool service' },
      { kind: 'charge', amount: 1575, tax: 75, description: 'Salt' },
    ]);

    const voided = await staff.post(`/v1/invoices/${invoice.id}/void`);
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: 'void', amount_due: 0, total: invoice.total });
    expect(voided.body.voided_at).toEqual(expect.any(String));
    expect(await balanceOf(staff, dana.id)).toBe(1000);

    const again = await staff.post(`/v1/invoices/${invoice.id}/void`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'invoice_already_void' });
    expect(await balanceOf(staff, dana.id)).toBe(1000);
  });

  it('refuses to void an invoice that a payment was applied to, changing nothing', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff);
    const invoice = await createInvoice(staff, dana.id, { lines: [poolService] });
    await payInPart(staff, invoice.id, 5000);
    const refused = await staff.post(`/v1/invoices/${invoice.id}/void`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'invoice_has_payments', param: 'id' });
    const read = (await staff.get(`/v1/invoices/${invoice.id}`)).body;
    // As the payment left it: not void, the 50.00 still applied.
    expect(read).toMatchObject({ status: 'partially_paid', amount_paid: 5000, amount_due: 13_000 });
    expect(await balanceOf(staff, dana.id)).toBe(13_000);
  });

  it('keeps a draft off the ledger until it is finalized', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff);
    const draft = await staff.post('/v1/invoices', {
      customer: dana.id,
      lines: [poolService],
      draft: true,
    });
    expect(draft.body).toMatchObject({ status: 'draft', total: 18_000, amount_due: 18_000 });
    expect(await balanceOf(staff, dana.id)).toBe(0);

    const opened = await staff.post(`/v1/invoices/${draft.body.id}/finalize`);
    expect(opened.body).toMatchObject({ status: 'open', number: 'INV-0001', amount_due: 18_000 });
    expect(await balanceOf(staff, dana.id)).toBe(18_000);

    const twice = await staff.post(`/v1/invoices/${draft.body.id}/finalize`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('invoice_not_draft');
    expect(await balanceOf(staff, dana.id)).toBe(18_000);

    const voidedDraft = await staff.post('/v1/invoices', {
      customer: dana.id,
      lines: [poolService],
      draft: true,
    });
    const voided = await staff.post(`/v1/invoices/${voidedDraft.body.id}/void`);
    expect(voided.body).toMatchObject({ status: 'void', amount_due: 0 });
    expect(await balanceOf(staff, dana.id)).toBe(18_000);
  });

  it('moves status with the ledger: viewed, partially paid, paid, and back by refund', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff);
    const invoice = await createInvoice(staff, dana.id, { lines: [poolService] });
    const statusOf = async () => (await staff.get(`/v1/invoices/${invoice.id}`)).body.status;

    expect(await h.db.transaction().execute((trx) => markInvoiceViewed(trx, invoice.id))).toBe(
      true,
    );
    expect(await h.db.transaction().execute((trx) => markInvoiceViewed(trx, invoice.id))).toBe(
      false,
    );
    expect(await statusOf()).toBe('viewed');
    const first = await payInPart(staff, invoice.id, 8000);
    expect(await statusOf()).toBe('partially_paid');
    const second = await payInPart(staff, invoice.id, 10_000);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body).toMatchObject({
      status: 'paid',
      amount_paid: 18_000,
      amount_due: 0,
    });
    expect(await h.db.transaction().execute((trx) => markInvoiceViewed(trx, invoice.id))).toBe(
      false,
    );
    await expect(
      h.db.transaction().execute((trx) => setInvoiceStatus(trx, invoice.id, 'open')),
    ).rejects.toMatchObject({ status: 409, code: 'invoice_status_invalid' });
    // Both payments refunded in full: the invoice is owed again.
    for (const payment of [first, second]) {
      expect((await staff.post(`/v1/payments/${payment}/refunds`)).status).toBe(200);
    }
    expect(await statusOf()).toBe('open');
    const voided = await staff.post(`/v1/invoices/${invoice.id}/void`);
    expect(voided.body.error.code).toBe('invoice_has_payments');
  });
});
