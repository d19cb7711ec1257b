/**
 * An invoice's activity for staff (`GET /v1/invoices/:id/events`, issue 11): made, sent, viewed,
 * each payment with its amount, method and receipt, a refund, a question, a void, with times,
 * oldest first; and another business's invoice is unknown.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  brandedBusiness,
  createBusiness,
  createCustomer,
  createInvoice,
  createPaymentLink,
  made,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { BANK, openPortal } from '../support/portal-client.ts';
import { useMailbox } from '../support/smtp.ts';

describe.each(testStores)("an invoice's activity on $name", (store) => {
  const h = useHarness(store, UNLIMITED);
  useMailbox(h);

  it('lists sent, viewed, payments, a refund and a question, oldest first', async () => {
    const staff = await brandedBusiness(h, { partial_payments: { enabled: true, minimum: 100 } });
    const dana = await createCustomer(staff, { name: 'Dana Diaz', email: 'dana@example.com' });
    const invoice = await createInvoice(staff, dana.id, 10_000);
    const link = await createPaymentLink(staff, { invoice: invoice.id });
    made(
      'send',
      await staff.post(`/v1/payment_links/${link.id}/send`, {
        channel: 'email',
        to: 'dana@example.com',
      }),
    );
    const customer = openPortal(h, link);
    expect((await customer.view()).status).toBe(204);
    const order = { method: 'card', save_payment_method: false, sms_consent: null };
    const first = made(
      'pay',
      await customer.pay({ invoices: [{ id: invoice.id, amount: 4_000 }], ...order }),
    );
    expect(
      (
        await customer.post(`/invoices/${invoice.id}/questions`, {
          message: 'Is the rest due now?',
        })
      ).status,
    ).toBe(200);
    const second = made(
      'pay',
      await customer.pay(
        { invoices: [{ id: invoice.id, amount: 6_000 }], ...order, method: 'us_bank_account' },
        BANK,
      ),
    );
    made('refund', await staff.post(`/v1/payments/${first.id}/refunds`, { amount: 1_000 }));

    const events = await staff.get(`/v1/invoices/${invoice.id}/events`);
    expect(events.status).toBe(200);
    expect(events.body).toMatchObject({ object: 'list', has_more: false });
    const data = events.body.data as { type: string; created: string }[];
    expect(data.map((event) => event.type)).toEqual([
      'created',
      'sent',
      'viewed',
      'payment',
      'question',
      'payment',
      'refund',
    ]);
    expect([...data].sort((a, b) => a.created.localeCompare(b.created))).toEqual(data);
    expect(data[1]).toMatchObject({ channel: 'email', link: link.id });
    expect(data[3]).toMatchObject({
      amount: 4_000,
      method: 'card',
      payment: first.id,
      receipt_number: first.receipt_number,
    });
    expect(data[4]).toMatchObject({ message: 'Is the rest due now?', link: link.id });
    expect(data[5]).toMatchObject({ amount: 6_000, method: 'us_bank_account', payment: second.id });
    expect(data[6]).toMatchObject({ amount: 1_000, payment: first.id });
  });

  it("lists a void, and answers 404 for another business's invoice", async () => {
    const staff = await brandedBusiness(h);
    const dana = await createCustomer(staff);
    const invoice = await createInvoice(staff, dana.id, 5_000);
    made('void', await staff.post(`/v1/invoices/${invoice.id}/void`));
    const events = await staff.get(`/v1/invoices/${invoice.id}/events`);
    expect(events.body.data.map((event: { type: string }) => event.type)).toEqual([
      'created',
      'voided',
    ]);
    const other = await createBusiness(h, { name: 'Other Pools' });
    expect((await other.get(`/v1/invoices/${invoice.id}/events`)).status).toBe(404);
  });
});
