/**
 * `npm run screenshots:pages`: the hosted page in each balance state and the staff demo page, at
 * 375px and 1280px, from a real server with the element and demo built from the working tree,
 * into docs/screenshots/ (hosted-<state>-<width>.png, demo-<view>-<width>.png); and the first
 * minute: the home page with the demo seed's links and the API reference, searched for "refund"
 * at desktop width (home-<width>.png, api-docs-<width>.png); the staff page's refund dialog
 * (refund-dialog-<width>.png). The settings view is taken after uploading a logo drawn here.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { DESKTOP, launchChromium, PHONE } from '../test/e2e/support/browser.ts';
import { customerIn, type Staff, startPayServer } from '../test/e2e/support/pay-server.ts';
import { createPaymentLink } from '../test/support/fixtures.ts';
import { openPortal } from '../test/support/portal-client.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url);
const WIDTHS = [PHONE, DESKTOP];

async function hostedPages(browser: Browser, staff: Staff, deadUrl: string) {
  const states = ['outstanding', 'credit', 'zero'] as const;
  const urls = new Map<string, string>();
  for (const state of states) urls.set(state, (await customerIn(staff, state)).url);
  urls.set('dead-link', deadUrl);
  for (const [state, url] of urls) {
    for (const viewport of WIDTHS) {
      const page = await browser.newPage({ viewport });
      await page.goto(url);
      if (state !== 'dead-link') {
        await page.locator('pay-portal').getByText('Blue Lagoon Pools').first().waitFor();
        await page.waitForTimeout(300);
      }
      const path = new URL(`hosted-${state}-${viewport.width}.png`, OUT);
      await page.screenshot({ path: path.pathname, fullPage: true });
      await page.close();
    }
  }
}

async function demoPage(browser: Browser, url: string, staff: Staff) {
  for (const viewport of WIDTHS) {
    const context = await browser.newContext({ viewport });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const page = await context.newPage();
    await page.goto(`${url}/demo`);
    await page.getByLabel('API key').fill(staff.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('button', { name: /Dana Diaz/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Dana Diaz' }).waitFor();
    const card = page.locator('demo-link-card').first();
    await card.getByRole('button', { name: 'Copy' }).click();
    await card.getByText('Copied by staff').first().waitFor();
    await card.getByRole('button', { name: 'Preview' }).click();
    await page
      .frameLocator('iframe[title="Portal preview"]')
      .locator('pay-portal')
      .getByText('Hi Dana Diaz,')
      .waitFor();
    await page.waitForTimeout(500);
    let path = new URL(`demo-customers-${viewport.width}.png`, OUT);
    await page.screenshot({ path: path.pathname, fullPage: true });

    await page.getByRole('button', { name: 'Settings' }).click();
    // The logo upload (issue 15), with a logo drawn here: the preview shows it from our origin.
    await page
      .getByLabel('Upload a logo (PNG or JPEG, at most 256 KB)')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: drawnLogo() });
    await page.getByText('Logo uploaded.').waitFor();
    await page
      .frameLocator('iframe')
      .locator('pay-portal')
      .getByText('Blue Lagoon Pools')
      .first()
      .waitFor();
    await page.waitForTimeout(500);
    path = new URL(`demo-settings-${viewport.width}.png`, OUT);
    await page.screenshot({ path: path.pathname, fullPage: true });
    await context.close();
  }
}

/** A round logo: a wave across a teal disc, as a 128 px PNG. */
function drawnLogo(): Buffer {
  const size = 128;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const i = (y * size + x) * 4;
      const inside = (x - 63.5) ** 2 + (y - 63.5) ** 2 <= 62 ** 2;
      const wave = Math.abs(y - (70 + 9 * Math.sin(x / 10))) < 6;
      const [r, g, b] = wave ? [255, 255, 255] : [15, 118, 110];
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = inside ? 255 : 0;
    }
  }
  return PNG.sync.write(png);
}

async function firstMinute(browser: Browser, url: string) {
  for (const viewport of WIDTHS) {
    const page = await browser.newPage({ viewport });
    await page.goto(`${url}/`);
    await page.screenshot({
      path: new URL(`home-${viewport.width}.png`, OUT).pathname,
      fullPage: true,
    });
    await page.goto(`${url}/docs`);
    await page.getByRole('heading', { name: /Pay Portal API/ }).waitFor({ timeout: 20_000 });
    if (viewport === DESKTOP) {
      await page.getByPlaceholder('Search...').fill('refund');
      await page.locator('[data-role="search:results"] li').first().waitFor();
    }
    await page.waitForTimeout(500);
    await page.screenshot({ path: new URL(`api-docs-${viewport.width}.png`, OUT).pathname });
    await page.close();
  }
}

async function refundDialog(browser: Browser, url: string, staff: Staff) {
  const { customer } = await customerIn(staff, 'outstanding');
  const link = await createPaymentLink(staff, { customer });
  await openPortal(server, link).pay({
    balance_amount: 17_000,
    tip: { percent: 20 },
    method: 'card',
  });
  for (const viewport of WIDTHS) {
    const page = await browser.newPage({ viewport });
    await page.goto(`${url}/demo`);
    await page.getByLabel('API key').fill(staff.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Payments' }).click();
    await page.getByRole('button', { name: 'Refund' }).first().click();
    await page.getByRole('dialog', { name: 'Refund a payment' }).waitFor();
    await page
      .locator('#refund-dialog')
      .getByLabel(/Amount to refund/)
      .fill('50');
    await page.waitForTimeout(300);
    await page.screenshot({ path: new URL(`refund-dialog-${viewport.width}.png`, OUT).pathname });
    await page.close();
  }
}

const server = await startPayServer({ seedDemo: true });
const browser = await launchChromium();
try {
  mkdirSync(OUT, { recursive: true });
  const staff = await server.business();
  const other = await server.business('Another Business');
  const dead = await customerIn(other, 'zero');
  await other.post(`/v1/payment_links/${dead.link}/revoke`);
  await hostedPages(browser, staff, dead.url);
  await demoPage(browser, server.url, staff);
  await firstMinute(browser, server.url);
  await refundDialog(browser, server.url, staff);
  process.stdout.write(`Screenshots written to ${OUT.pathname}\n`);
} finally {
  await browser.close();
  await server.close();
}
