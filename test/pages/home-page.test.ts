/**
 * The first minute (issue 15): `/` says what this server is and where to go, `/docs` is the API
 * reference served from this origin, and the demo seed gives a link for every view a customer
 * can be sent, an estimate with a deposit and an invoice of several lines with notes among them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { type DemoBusiness, seedDemo } from '../../server/demo/seed.ts';
import { createLogger } from '../../server/http/logger.ts';
import { testConfig, UNLIMITED } from '../support/harness.ts';

describe('the home page, the API reference and the demo seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pay-portal-home-'));
  const db = openDatabase(':memory:');
  const logger = createLogger('silent');
  let demo: DemoBusiness | null = null;
  const make = (options: { demo: boolean; sandbox?: boolean; bundle?: string }) =>
    createApp({
      db,
      logger,
      config: testConfig({
        ...UNLIMITED,
        demo: options.demo,
        paymentProvider: options.sandbox === false ? 'stripe' : 'sandbox',
      }),
      demoLinks: () => demo?.links ?? [],
      apiReferenceBundle: options.bundle,
    });

  beforeAll(async () => {
    await migrateToLatest(db);
    demo = await seedDemo(db, make({ demo: true }));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.destroy();
  });

  it('answers / with a page that says what this is and links the staff page, the links and the docs', async () => {
    const response = await make({ demo: true }).request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<h1>Pay Portal</h1>');
    expect(html).toContain('unguessable payment link');
    expect(html).toContain('href="/demo"');
    expect(html).toContain('href="/docs"');
    expect(html).toContain('Test mode');
    for (const link of demo!.links) {
      expect(html).toContain(`<a href="${link.url}">${link.label}</a>`);
    }
    // The API key stays in the terminal: the page is public.
    expect(html).not.toContain(demo!.api_key);
    // Demo links are tokens: they leave in no Referer and land in no cache or frame.
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('outside demo mode shows no staff page and no link, and no test mode with real payments', async () => {
    const html = await (await make({ demo: false, sandbox: false }).request('/')).text();
    expect(html).toContain('<h1>Pay Portal</h1>');
    expect(html).toContain('href="/docs"');
    expect(html).not.toContain('href="/demo"');
    expect(html).not.toContain('/p/');
    expect(html).not.toContain('Test mode');
  });

  it('serves the API reference and its renderer from this origin, nothing from a CDN', async () => {
    const app = make({ demo: false });
    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<redoc spec-url="/openapi.json"></redoc>');
    expect(html).toContain('<script src="/docs/redoc.standalone.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:/);

    const bundle = await app.request('/docs/redoc.standalone.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const script = await bundle.text();
    expect(script.length).toBeGreaterThan(500_000);
    // The one third-party request in the bundle (the footer's logo) is gone.
    expect(script).not.toContain('cdn.redoc.ly');

    const spec = await (await app.request('/openapi.json')).json();
    expect(spec.paths['/v1/payments/{id}/refunds']).toBeDefined();
  });

  it('says how to get the renderer when it is missing', async () => {
    const response = await make({ demo: false, bundle: join(dir, 'none.js') }).request('/docs');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
    writeFileSync(join(dir, 'tiny.js'), '/* renderer */');
    const tiny = make({ demo: false, bundle: join(dir, 'tiny.js') });
    expect(await (await tiny.request('/docs/redoc.standalone.js')).text()).toBe('/* renderer */');
  });

  it('seeds an estimate link with a deposit and an invoice of several lines, a discount and notes', async () => {
    const labels = demo!.links.map((link) => link.label);
    expect(labels).toEqual([
      'Outstanding balance (customer link)',
      'One invoice (invoice link)',
      'Estimate with deposit (estimate link)',
      'Zero balance',
      'Account credit',
    ]);
    const token = (label: string) =>
      new URL(demo!.links.find((link) => link.label === label)!.url).pathname.split('/').pop();
    const app = make({ demo: true });

    const estimateView = await (
      await app.request(`/v1/portal/${token('Estimate with deposit (estimate link)')}`)
    ).json();
    expect(estimateView.estimates).toHaveLength(1);
    const [estimate] = estimateView.estimates;
    expect(estimate.deposit_amount).toBeGreaterThan(0);
    expect(estimate.deposit_amount).toBe(Math.round(estimate.total / 4));
    expect(estimate.terms).toContain('deposit');

    const invoiceView = await (
      await app.request(`/v1/portal/${token('One invoice (invoice link)')}`)
    ).json();
    const [invoice] = invoiceView.invoices;
    const staff = { authorization: `Bearer ${demo!.api_key}` };
    const full = await (await app.request(`/v1/invoices/${invoice.id}`, { headers: staff })).json();
    expect(full.lines.length).toBeGreaterThanOrEqual(3);
    expect(full.notes).toMatch(/warranty/);
    expect(full.discount).toMatchObject({ type: 'amount', amount: 2_500 });
    expect(full.total).toBe(full.subtotal - 2_500 + full.tax);
  });
});
