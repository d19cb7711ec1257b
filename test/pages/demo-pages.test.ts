import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { testConfig } from '../support/harness.ts';

describe('staff demo page and embedding examples', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pay-portal-pages-'));
  const db = openDatabase(':memory:');
  const logger = createLogger('silent');
  const make = (demo: boolean) =>
    createApp({
      db,
      logger,
      config: testConfig({ demo }),
      widgetDir: join(dir, 'widget'),
      demoDir: join(dir, 'demo'),
    });

  beforeAll(async () => {
    await migrateToLatest(db);
    mkdirSync(join(dir, 'widget'));
    writeFileSync(join(dir, 'widget', 'pay-portal.js'), '/* classic */');
    writeFileSync(join(dir, 'widget', 'pay-portal.mjs'), '/* module */');
    mkdirSync(join(dir, 'demo', 'assets'), { recursive: true });
    writeFileSync(
      join(dir, 'demo', 'index.html'),
      '<!doctype html><script type="module" src="/demo/assets/index-abc.js"></script><demo-app></demo-app>',
    );
    writeFileSync(join(dir, 'demo', 'assets', 'index-abc.js'), 'console.log("demo")');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.destroy();
  });

  it('is on in demo mode, off in production unless DEMO=true', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).demo).toBe(true);
    const production = {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://pay.example',
      APP_SECRET: 'x',
      PAYMENT_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
    };
    expect(loadConfig(production).demo).toBe(false);
    expect(loadConfig({ ...production, DEMO: 'true' }).demo).toBe(true);
  });

  it('serves the page in demo mode, locked down, framed by no one', async () => {
    const response = await make(true).request('/demo');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<demo-app>');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const slash = await make(true).request('/demo/');
    expect([slash.status, slash.headers.get('location')]).toEqual([302, '/demo']);
    const asset = await make(true).request('/demo/assets/index-abc.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('is not there at all outside demo mode', async () => {
    for (const path of ['/demo', '/demo/assets/index-abc.js', '/demo/examples/website.html']) {
      const response = await make(false).request(path);
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe('route_missing');
    }
  });

  it('renders the script-tag example with the pinned script and the token', async () => {
    const html = await (await make(true).request('/demo/examples/website.html?token=tok_1')).text();
    expect(html).toMatch(
      /<script src="https:\/\/pay\.example\.test\/widget\/pay-portal\.[0-9a-f]{16}\.js" integrity="sha384-[^"]+" crossorigin="anonymous" async><\/script>/,
    );
    expect(html).toContain('<pay-portal token="tok_1"></pay-portal>');
    expect(html).not.toContain('{{');
  });

  it('renders the iframe example pointing at the hosted page', async () => {
    const response = await make(true).request('/demo/examples/email-landing.html?token=tok_2');
    const html = await response.text();
    expect(html).toContain('<iframe src="https://pay.example.test/p/tok_2"');
    expect(response.headers.get('content-security-policy')).toContain(
      'frame-src https://pay.example.test',
    );
    expect((await make(true).request('/demo/examples/example.css')).status).toBe(200);
  });

  it('escapes the token it is given and knows only its two examples', async () => {
    const html = await (
      await make(true).request(
        `/demo/examples/website.html?token=${encodeURIComponent('"><script>x</script>')}`,
      )
    ).text();
    expect(html).toContain('token="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect((await make(true).request('/demo/examples/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await make(true).request('/demo/examples/index.html')).status).toBe(404);
  });

  it('says so when the page is not built', async () => {
    const bare = createApp({
      db,
      logger,
      config: testConfig({ demo: true }),
      demoDir: join(dir, 'missing'),
    });
    const response = await bare.request('/demo');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
  });
});
