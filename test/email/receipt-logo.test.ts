/**
 * The receipt draws the business's logo as its invoices do (issues 11 and 15): in the colour band
 * of the full page, small and centred at the top of the thermal strip; with no logo, no image at
 * all. Read back from the PDF the customer downloads.
 */
import { describe, expect, it } from 'vitest';
import { signaturePng } from '../estimates/signatures.ts';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createInvoice,
  createPaymentLink,
  DANA,
  poolBusiness,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { readPdf } from '../support/pdf-text.ts';
import { openPortal } from '../support/portal-client.ts';

/** Image XObjects in the raw file: pdfkit writes object dictionaries uncompressed. */
const imageObjects = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString('latin1')
    .match(/\/Subtype \/Image/g)?.length ?? 0;

describe.each(testStores)('the logo on receipts on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  async function receiptOf(layout: 'full' | 'thermal', logo: Buffer | null) {
    const staff = await poolBusiness(h, { receipt_layout: layout });
    if (logo) {
      const uploaded = await h.request('/v1/settings/logo', {
        method: 'PUT',
        headers: { authorization: `Bearer ${staff.apiKey}`, 'content-type': 'image/png' },
        body: new Uint8Array(logo),
      });
      expect(uploaded.status).toBe(200);
    }
    const dana = await createCustomer(staff, DANA);
    const invoice = await createInvoice(staff, dana.id, 10_000);
    const { token } = await createPaymentLink(staff, { customer: dana.id });
    const paid = await openPortal(h, token).pay({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      method: 'card',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const response = await h.request(`/v1/portal/${token}/payments/${paid.body.id}/receipt.pdf`);
    expect(response.status).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  }

  for (const layout of ['full', 'thermal'] as const) {
    it(`draws an uploaded logo on the ${layout} receipt, and none without one`, async () => {
      const logo = signaturePng(96, 96);
      const withLogo = await receiptOf(layout, logo);
      const read = await readPdf(withLogo);
      // The PNG and its alpha channel (a soft mask, an image XObject of its own).
      expect(imageObjects(withLogo)).toBe(2);
      expect(read.images).toHaveLength(1);
      expect(read.images[0]).toMatchObject({ width: 96, height: 96 });
      // The logo takes no words away.
      expect(read.text).toContain('Blue Lagoon Pools');
      expect(read.text).toMatch(/Total paid \$1\d\d\.\d\d/);

      const without = await receiptOf(layout, null);
      expect(imageObjects(without)).toBe(0);
      expect((await readPdf(without)).images).toEqual([]);
    });
  }
});
