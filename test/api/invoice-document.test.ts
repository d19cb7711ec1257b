/**
 * What the customer opens (issue 11): an invoice as a document, read through the link
 * (`GET /v1/portal/:token/invoices/:id/document`), "Overdue" counted in days, and "Ask a question"
 * about an invoice reaching the business by email.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  brandedBusiness,
  createCustomer,
  createInvoice,
  createPaymentLink,
  creditCustomer,
  daysFromToday,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';
import { openPortal } from '../support/portal-client.ts';
import { useMailbox } from '../support/smtp.ts';

const ADDRESS = {
  line1: '12 Palm Court',
  city: 'Austin',
  state: 'TX',
  postal_code: '78701',
  country: 'US',
};

describe.each(testStores)('the invoice as a document on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const { deliver } = useMailbox(h);

  async function invoiceForDana() {
    const staff = await brandedBusiness(h, {
      invoice_terms: 'Due within 30 days. Late payments accrue 1.5 % a month.',
    });
    const dana = await createCustomer(staff, {
      name: 'Dana Diaz',
      email: 'dana@example.com',
      address: ADDRESS,
    });
    await creditCustomer(staff, dana.id, 2_000);
    const invoice = await createInvoice(staff, dana.id, {
      due_date: daysFromToday(-3),
      notes: 'Gate code 4411.',
      lines: [
        { description: 'Weekly cleaning', quantity: 4, unit_amount: 4_500, tax_rate: 825 },
        { description: 'Filter cartridge', quantity: 2, unit_amount: 3_000, tax_rate: 625 },
        { description: 'Service call', quantity: 1, unit_amount: 5_000 },
      ],
    });
    return { staff, dana, invoice };
  }

  it('reads every line, tax by rate, credit applied, notes and terms through an invoice link', async () => {
    const { staff, invoice } = await invoiceForDana();
    const customer = openPortal(h, await createPaymentLink(staff, { invoice: invoice.id }));

    const read = await customer.get(`/invoices/${invoice.id}/document`);
    expect(read.status).toBe(200);
    // 180.00 + 60.00 + 50.00; tax 14.85 at 8.25 % and 3.75 at 6.25 %.
    expect(read.body).toMatchObject({
      object: 'invoice_document',
      number: invoice.number,
      status: 'open',
      due_date: daysFromToday(-3),
      days_overdue: 3,
      customer: { name: 'Dana Diaz', email: 'dana@example.com', address: ADDRESS },
      lines: [
        {
          description: 'Weekly cleaning',
          quantity: 4,
          unit_amount: 4_500,
          amount: 18_000,
          tax: 1_485,
        },
        {
          description: 'Filter cartridge',
          quantity: 2,
          unit_amount: 3_000,
          amount: 6_000,
          tax: 375,
        },
        { description: 'Service call', quantity: 1, unit_amount: 5_000, amount: 5_000, tax: 0 },
      ],
      subtotal: 29_000,
      taxes: [
        { rate: 625, taxable: 6_000, amount: 375 },
        { rate: 825, taxable: 18_000, amount: 1_485 },
      ],
      tax: 1_860,
      total: 30_860,
      applied: [{ kind: 'credit', amount: 2_000, receipt_url: null }],
      amount_credited: 2_000,
      amount_due: 28_860,
      notes: 'Gate code 4411.',
      terms: 'Due within 30 days. Late payments accrue 1.5 % a month.',
      pdf_url: expect.stringMatching(new RegExp(`/invoices/${invoice.id}\\.pdf$`)),
    });
    // The portal's own answer carries the overdue days, not the lines.
    const portal = await customer.get();
    expect(portal.body.invoices).toEqual([expect.objectContaining({ days_overdue: 3 })]);
    expect(portal.body.invoices[0].lines).toBeUndefined();
    // The PDF carries the same terms.
    const pdf = await h.request(read.body.pdf_url);
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('Due within 30 days.');
    expect(text).toContain('Gate code 4411.');
  });

  it('shows payments with their receipts; a paid invoice is never overdue', async () => {
    const { staff, invoice } = await invoiceForDana();
    const customer = openPortal(h, await createPaymentLink(staff, { invoice: invoice.id }));
    const paid = await customer.pay({
      invoices: [{ id: invoice.id, amount: 28_860 }],
      method: 'card',
      save_payment_method: false,
      sms_consent: null,
    });
    expect(paid.body.status).toBe('succeeded');

    const read = await customer.get(`/invoices/${invoice.id}/document`);
    expect(read.body).toMatchObject({ status: 'paid', amount_due: 0, days_overdue: 0 });
    expect(read.body.applied).toEqual([
      expect.objectContaining({ kind: 'credit', amount: 2_000 }),
      expect.objectContaining({
        kind: 'payment',
        amount: 28_860,
        method: 'card',
        receipt_number: paid.body.receipt_number,
        receipt_url: `/v1/portal/${customer.token}/payments/${paid.body.id}/receipt.pdf`,
      }),
    ]);
  });

  it("reaches only the link's own invoice, or the customer's on a customer link", async () => {
    const { staff, dana, invoice } = await invoiceForDana();
    const other = await createInvoice(staff, dana.id, 5_000);
    const invoiceLink = openPortal(h, await createPaymentLink(staff, { invoice: invoice.id }));
    const customerLink = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    const stranger = await createCustomer(staff, { name: 'Sam Stranger' });
    const theirs = await createInvoice(staff, stranger.id, 5_000);

    expect((await invoiceLink.get(`/invoices/${other.id}/document`)).status).toBe(404);
    expect((await customerLink.get(`/invoices/${other.id}/document`)).status).toBe(200);
    expect((await customerLink.get(`/invoices/${theirs.id}/document`)).status).toBe(404);
    expect(
      (await customerLink.post(`/invoices/${theirs.id}/questions`, { message: 'Hi' })).status,
    ).toBe(404);
  });

  it('takes a question about an invoice to the business by email', async () => {
    const { staff, invoice } = await invoiceForDana();
    const customer = openPortal(h, await createPaymentLink(staff, { invoice: invoice.id }));
    const message = 'Was the filter cartridge the large one?';

    const asked = await customer.post(`/invoices/${invoice.id}/questions`, { message });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ object: 'invoice_question', invoice: invoice.id, message });

    const mails = (await deliver()).filter((m) => m.subject?.startsWith('Question'));
    expect(mails.map((m) => m.subject)).toEqual([
      `Question from Dana Diaz about invoice ${invoice.number}`,
    ]);
    const mail = mails[0];
    expect(mail?.text).toContain(message);
    expect(mail?.replyTo?.text).toBe('dana@example.com');
    expect(mail?.text).toContain('Reply to this email to answer the customer.');

    const empty = await customer.post(`/invoices/${invoice.id}/questions`, { message: '  ' });
    expect(empty.status).toBe(400);
  });

  it('paying an invoice staff voided meanwhile: cancelled by the business, nothing charged', async () => {
    const { staff, dana, invoice } = await invoiceForDana();
    const invoiceLink = openPortal(h, await createPaymentLink(staff, { invoice: invoice.id }));
    const customerLink = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    expect((await staff.post(`/v1/invoices/${invoice.id}/void`)).status).toBe(200);
    const choice = {
      invoices: [{ id: invoice.id, amount: 28_860 }],
      method: 'card',
      save_payment_method: false,
      sms_consent: null,
    };
    const cancelled = {
      type: 'invalid_request_error',
      code: 'invoice_voided',
      message: 'This invoice was cancelled by Blue Lagoon Pools; nothing was charged.',
    };
    for (const link of [invoiceLink, customerLink]) {
      const refused = await link.create(choice);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject(cancelled);
    }
    expect((await customerLink.quote(choice)).body.error).toMatchObject(cancelled);
    // Reading through the dead invoice link is still the one 404 of every dead link.
    expect((await invoiceLink.get()).status).toBe(404);
    expect((await staff.get('/v1/payments')).body.data).toEqual([]);
  });
});
