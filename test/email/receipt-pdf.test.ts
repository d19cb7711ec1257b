/**
 * GET /v1/portal/:token/payments/:id/receipt.pdf: the receipt of a payment made in the portal,
 * parsed back to text (pdf-parse) and read as a customer would: number, date, who paid, method,
 * what it paid, tip, fee, total; only for the links that reach the payment.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createInvoice,
  createPaymentLink,
  DANA,
  poolBusiness,
} from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { pdfText, plain } from '../support/pdf-text.ts';
import { DECLINED, openPortal } from '../support/portal-client.ts';

describe.each(testStores)('receipt PDF on $name', (store) => {
  const h = useHarness(store);

  async function paidReceipt(
    options: { settings?: Record<string, unknown>; currency?: string; name?: string } = {},
  ) {
    const staff = await poolBusiness(h, options.settings, options.currency);
    const dana = await createCustomer(staff, { ...DANA, name: options.name ?? DANA.name });
    const first = await createInvoice(staff, dana.id, 10_000);
    const second = await createInvoice(staff, dana.id, 5_000);
    const { token } = await createPaymentLink(staff, { customer: dana.id });
    const confirmed = await openPortal(h, token).pay({
      invoices: [
        { id: first.id, amount: 10_000 },
        { id: second.id, amount: 5_000 },
      ],
      tip: { percent: 18 },
      method: 'card',
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    return { staff, dana, first, second, token, payment: confirmed.body };
  }

  const fetchReceipt = (token: string, paymentId: string) =>
    h.request(`/v1/portal/${token}/payments/${paymentId}/receipt.pdf`);

  it('shows the receipt number, date, payer, method, invoices, tip, fee and total', async () => {
    const { token, payment, first, second } = await paidReceipt();
    expect(payment.receipt_url).toBe(`/v1/portal/${token}/payments/${payment.id}/receipt.pdf`);
    const response = await fetchReceipt(token, payment.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'inline; filename="receipt-R-000001.pdf"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pdf = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');

    const text = plain(await pdfText(pdf));
    const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(payment.succeeded_at),
    );
    // 150.00 + 18 % tip 27.00 = 177.00; card fee 3 % + 0.30 = 5.61; total 182.61.
    for (const words of [
      'Blue Lagoon Pools',
      'RECEIPT',
      'Receipt number R-000001',
      `Date ${day}`,
      'Paid by Dana Diaz dana@example.com',
      'Payment method Visa •••• 4242',
      `Invoice ${first.number} $100.00`,
      `Invoice ${second.number} $50.00`,
      'Subtotal $150.00',
      'Tip $27.00',
      'Convenience fee $5.61',
      'Total paid $182.61',
    ]) {
      expect(text).toContain(words);
    }
    expect(payment.amount).toBe(18_261);
  });

  it('shows what was refunded since', async () => {
    const { staff, token, payment } = await paidReceipt();
    const refunded = await staff.post(`/v1/payments/${payment.id}/refunds`, { amount: 2_500 });
    expect(refunded.status, JSON.stringify(refunded.body)).toBe(200);
    const response = await fetchReceipt(token, payment.id);
    const text = plain(await pdfText(new Uint8Array(await response.arrayBuffer())));
    expect(text).toContain('Total paid $182.61');
    expect(text).toContain('Refunded -$25.00');
  });

  it('speaks the business’s language and currency, and prints any script', async () => {
    const { token, payment } = await paidReceipt({
      settings: { locale: 'es-ES' },
      currency: 'eur',
      name: 'Дмитрий Иванов',
    });
    const response = await fetchReceipt(token, payment.id);
    const text = plain(await pdfText(new Uint8Array(await response.arrayBuffer())));
    for (const words of [
      'RECIBO',
      'Número de recibo R-000001',
      'Pagado por Дмитрий Иванов',
      'Propina 27,00 €',
      'Cargo por servicio 5,61 €',
      'Total pagado 182,61 €',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('is reached only through a link that reaches the payment, and only once it succeeded', async () => {
    const { staff, dana, token, payment, first } = await paidReceipt();
    // The receipt of a payment made on the customer link is the customer's: not even the paid
    // invoice's own link opens it (that link shows only what went to its invoice), nor another
    // invoice's link, nor another customer's.
    const paidInvoiceLink = await createPaymentLink(staff, { invoice: first.id });
    expect((await fetchReceipt(paidInvoiceLink.token, payment.id)).status).toBe(404);
    const third = await createInvoice(staff, dana.id, 2_000);
    const otherInvoiceLink = await createPaymentLink(staff, { invoice: third.id });
    const eli = await createCustomer(staff, { name: 'Eli Evans' });
    const eliLink = await createPaymentLink(staff, { customer: eli.id });
    for (const [link, code] of [
      [otherInvoiceLink.token, 'resource_missing'],
      [eliLink.token, 'resource_missing'],
      ['not-a-token', 'link_invalid'],
    ] as const) {
      const refused = await fetchReceipt(link, payment.id);
      expect(refused.status).toBe(404);
      expect((await refused.json()).error.code).toBe(code);
    }
    // A declined payment has no receipt.
    const declined = await openPortal(h, token).pay(
      { invoices: [{ id: third.id, amount: 2_000 }], method: 'card' },
      DECLINED,
    );
    expect(declined.body.status).toBe('failed');
    const none = await fetchReceipt(token, declined.body.id);
    expect(none.status).toBe(404);
    expect((await none.json()).error).toMatchObject({ code: 'resource_missing' });
    const bad = await fetchReceipt(token, 'not_a_payment');
    expect(bad.status).toBe(400);
  });
});
