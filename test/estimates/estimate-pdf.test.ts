/** The estimate PDF: its deposit and terms, then the signature or the decline once decided. */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { ADDRESS, createEstimate, createPaymentLink } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { pdfFetcher, readPdf } from '../support/pdf-text.ts';
import { openPortal } from '../support/portal-client.ts';
import { brandedCustomer } from '../support/scenarios.ts';
import { dataUrl, signaturePng } from './signatures.ts';

describe.each(testStores)('invoice and estimate PDFs on $name', (store) => {
  const h = useHarness(store);
  const fetchPdf = pdfFetcher(h);

  it('prints an estimate with its deposit and terms, then with the signature once signed', async () => {
    const { staff, dana } = await brandedCustomer(h, {}, { name: 'Dana Díaz', address: ADDRESS });
    const typed = await createEstimate(staff, dana.id, { deposit_percent: 25 });
    const drawn = await createEstimate(staff, dana.id);
    const { token } = await createPaymentLink(staff, { customer: dana.id });
    const pending = await readPdf(
      (await fetchPdf(`/v1/portal/${token}/estimates/${typed.id}.pdf`)).bytes,
    );
    for (const words of [
      'ESTIMATE',
      typed.number,
      'PREPARED FOR',
      'Dana Díaz',
      'Status Awaiting approval',
      'Pool resurfacing (plaster, 450 sq ft) 1 $4,800.00 8.25% $4,800.00',
      'Waterline tiles 12 $18.50 — $222.00',
      'Subtotal $5,022.00',
      'Tax $396.00',
      'Total $5,418.00',
      'Deposit required on approval $1,354.50',
      'Half the work is scheduled within two weeks of approval.',
      'To approve online, open the link you received.',
    ]) {
      expect(pending.text).toContain(words);
    }

    const customer = openPortal(h, token);
    await customer.approve(typed.id, { type: 'typed', name: 'Dana Díaz' });
    await customer.approve(drawn.id, { type: 'drawn', image_png: dataUrl(signaturePng()) });
    const signed = await readPdf(
      (await fetchPdf(`/v1/portal/${token}/estimates/${typed.id}.pdf`)).bytes,
    );
    expect(signed.text).toContain('Status Approved');
    expect(signed.text).toContain('Approved by Dana Díaz');
    expect(signed.text).toMatch(
      /Signed electronically on \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M \(UTC\)/,
    );
    expect(signed.images).toEqual([]);
    const drawnPdf = await readPdf((await fetchPdf(`/v1/estimates/${drawn.id}/pdf`, staff)).bytes);
    expect(drawnPdf.text).toContain('Approved with a drawn signature');
    expect(drawnPdf.images).toHaveLength(1);
    expect([drawnPdf.images[0]!.width, drawnPdf.images[0]!.height]).toEqual([320, 120]);

    const declined = await createEstimate(staff, dana.id);
    await customer.decline(declined.id, 'Over budget this year');
    const declinedPdf = await readPdf(
      (await fetchPdf(`/v1/estimates/${declined.id}/pdf`, staff)).bytes,
    );
    expect(declinedPdf.text).toContain('Status Declined');
    expect(declinedPdf.text).toContain('Reason: Over budget this year');
  });
});
