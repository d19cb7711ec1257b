/** A link's own payments: what an invoice link lists and opens of the customer's payments. */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createInvoice,
  createPaymentLink,
  poolBusiness,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';

describe.each(testStores)('portal payments on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

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
});
