/**
 * An invoice's discount (issue 11): an amount or a percent off, applied before tax and spread over
 * the lines; the balance owes the discounted total, the customer's invoice and its PDF show a
 * "Discount" line between subtotal and tax; a draft's discount is changed or removed; a discount
 * past the subtotal, or one that leaves nothing to pay, is refused and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  balanceOf,
  brandedBusiness,
  createCustomer,
  createInvoice,
  createPaymentLink,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { readPdf } from '../support/pdf-text.ts';
import { openPortal } from '../support/portal-client.ts';

const LINES = [
  { description: 'Weekly cleaning', quantity: 4, unit_amount: 4_500, tax_rate: 825 },
  { description: 'Filter cartridge', quantity: 2, unit_amount: 3_000, tax_rate: 625 },
  { description: 'Service call', quantity: 1, unit_amount: 5_000 },
];

describe.each(testStores)('invoice discounts on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it('takes 10 % off before tax: the totals, the balance, the invoice view and its PDF agree', async () => {
    const staff = await brandedBusiness(h);
    const dana = await createCustomer(staff, { name: 'Dana Diaz' });
    const invoice = await createInvoice(staff, dana.id, {
      lines: LINES,
      discount: { type: 'percent', rate: 1_000, description: 'Spring offer' },
    });
    // 290.00 − 29.00; tax on 162.00 at 8.25 % (13.365 → 13.37) and on 54.00 at 6.25 % (3.375 → 3.38).
    expect(invoice).toMatchObject({
      subtotal: 29_000,
      discount: { type: 'percent', rate: 1_000, amount: 2_900, description: 'Spring offer' },
      tax: 1_675,
      total: 27_775,
      amount_due: 27_775,
    });
    expect((invoice.lines as { discount: number }[]).map((line) => line.discount)).toEqual([
      1_800, 600, 500,
    ]);
    // The ledger charges the discounted total, not the lines' full prices.
    expect(await balanceOf(staff, dana.id)).toBe(27_775);

    const customer = openPortal(h, await createPaymentLink(staff, { invoice: invoice.id }));
    const read = await customer.get(`/invoices/${invoice.id}/document`);
    expect(read.body).toMatchObject({
      subtotal: 29_000,
      discount: { amount: 2_900, description: 'Spring offer', rate: 1_000 },
      taxes: [
        { rate: 625, taxable: 5_400, amount: 338 },
        { rate: 825, taxable: 16_200, amount: 1_337 },
      ],
      tax: 1_675,
      total: 27_775,
      amount_due: 27_775,
    });
    const pdf = await readPdf(
      new Uint8Array(await (await h.request(read.body.pdf_url)).arrayBuffer()),
    );
    // Subtotal, then the discount, then tax: the order a reader meets them in.
    expect(pdf.text).toMatch(
      /Subtotal \$290\.00 Discount: Spring offer, 10% -\$29\.00 Tax \$16\.75 Total \$277\.75/,
    );
    expect(pdf.text).toContain('Balance due $277.75');

    // Paying the discounted total pays the invoice.
    const paid = await customer.pay({
      invoices: [{ id: invoice.id, amount: 27_775 }],
      method: 'card',
      save_payment_method: false,
      sms_consent: null,
    });
    expect(paid.body.status).toBe('succeeded');
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body).toMatchObject({
      status: 'paid',
      amount_due: 0,
    });
  });

  it('a draft takes an amount off, keeps it when its lines change, and drops it on null', async () => {
    const staff = await brandedBusiness(h);
    const dana = await createCustomer(staff, { name: 'Dana Diaz' });
    const draft = await createInvoice(staff, dana.id, { lines: [LINES[0]!], draft: true });
    expect(draft).toMatchObject({ discount: null, total: 19_485 });

    const discounted = await staff.patch(`/v1/invoices/${draft.id}`, {
      discount: { type: 'amount', amount: 1_500, description: 'Loyal customer' },
    });
    expect(discounted.status).toBe(200);
    // 180.00 − 15.00 = 165.00, tax 13.6125 → 13.61.
    expect(discounted.body).toMatchObject({
      subtotal: 18_000,
      discount: { type: 'amount', rate: null, amount: 1_500, description: 'Loyal customer' },
      tax: 1_361,
      total: 17_861,
    });
    const relined = await staff.patch(`/v1/invoices/${draft.id}`, { lines: LINES });
    expect(relined.body).toMatchObject({ subtotal: 29_000, discount: { amount: 1_500 } });
    expect(relined.body.total).toBe(29_000 - 1_500 + relined.body.tax);
    expect(await balanceOf(staff, dana.id)).toBe(0);

    const issued = await staff.post(`/v1/invoices/${draft.id}/finalize`);
    expect(issued.body).toMatchObject({ status: 'open', amount_due: relined.body.total });
    expect(await balanceOf(staff, dana.id)).toBe(relined.body.total);

    const other = await createInvoice(staff, dana.id, {
      lines: [LINES[2]!],
      discount: { type: 'amount', amount: 500 },
      draft: true,
    });
    const removed = await staff.patch(`/v1/invoices/${other.id}`, { discount: null });
    expect(removed.body).toMatchObject({ discount: null, subtotal: 5_000, total: 5_000 });
  });

  it('refuses a discount past the subtotal, one that leaves nothing, or a bad one; nothing changes', async () => {
    const staff = await brandedBusiness(h);
    const dana = await createCustomer(staff, { name: 'Dana Diaz' });
    const line = [{ description: 'Service call', quantity: 1, unit_amount: 5_000 }];
    const cases: [unknown, number, string, string | null][] = [
      [{ type: 'amount', amount: 5_001 }, 422, 'discount_too_large', 'discount.amount'],
      [{ type: 'percent', rate: 10_000 }, 422, 'amount_too_small', 'lines'],
      [{ type: 'percent', rate: 0 }, 400, 'parameter_invalid', 'discount.rate'],
      [{ type: 'amount', amount: 10.5 }, 400, 'parameter_invalid', 'discount.amount'],
      [{ type: 'coupon', code: 'SPRING' }, 400, 'parameter_invalid', 'discount.type'],
    ];
    for (const [discount, status, code, param] of cases) {
      const refused = await staff.post('/v1/invoices', {
        customer: dana.id,
        lines: line,
        discount,
      });
      expect({ status: refused.status, code: refused.body.error?.code }).toEqual({
        status,
        code,
      });
      if (param) expect(refused.body.error.param).toBe(param);
    }
    expect((await staff.get('/v1/invoices')).body.data).toEqual([]);
    expect(await balanceOf(staff, dana.id)).toBe(0);

    const draft = await createInvoice(staff, dana.id, { lines: line, draft: true });
    const refused = await staff.patch(`/v1/invoices/${draft.id}`, {
      discount: { type: 'amount', amount: 9_999 },
    });
    expect(refused.status).toBe(422);
    expect((await staff.get(`/v1/invoices/${draft.id}`)).body).toMatchObject({
      discount: null,
      total: 5_000,
    });
  });
});
