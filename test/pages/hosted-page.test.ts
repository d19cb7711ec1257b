import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createPaymentLink, linkEvents } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { billedCustomer, deadLinks } from '../support/scenarios.ts';

const directives = (policy: string | null) =>
  Object.fromEntries(
    (policy ?? '').split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );

describe.each(testStores)('hosted page /p/:token on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const page = (token: string, headers: Record<string, string> = {}) =>
    h.request(`/p/${token}`, { headers });

  it('is a complete page around the element, titled with the business name', async () => {
    const { link } = await billedCustomer(h);
    const response = await page(link.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Your account · Blue Lagoon Pools</title>');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<script type="module" src="\/widget\/pay-portal[.\w]*\.mjs"/);
    expect(html).toContain(`<pay-portal token="${link.token}"></pay-portal>`);
    expect(html).toMatch(/<noscript>.*needs JavaScript.*Blue Lagoon Pools/s);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/); // no inline script anywhere
  });

  it('names the invoice in the title of an invoice link', async () => {
    const { staff, invoice } = await billedCustomer(h);
    const link = await createPaymentLink(staff, { invoice: invoice.id });
    const html = await (await page(link.token)).text();
    expect(html).toContain(`<title>Invoice ${invoice.number} · Blue Lagoon Pools</title>`);
  });

  it('escapes what the business typed', async () => {
    const { link } = await billedCustomer(h, { name: 'Tom & Jerry\'s <b>"Pools"</b>' });
    const html = await (await page(link.token)).text();
    expect(html).toContain(
      '<title>Your account · Tom &amp; Jerry&#39;s &lt;b&gt;&quot;Pools&quot;&lt;/b&gt;</title>',
    );
    expect(html).not.toContain('<b>');
  });

  it('sends the security headers, with frame-ancestors from the allowed origins', async () => {
    const { link } = await billedCustomer(h, {
      allowed_origins: ['https://bluelagoon.example', 'http://localhost:5173'],
    });
    const response = await page(link.token);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp['frame-ancestors']).toEqual([
      "'self'",
      'https://bluelagoon.example',
      'http://localhost:5173',
    ]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'", 'https://js.stripe.com']);
    expect(csp['frame-src']).toEqual(['https://js.stripe.com', 'https://hooks.stripe.com']);
    expect(csp['connect-src']).toEqual(["'self'", 'https://api.stripe.com']);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['style-src-elem']?.[1]).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  });

  it("frames only from the business's own origins: none set means 'self' alone", async () => {
    await billedCustomer(h, { allowed_origins: ['https://other-business.example'] });
    const { link } = await billedCustomer(h);
    const csp = directives((await page(link.token)).headers.get('content-security-policy'));
    expect(csp['frame-ancestors']).toEqual(["'self'"]);
  });

  it("lets the page show the business's https logo and nothing else from elsewhere", async () => {
    const { link } = await billedCustomer(h, {
      branding: { logo_url: 'https://cdn.bluelagoon.example/logo.png' },
    });
    const csp = directives((await page(link.token)).headers.get('content-security-policy'));
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'https://cdn.bluelagoon.example']);
  });

  it('changes nothing on GET: no "viewed" and the invoice stays open', async () => {
    const { staff, link, invoice } = await billedCustomer(h);
    expect((await page(link.token)).status).toBe(200);
    expect((await page(link.token)).status).toBe(200);
    expect(await linkEvents(staff, link.id)).toEqual(['created']);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('open');
  });

  it('answers every dead link with the same friendly 404 page and the same headers', async () => {
    const { staff, customer, invoice } = await billedCustomer(h);
    const dead = await deadLinks(h, staff, { customerId: customer.id, invoiceId: invoice.id });
    const tokens = [
      'unknown-token-that-was-never-issued',
      ...Object.values(dead).map((link) => link.token),
    ];
    const answers = await Promise.all(
      tokens.map(async (token) => {
        const response = await page(token);
        const headers = ['content-security-policy', 'referrer-policy', 'cache-control'].map(
          (name) => response.headers.get(name),
        );
        return { status: response.status, body: await response.text(), headers };
      }),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer).toEqual(answers[0]);
    }
    expect(answers[0]!.body).toContain('This link is no longer valid');
    expect(answers[0]!.body).not.toContain('Blue Lagoon');
    expect(answers[0]!.headers).toEqual([
      expect.stringContaining("default-src 'none'"),
      'no-referrer',
      'no-store',
    ]);
  });

  it("speaks the customer's language (Accept-Language), English otherwise", async () => {
    const { link } = await billedCustomer(h);
    const spanish = await (await page(link.token, { 'accept-language': 'es-MX,es;q=0.9' })).text();
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain('<title>Su cuenta · Blue Lagoon Pools</title>');
    const dead = await (await page('nope', { 'accept-language': 'fr-FR, es;q=0.5' })).text();
    expect(dead).toContain('Este enlace ya no es válido');
    const english = await (await page('nope', { 'accept-language': 'de-DE' })).text();
    expect(english).toContain('<html lang="en">');
  });

  it('speaks the language the business chose for the customer, whatever the browser says', async () => {
    const { staff, customer, link } = await billedCustomer(h);
    expect((await staff.patch(`/v1/customers/${customer.id}`, { locale: 'es' })).status).toBe(200);
    const answer = await page(link.token, { 'accept-language': 'en-US,en;q=0.9' });
    expect(answer.headers.get('content-language')).toBe('es');
    const spanish = await answer.text();
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain('<title>Su cuenta · Blue Lagoon Pools</title>');
  });
});

describe.each(testStores)('hosted page rate limit on $name', (store) => {
  const h = useHarness(store, {
    rateLimit: { portalPerMinute: 100_000, misses: 3, missWindowSeconds: 600 },
  });

  it('stops a client that keeps opening dead links, with a page and Retry-After', async () => {
    const { link } = await billedCustomer(h);
    const address = '198.51.100.23';
    for (let i = 0; i < 3; i++) {
      expect((await h.request(`/p/guess-${i}`, {}, address)).status).toBe(404);
    }
    const refused = await h.request(`/p/${link.token}`, {}, address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(await refused.text()).toContain('Too many tries');
    // Another client is not affected.
    expect((await h.request(`/p/${link.token}`, {}, '198.51.100.24')).status).toBe(200);
  });
});
