/** A customer with many open invoices: the portal shows the first 10 and pages the rest, 25 at a time. */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  chargeCustomer,
  createCustomer,
  createInvoice,
  createPaymentLink,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { linkCalls } from '../support/portal-client.ts';

describe.each(testStores)('portal invoice pages on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const { get, quote } = linkCalls(h);

  async function customerWithInvoices(count: number) {
    const staff = await h.business();
    const customer = await createCustomer(staff);
    const invoices = [];
    for (let i = 0; i < count; i += 1) {
      invoices.push(await createInvoice(staff, customer.id, { unit_amount: 1_000 + i }));
    }
    await chargeCustomer(staff, customer.id, { amount: 2_000, description: 'Chlorine' });
    const { token } = await createPaymentLink(staff, { customer: customer.id });
    return { staff, customer, invoices, token };
  }

  it('shows the first 10 of 30 open invoices, what all of them owe, and the balance outside them', async () => {
    const { invoices, token } = await customerWithInvoices(30);
    const owed = invoices.reduce((sum, invoice) => sum + invoice.total, 0);
    const portal = await get(token);
    expect(portal.status).toBe(200);
    expect(portal.body.invoices.map((invoice: { id: string }) => invoice.id)).toEqual(
      invoices.slice(0, 10).map((invoice) => invoice.id),
    );
    expect(portal.body.invoices_summary).toEqual({ count: 30, amount_due: owed, has_more: true });
    expect(portal.body.balance).toEqual({ amount: owed + 2_000, state: 'outstanding' });
    expect(portal.body.balance_due).toBe(2_000);
  });

  it('pages the rest after the last invoice shown, and takes a quote for an invoice not shown at first', async () => {
    const { invoices, token } = await customerWithInvoices(30);
    const ids = (page: { body: { data: { id: string }[] } }) => page.body.data.map((i) => i.id);
    const next = await get(token, `/invoices?starting_after=${invoices[24]!.id}&limit=3`);
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ object: 'list', has_more: true });
    expect(ids(next)).toEqual(invoices.slice(25, 28).map((invoice) => invoice.id));
    expect(next.body.data[0]).toMatchObject({
      number: invoices[25]!.number,
      amount_due: invoices[25]!.total,
      pdf_url: `/v1/portal/${token}/invoices/${invoices[25]!.id}.pdf`,
    });
    const last = await get(token, `/invoices?starting_after=${invoices[27]!.id}`);
    expect(ids(last)).toEqual(invoices.slice(28).map((invoice) => invoice.id));
    expect(last.body.has_more).toBe(false);
    const first = await get(token, '/invoices?limit=2');
    expect(ids(first)).toEqual(invoices.slice(0, 2).map((invoice) => invoice.id));
    expect(first.body.has_more).toBe(true);

    const paid = await quote(token, {
      invoices: [{ id: invoices[29]!.id, amount: invoices[29]!.total }],
      balance_amount: 0,
      tip: null,
      method: 'card',
    });
    expect(paid.status).toBe(200);
    expect(paid.body.subtotal).toBe(invoices[29]!.total);
  });

  it('answers an empty page after an invoice that is not the customer’s, and 400 for a bad limit', async () => {
    const { token } = await customerWithInvoices(2);
    const other = await customerWithInvoices(1);
    const foreign = await get(token, `/invoices?starting_after=${other.invoices[0]!.id}`);
    expect(foreign.status).toBe(200);
    expect(foreign.body).toEqual({ object: 'list', data: [], has_more: false });
    expect((await get(token, '/invoices?limit=0')).status).toBe(400);
    expect((await get(token, '/invoices?limit=101')).status).toBe(400);
  });

  it('shows an invoice link its one invoice, with nothing more', async () => {
    const { staff, invoices } = await customerWithInvoices(2);
    const { token } = await createPaymentLink(staff, { invoice: invoices[1]!.id });
    const portal = await get(token);
    expect(portal.body.invoices_summary).toEqual({
      count: 1,
      amount_due: invoices[1]!.total,
      has_more: false,
    });
    const page = await get(token, '/invoices');
    expect(page.body.data.map((invoice: { id: string }) => invoice.id)).toEqual([invoices[1]!.id]);
    expect(page.body.has_more).toBe(false);
  });
});
