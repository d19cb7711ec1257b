/**
 * A logo uploaded through the staff API (issue 15: "branding with a logo upload or URL"): a PNG
 * is kept, served from our origin under the hash of its bytes (cached for good), shown by the
 * portal and drawn on the PDFs; an image too large, not PNG or JPEG, or no image at all is refused
 * with a stable error and changes nothing; removing it clears `logo_url`.
 */
import { describe, expect, it } from 'vitest';
import { hugePng, signaturePng } from '../estimates/signatures.ts';
import { testStores } from '../support/databases.ts';
import {
  brandedBusiness,
  createCustomer,
  createInvoice,
  createPaymentLink,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { readPdf } from '../support/pdf-text.ts';
import { openPortal } from '../support/portal-client.ts';

describe.each(testStores)('the uploaded logo on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  const upload = (apiKey: string, body: Uint8Array | string, type = 'image/png') =>
    h.request('/v1/settings/logo', {
      method: 'PUT',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': type },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });

  it('keeps a PNG, serves it from our origin for good, and the portal and PDFs show it', async () => {
    const staff = await brandedBusiness(h);
    const dana = await createCustomer(staff, { name: 'Dana Diaz' });
    const invoice = await createInvoice(staff, dana.id, 5_000);
    const pdfImages = async () => {
      const pdf = await h.request(`/v1/invoices/${invoice.id}/pdf`, {
        headers: { authorization: `Bearer ${staff.apiKey}` },
      });
      return (await readPdf(new Uint8Array(await pdf.arrayBuffer()))).images.length;
    };
    const before = await pdfImages();

    const png = signaturePng(96, 96);
    const uploaded = await upload(staff.apiKey, png);
    expect(uploaded.status).toBe(200);
    const settings = await uploaded.json();
    const logoUrl: string = settings.branding.logo_url;
    expect(logoUrl).toMatch(new RegExp(`^${h.config.publicUrl}/logos/[0-9a-f]{32}\\.png$`));
    expect((await staff.get('/v1/settings')).body.branding.logo_url).toBe(logoUrl);

    const served = await h.request(new URL(logoUrl).pathname);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

    const customer = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    expect((await customer.get()).body.business.logo_url).toBe(logoUrl);
    // The invoice's PDF draws the logo in its band: one image more than before.
    expect(await pdfImages()).toBe(before + 1);

    // The settings form sends the address back as it is: accepted, unchanged.
    const resent = await staff.patch('/v1/settings', { branding: { logo_url: logoUrl } });
    expect(resent.status).toBe(200);
    expect(resent.body.branding.logo_url).toBe(logoUrl);
    // A new logo is a new address; the old one is gone.
    const second = await (await upload(staff.apiKey, signaturePng(64, 64))).json();
    expect(second.branding.logo_url).not.toBe(logoUrl);
    expect((await h.request(new URL(logoUrl).pathname)).status).toBe(404);
  });

  it('refuses too large, not PNG or JPEG, or nothing, with a stable error; nothing changes', async () => {
    const staff = await brandedBusiness(h);
    const kept = await (await upload(staff.apiKey, signaturePng(32, 32))).json();
    const logoUrl = kept.branding.logo_url;
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    const cases: [Uint8Array | string, string, number, string][] = [
      // Random pixels do not compress: a real PNG well past 256 KB.
      [hugePng(), 'image/png', 413, 'logo_too_large'],
      [svg, 'image/svg+xml', 422, 'logo_unsupported'],
      [gif, 'image/png', 422, 'logo_unsupported'],
      [Buffer.from('not an image at all'), 'image/jpeg', 422, 'logo_unsupported'],
      [new Uint8Array(), 'image/png', 422, 'logo_unsupported'],
    ];
    for (const [body, type, status, code] of cases) {
      const refused = await upload(staff.apiKey, body, type);
      expect({ status: refused.status, error: (await refused.json()).error }).toMatchObject({
        status,
        error: { type: 'invalid_request_error', code, param: 'logo' },
      });
    }
    expect((await staff.get('/v1/settings')).body.branding.logo_url).toBe(logoUrl);
    expect((await h.request(new URL(logoUrl).pathname)).status).toBe(200);

    // Another business cannot point its settings at this logo, nor upload without a key.
    const rival = await h.business({ name: 'Rival Pools' });
    const borrowed = await rival.patch('/v1/settings', { branding: { logo_url: logoUrl } });
    expect(borrowed.status).toBe(400);
    expect(borrowed.body.error.param).toBe('branding.logo_url');
    const anonymous = await h.request('/v1/settings/logo', { method: 'PUT', body: 'x' });
    expect(anonymous.status).toBe(401);
    expect((await h.request('/logos/not-a-logo.png')).status).toBe(404);
  });

  it('removing the logo clears logo_url; a logo given by URL stays when there is no upload', async () => {
    const staff = await brandedBusiness(h);
    const kept = await (await upload(staff.apiKey, signaturePng(48, 40))).json();
    const removed = await staff.del('/v1/settings/logo');
    expect(removed.status).toBe(200);
    expect(removed.body.branding.logo_url).toBeNull();
    expect((await h.request(new URL(kept.branding.logo_url).pathname)).status).toBe(404);

    await staff.patch('/v1/settings', { branding: { logo_url: 'https://cdn.example.com/l.png' } });
    const again = await staff.del('/v1/settings/logo');
    expect(again.body.branding.logo_url).toBe('https://cdn.example.com/l.png');
  });
});
