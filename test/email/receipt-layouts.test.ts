/**
 * Receipt layouts (issue 11): the business picks a full page or an 80 mm thermal strip in
 * settings; the strip is a narrow PDF as long as its content, with the same figures. A sandbox
 * payment's receipt says "Test mode" in either layout; a real provider's does not.
 */
import { describe, expect, it } from 'vitest';
import { loadReceipt } from '../../server/documents/receipt-data.ts';
import { drawReceiptPdf } from '../../server/documents/receipt-pdf.ts';
import { drawThermalReceiptPdf } from '../../server/documents/receipt-thermal-pdf.ts';
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
import { openPortal } from '../support/portal-client.ts';

/** The first page's MediaBox, in points: pdfkit writes page objects uncompressed. */
function pageSize(pdf: Uint8Array): { width: number; height: number } {
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(Buffer.from(pdf).toString('latin1'));
  if (!box) throw new Error('no MediaBox');
  return { width: Number(box[1]), height: Number(box[2]) };
}

describe.each(testStores)('receipt layouts on $name', (store) => {
  const h = useHarness(store);

  async function paid(settings: Record<string, unknown> = {}) {
    const staff = await poolBusiness(h, settings);
    const dana = await createCustomer(staff, DANA);
    const invoice = await createInvoice(staff, dana.id, 10_000);
    const { token } = await createPaymentLink(staff, { customer: dana.id });
    const confirmed = await openPortal(h, token).pay({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      tip: { percent: 20 },
      method: 'card',
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const response = await h.request(
      `/v1/portal/${token}/payments/${confirmed.body.id}/receipt.pdf`,
    );
    expect(response.status).toBe(200);
    return {
      staff,
      invoice,
      payment: confirmed.body,
      pdf: new Uint8Array(await response.arrayBuffer()),
    };
  }

  it('prints a full page by default, marked "Test mode" for a sandbox payment', async () => {
    const { pdf, staff } = await paid();
    expect((await staff.get('/v1/settings')).body.receipt_layout).toBe('full');
    expect(pageSize(pdf).width).toBeCloseTo(612, 0); // Letter, a US business
    const text = plain(await pdfText(pdf));
    expect(text).toContain('Test mode: made with test keys, no money was charged.');
    expect(text).toContain('Total paid $123.90');
  });

  it('prints an 80 mm strip as long as its content when staff choose "thermal"', async () => {
    const { pdf, invoice } = await paid({ receipt_layout: 'thermal' });
    const { width, height } = pageSize(pdf);
    expect((width / 72) * 25.4).toBeCloseTo(80, 1);
    // Shorter than any full page, longer than a stub: it holds the whole receipt on one strip.
    expect(height).toBeGreaterThan(180);
    expect(height).toBeLessThan(700);
    const text = plain(await pdfText(pdf));
    for (const words of [
      'Blue Lagoon Pools',
      '*** TEST MODE ***',
      'RECEIPT R-000001',
      'Paid by: Dana Diaz',
      'Payment method: Visa •••• 4242',
      `Invoice ${invoice.number} $100.00`,
      'Subtotal $100.00',
      'Tip $20.00',
      'Convenience fee $3.90',
      'Total paid $123.90',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('says nothing of test mode on a real provider’s receipt, in either layout', async () => {
    const { payment } = await paid();
    const receipt = await loadReceipt(h.db, payment.id);
    expect(receipt.payment.testMode).toBe(true);
    const live = { ...receipt, payment: { ...receipt.payment, testMode: false } };
    for (const pdf of [await drawReceiptPdf(live), await drawThermalReceiptPdf(live)]) {
      const text = plain(await pdfText(pdf));
      expect(text).toContain('Total paid $123.90');
      expect(text).not.toMatch(/test mode/i);
    }
  });

  it('refuses a layout it does not know, and changes nothing', async () => {
    const staff = await poolBusiness(h);
    const refused = await staff.patch('/v1/settings', { receipt_layout: 'a5' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.param).toBe('receipt_layout');
    expect((await staff.get('/v1/settings')).body.receipt_layout).toBe('full');
  });
});
