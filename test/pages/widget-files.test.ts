import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { createCustomer, createPaymentLink } from '../support/fixtures.ts';
import { testConfig } from '../support/harness.ts';
import { staffClient } from '../support/staff-client.ts';

/** A build of the element as Vite leaves it, with bytes of our own. */
const MODULE = 'export class PayPortal{};customElements.define("pay-portal",PayPortal);\n';
const CLASSIC = '(function(){"use strict";window.PayPortal={};})();\n';

const sri = (bytes: Uint8Array | string) =>
  `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

describe('widget files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pay-portal-widget-'));
  const db = openDatabase(':memory:');
  const config = testConfig();
  const logger = createLogger('silent');
  let app: ReturnType<typeof createApp>;
  let bare: ReturnType<typeof createApp>;

  beforeAll(async () => {
    await migrateToLatest(db);
    writeFileSync(join(dir, 'pay-portal.mjs'), MODULE);
    writeFileSync(join(dir, 'pay-portal.js'), CLASSIC);
    writeFileSync(join(dir, 'pay-portal.mjs.map'), '{"version":3}');
    writeFileSync(join(dir, 'notes.txt'), 'not served');
    mkdirSync(join(dir, 'nested.js'));
    app = createApp({ db, config, logger, widgetDir: dir });
    bare = createApp({ db, config, logger, widgetDir: join(dir, 'missing') });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.destroy();
  });

  const embed = async () => {
    const response = await app.request('/widget/embed.json');
    expect(response.status).toBe(200);
    return (await response.json()) as {
      module: { url: string; stable_url: string; integrity: string };
      script: { url: string; stable_url: string; integrity: string };
      snippets: Record<string, string | null>;
    };
  };

  it('serves the stable names with a five-minute cache, readable from any origin', async () => {
    for (const [name, bytes] of [
      ['pay-portal.mjs', MODULE],
      ['pay-portal.js', CLASSIC],
    ] as const) {
      const response = await app.request(`/widget/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(bytes);
    }
  });

  it('serves content-hashed names immutable for a year, with SRI of the very bytes', async () => {
    const { module, script } = await embed();
    for (const entry of [module, script]) {
      expect(entry.url).toMatch(
        /^https:\/\/pay\.example\.test\/widget\/pay-portal\.[0-9a-f]{16}\.m?js$/,
      );
      const response = await app.request(new URL(entry.url).pathname);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(entry.integrity).toBe(sri(bytes));
    }
    expect(module.integrity).toBe(sri(MODULE));
    expect(script.integrity).toBe(sri(CLASSIC));
    expect(module.stable_url).toBe('https://pay.example.test/widget/pay-portal.mjs');
  });

  it('names a build by its content: other bytes, another name', async () => {
    const other = mkdtempSync(join(tmpdir(), 'pay-portal-widget-'));
    writeFileSync(join(other, 'pay-portal.mjs'), `${MODULE}// v2\n`);
    writeFileSync(join(other, 'pay-portal.js'), CLASSIC);
    const next = createApp({ db, config, logger, widgetDir: other });
    const before = (await embed()).module.url;
    const after = (await (await next.request('/widget/embed.json')).json()).module.url;
    expect(after).not.toBe(before);
    expect((await next.request(new URL(before).pathname)).status).toBe(404);
    rmSync(other, { recursive: true, force: true });
  });

  it('answers a revalidation with 304', async () => {
    const first = await app.request('/widget/pay-portal.mjs');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.request('/widget/pay-portal.mjs', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves source maps, and nothing else of the folder', async () => {
    expect((await app.request('/widget/pay-portal.mjs.map')).status).toBe(200);
    for (const path of [
      'notes.txt',
      'nested.js',
      'pay-portal.0000000000000000.mjs',
      '..%2Fapp.ts',
    ]) {
      const response = await app.request(`/widget/${path}`);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('route_missing');
    }
  });

  it('gives snippets: the stable script tag, and pinned ones with integrity', async () => {
    const { module, script, snippets } = await embed();
    expect(snippets.script_tag).toBe(
      '<script src="https://pay.example.test/widget/pay-portal.js" async></script>\n' +
        '<pay-portal token="LINK_TOKEN"></pay-portal>',
    );
    expect(snippets.script_tag_pinned).toContain(
      `src="${script.url}" integrity="${script.integrity}" crossorigin="anonymous"`,
    );
    expect(snippets.module_pinned).toContain(`type="module" src="${module.url}"`);
    expect(snippets.iframe).toContain('src="https://pay.example.test/p/LINK_TOKEN"');
  });

  it('points the hosted page at the hashed module with its integrity', async () => {
    const { module, script } = await embed();
    const page = await (await app.request('/p/whatever')).text();
    expect(page).not.toContain('<script'); // a dead link's page loads no element
    const { business, apiKey } = await createBusiness(db, { name: 'Acme', currency: 'usd' });
    const staff = staffClient({ id: business.id, apiKey }, async (path, init) =>
      app.request(path, init),
    );
    const customer = await createCustomer(staff, { name: 'Dana' });
    const link = await createPaymentLink(staff, { customer: customer.id });
    const html = await (await app.request(`/p/${link.token}`)).text();
    expect(html).toContain(
      `<script type="module" src="${new URL(module.url).pathname}" integrity="${module.integrity}">`,
    );
    expect(html).toContain(`src="${new URL(script.url).pathname}" integrity="${script.integrity}"`);
  });

  it('says the element is not built when dist is missing', async () => {
    const response = await bare.request('/widget/embed.json');
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('widget_not_built');
    expect((await bare.request('/widget/pay-portal.js')).status).toBe(404);
  });
});
