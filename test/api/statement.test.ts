/**
 * The account statement (issue 11): on a customer link (`GET /v1/portal/:token/statement.pdf`)
 * and for staff (`GET /v1/customers/:id/statement.pdf`), a PDF of the ledger for a period
 * (default: the last 90 days): the opening balance, every charge, invoice line, credit, payment,
 * tip, fee and refund in order with the running balance, and the closing balance; read back from
 * the PDF and held to the ledger's own running balance.
 */
import { describe, expect, it } from 'vitest';
import { today } from '../../server/db/ids.ts';
import { defaultPeriod, loadStatement } from '../../server/documents/statement-data.ts';
import { testStores } from '../support/databases.ts';
import {
  balanceOf,
  chargeCustomer,
  createCustomer,
  createInvoice,
  createPaymentLink,
  creditCustomer,
  DANA,
  daysFromToday,
  poolBusiness,
} from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { pdfFetcher, readPdf } from '../support/pdf-text.ts';
import { openPortal } from '../support/portal-client.ts';

describe.each(testStores)('account statement on $name', (store) => {
  const h = useHarness(store);
  const fetchPdf = pdfFetcher(h);

  /**
   * Dana's account: 50.00 charged 200 days ago (before the default period), an invoice of
   * 100.00, a 20.00 credit, a payment of the invoice with an 18 % tip by card, a 25.00 refund.
   */
  async function account() {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff, DANA);
    await chargeCustomer(staff, dana.id, {
      amount: 5_000,
      description: 'Spring opening',
      date: daysFromToday(-200),
    });
    const invoice = await createInvoice(staff, dana.id, 10_000);
    await creditCustomer(staff, dana.id, 2_000);
    const link = await createPaymentLink(staff, { customer: dana.id });
    const paid = await openPortal(h, link.token).pay({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      tip: { percent: 18 },
      method: 'card',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const refund = await staff.post(`/v1/payments/${paid.body.id}/refunds`, { amount: 2_500 });
    expect(refund.status).toBe(200);
    return { staff, dana, invoice, link };
  }

  it('gives the customer the last 90 days: opening, every entry, running and closing balance', async () => {
    const { staff, dana, invoice, link } = await account();
    const { response, bytes } = await fetchPdf(`/v1/portal/${link.token}/statement.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const period = defaultPeriod(today());
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="statement-${period.from}-${period.to}.pdf"`,
    );
    const { text } = await readPdf(bytes);
    const owed = await balanceOf(staff, dana.id);
    // 50 + 100 − 20 + tip 18 + fee 3.84 − 121.84 + refund 25 = 55.00 owed.
    expect(owed).toBe(5_500);
    for (const words of [
      'STATEMENT',
      'ACCOUNT OF Dana Diaz',
      'Opening balance $50.00', // the spring opening, dated before the period
      'Closing balance $55.00',
      `Charge · Invoice ${invoice.number} · Pool cleaning $100.00 $150.00`,
      'Credit · Goodwill credit -$20.00 $130.00',
      'Tip · Receipt R-000001 · Tip $18.00 $148.00',
      'Payment · Payment R-000001, invoice INV-0001 -$100.00 $51.84',
      'Refund · Refund of payment R-000001 $25.00 $55.00',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).not.toContain('Spring opening');
    // Oldest first: the invoice before the credit before the payment before the refund.
    const at = (words: string) => text.indexOf(words);
    expect(at('Pool cleaning')).toBeLessThan(at('Goodwill credit'));
    expect(at('Goodwill credit')).toBeLessThan(at('Payment ·'));
    expect(at('Payment ·')).toBeLessThan(at('Refund ·'));
  });

  it('runs the balance exactly as the ledger does, and closes on the customer’s balance', async () => {
    const { staff, dana } = await account();
    const business = await h.db
      .selectFrom('businesses')
      .selectAll()
      .where('id', '=', staff.id)
      .executeTakeFirstOrThrow();
    const customer = await h.db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', dana.id)
      .executeTakeFirstOrThrow();
    const everything = await loadStatement(
      h.db,
      business,
      customer,
      { from: '2000-01-01', to: today() },
      today(),
    );
    const ledger = await h.db
      .selectFrom('ledger_entries')
      .select(['amount', 'balance_after'])
      .where('customer_id', '=', dana.id)
      .orderBy('seq')
      .execute();
    expect(everything.opening).toBe(0);
    // Staff back-dated the first charge; it is also the ledger's first entry, so the orders agree.
    expect(everything.entries.map((entry) => entry.balance)).toEqual(
      ledger.map((entry) => Number(entry.balance_after)),
    );
    expect(everything.closing).toBe(await balanceOf(staff, dana.id));

    const recent = await loadStatement(h.db, business, customer, defaultPeriod(today()), today());
    expect(recent.opening).toBe(5_000);
    expect(recent.closing).toBe(everything.closing);
  });

  it('takes a period; a period with nothing says so and carries the balance through', async () => {
    const { link } = await account();
    const from = daysFromToday(-400);
    const to = daysFromToday(-300);
    const { response, bytes } = await fetchPdf(
      `/v1/portal/${link.token}/statement.pdf?from=${from}&to=${to}`,
    );
    expect(response.status).toBe(200);
    const { text } = await readPdf(bytes);
    expect(text).toContain('Nothing happened on the account in this period.');
    expect(text).toContain('Opening balance $0.00');
    expect(text).toContain('Closing balance $0.00');
  });

  it('is the customer’s alone: invoice links, bad periods and other keys are refused', async () => {
    const { staff, dana, invoice, link } = await account();
    const invoiceLink = await createPaymentLink(staff, { invoice: invoice.id });
    const refused = await h.request(`/v1/portal/${invoiceLink.token}/statement.pdf`);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.code).toBe('resource_missing');

    for (const query of ['from=2026-13-01', 'from=2026-12-05&to=2026-12-01', 'to=yesterday']) {
      const bad = await h.request(`/v1/portal/${link.token}/statement.pdf?${query}`);
      expect(bad.status, query).toBe(400);
      const { error } = await bad.json();
      expect(error.type).toBe('invalid_request_error');
      expect(['from', 'to']).toContain(error.param);
    }

    const mine = await fetchPdf(`/v1/customers/${dana.id}/statement.pdf`, staff);
    expect(mine.response.status).toBe(200);
    expect((await readPdf(mine.bytes)).text).toContain('Closing balance $55.00');
    const other = await poolBusiness(h);
    expect((await fetchPdf(`/v1/customers/${dana.id}/statement.pdf`, other)).response.status).toBe(
      404,
    );
    expect((await h.request(`/v1/customers/${dana.id}/statement.pdf`)).status).toBe(401);
  });

  it('speaks Spanish and shows a credit as a credit', async () => {
    const staff = await poolBusiness(h, { locale: 'es-US' });
    const eli = await createCustomer(staff, { name: 'Eli Evans' });
    await creditCustomer(staff, eli.id, 1_250, 'Crédito de cortesía');
    const { bytes } = await fetchPdf(`/v1/customers/${eli.id}/statement.pdf`, staff);
    const { text } = await readPdf(bytes);
    expect(text).toContain('ESTADO DE CUENTA');
    expect(text).toContain('Saldo final $12.50 a favor');
    expect(text).toContain('Crédito · Crédito de cortesía -$12.50 $12.50 a favor');
  });
});
