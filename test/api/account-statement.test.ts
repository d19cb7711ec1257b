/**
 * A customer's account statement for staff (issue 15): every entry newest first with the running
 * balance, the invoice it belongs to and who caused it, paged without losing order; and a
 * payment's receipt as a PDF for staff, only for a succeeded payment of their own.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  chargeCustomer,
  createCustomer,
  createInvoice,
  createPaymentLink,
  creditCustomer,
  poolBusiness,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';

describe.each(testStores)('the account statement on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  async function busyAccount() {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff, { name: 'Dana' });
    await chargeCustomer(staff, dana.id, { amount: 8_500, tax: 700, description: 'Pool service' });
    const invoice = await createInvoice(staff, dana.id, 10_000);
    await creditCustomer(staff, dana.id, 1_000);
    const link = await createPaymentLink(staff, { customer: dana.id });
    const paid = await openPortal(h, link).pay({
      invoices: [{ id: invoice.id, amount: 9_000 }],
      tip: { percent: 18 },
      method: 'card',
    });
    expect(paid.body.status).toBe('succeeded');
    return { staff, dana, invoice, payment: paid.body as { id: string; amount: number } };
  }

  it('lists every entry newest first with the running balance and who caused it', async () => {
    const { staff, dana, invoice, payment } = await busyAccount();
    const statement = await staff.get(`/v1/customers/${dana.id}/entries?limit=100`);
    expect(statement.status).toBe(200);
    const entries = statement.body.data as {
      kind: string;
      amount: number;
      balance_after: number;
      added_by: string;
      invoice_number: string | null;
      payment: string | null;
    }[];
    // The running balance: each entry's balance is the one before it plus its amount.
    for (let i = 0; i < entries.length - 1; i++) {
      expect(entries[i]!.balance_after).toBe(entries[i + 1]!.balance_after + entries[i]!.amount);
    }
    const oldest = entries.at(-1)!;
    expect(oldest).toMatchObject({ kind: 'charge', amount: 9_200, balance_after: 9_200 });
    expect(oldest.added_by).toBe('staff');
    const invoiceCharge = entries.find((e) => e.kind === 'charge' && e.invoice_number);
    expect(invoiceCharge).toMatchObject({ amount: 10_000, invoice_number: 'INV-0001' });
    const payments = entries.filter((e) => e.payment === payment.id);
    expect(payments.every((e) => e.added_by === 'customer')).toBe(true);
    expect(entries[0]!.balance_after).toBe(
      (await staff.get(`/v1/customers/${dana.id}/balance`)).body.amount,
    );
    expect(invoice.number).toBe('INV-0001');

    // Paged by position: two pages hold the same entries in the same order.
    const first = await staff.get(`/v1/customers/${dana.id}/entries?limit=2`);
    expect(first.body.has_more).toBe(true);
    const rest = await staff.get(
      `/v1/customers/${dana.id}/entries?limit=100&starting_after=${first.body.data[1].id}`,
    );
    expect([...first.body.data, ...rest.body.data]).toEqual(statement.body.data);
  });

  it("keeps another business out and names a bad cursor; gives staff a succeeded payment's receipt", async () => {
    const { staff, dana, payment } = await busyAccount();
    const rival = await h.business({ name: 'Rival Pools' });
    expect((await rival.get(`/v1/customers/${dana.id}/entries`)).status).toBe(404);
    const unknown = await staff.get(`/v1/customers/${dana.id}/entries?starting_after=led_nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.param).toBe('starting_after');
    expect((await staff.get(`/v1/customers/${dana.id}/entries?limit=0`)).status).toBe(400);

    const receipt = await h.request(`/v1/payments/${payment.id}/receipt.pdf`, {
      headers: { authorization: `Bearer ${staff.apiKey}` },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect(receipt.headers.get('content-disposition')).toMatch(/receipt-R-\d+\.pdf/);
    expect(
      Buffer.from(await receipt.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await rival.get(`/v1/payments/${payment.id}/receipt.pdf`)).status).toBe(404);
  });
});
