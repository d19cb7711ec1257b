/** Invoice PDFs read back (text, pages, QR code, logo), and who may fetch which document. */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { fetchLogo, isPublicAddress } from '../../server/documents/brand.ts';
import { drawInvoicePdf, loadInvoiceDocument } from '../../server/documents/invoice-pdf.ts';
import { testStores } from '../support/databases.ts';
import {
  ADDRESS,
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
} from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { pdfFetcher, readPdf } from '../support/pdf-text.ts';
import { openPortal, VISA } from '../support/portal-client.ts';
import { brandedCustomer } from '../support/scenarios.ts';
import { signaturePng } from './signatures.ts';

function decodeQr(png: Uint8Array): string | null {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

describe.each(testStores)('invoice and estimate PDFs on $name', (store) => {
  const h = useHarness(store);
  const fetchPdf = pdfFetcher(h);

  async function invoiceSetup() {
    const { staff, dana } = await brandedCustomer(h, {}, { address: ADDRESS });
    const invoice = await createInvoice(staff, dana.id, {
      lines: [
        { description: 'Weekly pool cleaning', quantity: 4, unit_amount: 7_500, tax_rate: 825 },
        { description: 'Chlorine', quantity: 1, unit_amount: 2_400 },
      ],
      due_date: '2026-12-15',
      notes: 'Thank you for your business.',
    });
    return { staff, dana, invoice };
  }

  it("prints an unpaid invoice with its figures, the customer's address and a QR code of its link", async () => {
    const { staff, invoice } = await invoiceSetup();
    const { token } = await createPaymentLink(staff, { customer: invoice.customer });
    const { response, bytes } = await fetchPdf(`/v1/portal/${token}/invoices/${invoice.id}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="invoice-${invoice.number}.pdf"`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');

    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(1);
    for (const words of [
      'Blue Lagoon Pools',
      'INVOICE',
      invoice.number,
      'Dana Diaz',
      '48 Palmetto Drive',
      'Tampa, FL 33606',
      'Due date Dec 15, 2026',
      'Weekly pool cleaning 4 $75.00 8.25% $300.00',
      'Chlorine 1 $24.00 — $24.00',
      'Subtotal $324.00',
      'Tax $24.75',
      'Total $348.75',
      'Balance due $348.75',
      'Thank you for your business.',
      'Page 1 of 1',
    ]) {
      expect(pdf.text).toContain(words);
    }
    // The link on it is the invoice's own (made now, listed with the business's links).
    const url = /https:\/\/pay\.example\.test\/p\/[\w-]{43}/.exec(pdf.text)?.[0];
    expect(url).toBeDefined();
    expect(url).not.toContain(token);
    const links = await staff.get(`/v1/payment_links?customer=${invoice.customer}`);
    const invoiceLink = links.body.data.find((link: { kind: string }) => link.kind === 'invoice');
    expect(invoiceLink).toMatchObject({ invoice: invoice.id, url });
    expect(pdf.images.map((image) => decodeQr(image.data))).toEqual([url]);
    // The next copy reuses that link.
    const again = await readPdf((await fetchPdf(`/v1/invoices/${invoice.id}/pdf`, staff)).bytes);
    expect(again.text).toContain(url!);
    expect(
      (await staff.get(`/v1/payment_links?customer=${invoice.customer}`)).body.data,
    ).toHaveLength(2);
  });

  it('lists payments applied; once paid it says so and carries no link', async () => {
    const { staff, invoice } = await invoiceSetup();
    const { token } = await createPaymentLink(staff, { invoice: invoice.id });
    const paid = await openPortal(h, token).pay(
      { invoices: [{ id: invoice.id, amount: invoice.total }], method: 'card' },
      VISA,
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const pdf = await readPdf(
      (await fetchPdf(`/v1/portal/${token}/invoices/${invoice.id}.pdf`)).bytes,
    );
    expect(pdf.text).toContain('Status Paid');
    expect(pdf.text).toMatch(/Payments applied Payment R-000001 · \w{3} \d{1,2}, \d{4} -\$348\.75/);
    expect(pdf.text).toContain('Balance due $0.00');
    expect(pdf.text).not.toContain('Pay online');
    expect(pdf.text).not.toContain('https://pay.example.test/p/');
    expect(pdf.images).toEqual([]);
  });

  it('reaches only the documents of the link, and answers the dead-link 404 for dead links', async () => {
    const { staff, dana, invoice } = await invoiceSetup();
    const other = await createInvoice(staff, dana.id, { unit_amount: 1_000, description: 'Other' });
    const draft = await createInvoice(staff, dana.id, {
      unit_amount: 1_000,
      description: 'Draft',
      draft: true,
    });
    const estimate = await createEstimate(staff, dana.id);
    const lee = await createCustomer(staff, { name: 'Lee Park' });
    const leesInvoice = await createInvoice(staff, lee.id, {
      unit_amount: 1_000,
      description: 'Lee',
    });
    const leesEstimate = await createEstimate(staff, lee.id);
    const { token: customerToken } = await createPaymentLink(staff, { customer: dana.id });
    const { token: invoiceToken } = await createPaymentLink(staff, { invoice: invoice.id });
    const { token: estimateToken } = await createPaymentLink(staff, { estimate: estimate.id });

    const status = async (token: string, path: string) =>
      (await h.request(`/v1/portal/${token}${path}`)).status;
    expect(await status(customerToken, `/invoices/${other.id}.pdf`)).toBe(200);
    expect(await status(customerToken, `/estimates/${estimate.id}.pdf`)).toBe(200);
    expect(await status(invoiceToken, `/invoices/${invoice.id}.pdf`)).toBe(200);
    expect(await status(estimateToken, `/estimates/${estimate.id}.pdf`)).toBe(200);
    for (const [token, path] of [
      [customerToken, `/invoices/${leesInvoice.id}.pdf`],
      [customerToken, `/estimates/${leesEstimate.id}.pdf`],
      [customerToken, `/invoices/${draft.id}.pdf`],
      [invoiceToken, `/invoices/${other.id}.pdf`],
      [invoiceToken, `/estimates/${estimate.id}.pdf`],
      [estimateToken, `/invoices/${invoice.id}.pdf`],
    ] as const) {
      const response = await h.request(`/v1/portal/${token}${path}`);
      expect([path, response.status]).toEqual([path, 404]);
      expect((await response.json()).error).toMatchObject({
        code: 'resource_missing',
        param: 'file',
      });
    }
    const dead = await h.request(`/v1/portal/not-a-token/invoices/${invoice.id}.pdf`);
    expect([dead.status, (await dead.json()).error.code]).toEqual([404, 'link_invalid']);
    expect(await status(customerToken, `/invoices/${invoice.id}`)).toBe(400);

    // Staff: their own business's documents only, with their key.
    expect((await fetchPdf(`/v1/invoices/${leesInvoice.id}/pdf`, staff)).response.status).toBe(200);
    expect((await fetchPdf(`/v1/estimates/${estimate.id}/pdf`, staff)).response.status).toBe(200);
    const stranger = await h.business({ name: 'Rival Pools' });
    expect((await fetchPdf(`/v1/invoices/${invoice.id}/pdf`, stranger)).response.status).toBe(404);
    expect((await fetchPdf(`/v1/estimates/${estimate.id}/pdf`, stranger)).response.status).toBe(
      404,
    );
    expect((await fetchPdf(`/v1/invoices/${invoice.id}/pdf`)).response.status).toBe(401);
  });

  it("speaks the business's language and currency, and runs onto more pages when long", async () => {
    const yen = await h.business({ name: 'Jardines Sakura', currency: 'jpy', locale: 'es-ES' });
    const dana = await createCustomer(yen, { name: 'Dana Díaz' });
    const invoice = await createInvoice(yen, dana.id, {
      lines: Array.from({ length: 60 }, (_, i) => ({
        description: `Visita de jardinería ${i + 1}`,
        quantity: 1,
        unit_amount: 12_000,
        tax_rate: 1000,
      })),
    });
    const pdf = await readPdf((await fetchPdf(`/v1/invoices/${invoice.id}/pdf`, yen)).bytes);
    expect(pdf.pages).toBe(3);
    for (const words of [
      'FACTURA',
      'FACTURAR A',
      'Vencimiento Al recibirla',
      'Visita de jardinería 60 1 12.000 JPY 10 % 12.000 JPY',
      'Total 792.000 JPY',
      'Saldo pendiente 792.000 JPY',
      'PAGUE EN LÍNEA',
      'Página 2 de 3',
      'Página 3 de 3',
    ]) {
      expect(pdf.text).toContain(words);
    }
    // The header row starts the table on each of the three pages it runs over.
    expect(pdf.text.match(/Descripción Cant\. Precio unitario Impuesto Importe/g)).toHaveLength(3);
  });

  it('draws the logo in the header when the business has one (PNG)', async () => {
    const { staff, invoice } = await invoiceSetup();
    const business = await h.db
      .selectFrom('businesses')
      .selectAll()
      .where('id', '=', staff.id)
      .executeTakeFirstOrThrow();
    const stored = await h.db
      .selectFrom('invoices')
      .selectAll()
      .where('id', '=', invoice.id)
      .executeTakeFirstOrThrow();
    const document = await loadInvoiceDocument(h.db, business, stored, async () => null);
    const logo = signaturePng(128, 128);
    const pdf = await readPdf(
      await drawInvoicePdf({ ...document, brand: { ...document.brand, logo } }),
    );
    expect(pdf.images.map((image) => [image.width, image.height])).toEqual([[128, 128]]);
    expect(pdf.text).toContain('Blue Lagoon Pools');
  });

  it('fetches a logo only over https from a public address', async () => {
    expect(
      ['127.0.0.1', '10.1.2.3', '192.168.0.10', '169.254.169.254', '::1', 'fd00::1'].map(
        isPublicAddress,
      ),
    ).toEqual([false, false, false, false, false, false]);
    // IPv6 forms that embed an IPv4 address, and the benchmarking range, are refused too.
    expect(
      ['64:ff9b::7f00:1', '::127.0.0.1', '2002:7f00:1::', '198.18.0.1', '::'].map(isPublicAddress),
    ).toEqual([false, false, false, false, false]);
    expect(['93.184.216.34', '2606:2800:220:1::1'].map(isPublicAddress)).toEqual([true, true]);
    expect(await fetchLogo('http://93.184.216.34/logo.png')).toBeNull();
    expect(await fetchLogo('https://127.0.0.1/logo.png')).toBeNull();
    expect(await fetchLogo('https://localhost/logo.png')).toBeNull();
  });
});
