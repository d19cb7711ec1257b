/**
 * Screenshots of <pay-portal> in each state at phone width, from the built bundle against the
 * real server, into docs/screenshots/. Run after `npm run build:widget`:
 *   npx tsx test/widget/support/screenshots.ts [name…]
 * (names: only those pictures, e.g. `portal-estimate-review`).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { deadToken, type FixtureRequest, startFixtureServer } from './fixture-server.ts';

const DIST = 'dist/widget';
const BUNDLE = `${DIST}/pay-portal.mjs`;
const OUT = 'docs/screenshots';

interface Shot {
  name: string;
  state: FixtureRequest['state'] | 'dead';
  locale?: string;
  width?: number;
  /** Something to do on the page before the picture. */
  act?:
    | 'partial-error'
    | 'custom-tip'
    | 'history'
    | 'confirmation'
    | 'card-form'
    | 'three-d-secure'
    | 'declined'
    | 'fee-change'
    | 'paid-now'
    | 'estimate-sign'
    | 'estimate-deposit'
    | 'estimate-paid'
    | 'invoice'
    | 'invoice-print'
    | 'view-invoice'
    | 'refund-history'
    | 'statement'
    | 'yellow';
  /** The payment block alone, or the window (a dialog); the whole page by default. */
  frame?: 'payment' | 'estimates' | 'statement' | 'window';
}

const SHOTS: Shot[] = [
  { name: 'zero', state: 'zero' },
  { name: 'credit', state: 'credit' },
  { name: 'outstanding', state: 'outstanding' },
  { name: 'partial', state: 'partial', act: 'partial-error' },
  { name: 'spanish', state: 'outstanding', locale: 'es-MX', act: 'custom-tip' },
  { name: 'dead-link', state: 'dead' },
  { name: 'branded', state: 'branded' },
  { name: 'jpy', state: 'jpy' },
  { name: 'desktop', state: 'outstanding', width: 1280 },
  { name: 'history', state: 'paid', act: 'history' },
  { name: 'confirmation', state: 'outstanding', act: 'paid-now' },
  { name: 'confirmation-1280', state: 'outstanding', act: 'paid-now', width: 1280 },
  { name: 'sandbox-form', state: 'outstanding', act: 'card-form', frame: 'payment' },
  { name: 'three-d-secure', state: 'outstanding', act: 'three-d-secure', frame: 'window' },
  { name: 'declined', state: 'outstanding', act: 'declined', frame: 'payment' },
  { name: 'fee-change', state: 'outstanding', act: 'fee-change', frame: 'payment' },
  { name: 'saved-card', state: 'saved-card', frame: 'payment' },
  { name: 'portal-estimate-review', state: 'estimate' },
  { name: 'portal-estimate-sign', state: 'estimate', act: 'estimate-sign' },
  { name: 'portal-estimate-deposit', state: 'estimate', act: 'estimate-deposit' },
  { name: 'portal-estimate-paid', state: 'estimate', act: 'estimate-paid' },
  { name: 'portal-estimates', state: 'estimates', frame: 'estimates' },
  { name: 'invoice-view-375', state: 'invoice', act: 'invoice' },
  { name: 'invoice-view-1280', state: 'invoice', act: 'invoice', width: 1280 },
  { name: 'invoice-print', state: 'invoice', act: 'invoice-print', width: 800 },
  { name: 'invoice-from-account', state: 'outstanding', act: 'view-invoice' },
  { name: 'history-refund', state: 'paid', act: 'refund-history' },
  { name: 'brand-yellow-375', state: 'outstanding', act: 'yellow' },
  { name: 'brand-yellow-1280', state: 'outstanding', act: 'yellow', width: 1280 },
  { name: 'statement-form-375', state: 'outstanding', act: 'statement', frame: 'statement' },
  {
    name: 'statement-form-1280',
    state: 'outstanding',
    act: 'statement',
    frame: 'statement',
    width: 1280,
  },
];

/** Approves the estimate as a customer does: review, then sign with a typed name. */
async function signEstimate(tab: Page, submit: boolean): Promise<void> {
  const view = tab.locator('pay-portal pay-portal-estimate');
  await view.getByRole('button', { name: 'Approve', exact: true }).click();
  await view.getByRole('button', { name: 'Continue to sign' }).click();
  await view.getByLabel('Full name').fill('Dana Diaz');
  if (submit) {
    await view.getByRole('button', { name: 'Approve and sign' }).click();
    await tab.locator('pay-portal [part="sandbox-form"]').waitFor();
  }
}

/** Types a test card into the element's form, as a customer does. */
async function typeCard(tab: Page, number: string): Promise<void> {
  const form = tab.locator('pay-portal [part="sandbox-form"]');
  await form.getByLabel('Card number', { exact: true }).fill(number);
  await form.getByLabel('Expiry (MM/YY)').fill('12/34');
  await form.getByLabel('CVC').fill('123');
}

const payButton = (tab: Page) => tab.locator('pay-portal [part="pay-button"]');

const page = (src: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pay Portal</title>
<style>body { margin: 0; padding: 16px; background: #f3f4f6; }</style>
<script type="module" src="${src}"></script></head>
<body></body></html>`;

async function main() {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build:widget first`);
  const pages = createServer((request, response) => {
    // The entry, and the payment forms it imports from beside itself.
    const file = `${DIST}/${basename(request.url ?? '')}`;
    if (/\.mjs$/.test(file) && existsSync(file)) {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(readFileSync(file));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(page('/pay-portal.mjs'));
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  const server = await startFixtureServer([origin]);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(OUT, { recursive: true });
  try {
    const only = process.argv.slice(2);
    for (const shot of SHOTS.filter((s) => only.length === 0 || only.includes(s.name))) {
      const target =
        shot.state === 'dead'
          ? { apiBase: server.apiBase, token: deadToken() }
          : await server.create({ state: shot.state });
      if (shot.act === 'invoice' || shot.act === 'invoice-print') {
        // The customer's billing address and the business's terms, as the document shows them.
        const { link } = target as { link: string };
        const { customer } = (await server.staff(link, 'GET', `/v1/payment_links/${link}`)) as {
          customer: string;
        };
        await server.staff(link, 'PATCH', `/v1/customers/${customer}`, {
          address: { line1: '48 Coral Lane', city: 'Tampa', state: 'FL', postal_code: '33606' },
        });
        await server.staff(link, 'PATCH', '/v1/settings', {
          invoice_terms: 'Due within 15 days. Checks payable to Blue Lagoon Pools.',
        });
      }
      if (shot.act === 'yellow') {
        const { link } = target as { link: string };
        await server.staff(link, 'PATCH', '/v1/settings', { branding: { brand_color: '#facc15' } });
      }
      if (shot.act === 'refund-history') {
        const { link, payment } = target as { link: string; payment: string };
        await server.staff(link, 'POST', `/v1/payments/${payment}/refunds`, { amount: 1_500 });
      }
      const tab = await browser.newPage({
        viewport: { width: shot.width ?? 375, height: 700 },
        deviceScaleFactor: 2,
        locale: 'en-US',
      });
      await tab.goto(origin);
      await tab.evaluate(
        ({ apiBase, token, locale }) =>
          new Promise<void>((resolve) => {
            const element = document.createElement('pay-portal');
            element.setAttribute('api-base', apiBase);
            if (locale) element.setAttribute('locale', locale);
            element.setAttribute('token', token);
            element.addEventListener('pay-portal-ready', () => resolve());
            element.addEventListener('pay-portal-error', () => resolve());
            document.body.append(element);
          }),
        { ...target, locale: shot.locale ?? '' },
      );
      if (shot.act === 'partial-error') {
        const amount = tab.locator('pay-portal input[inputmode="decimal"]').first();
        await amount.fill('2');
      }
      if (shot.act === 'history' || shot.act === 'refund-history') {
        await tab.locator('pay-portal button', { hasText: 'Payment history' }).click();
        await tab.locator('pay-portal .payment-row').waitFor();
      }
      if (shot.act === 'statement') {
        await tab.locator('pay-portal [part="statement"] summary').click();
      }
      if (shot.act === 'confirmation') {
        await tab.evaluate(
          (id) => document.querySelector('pay-portal')!.showPayment(id),
          (target as { payment?: string }).payment!,
        );
      }
      if (shot.act === 'card-form') await typeCard(tab, '4242 4242 4242 4242');
      if (shot.act === 'paid-now') {
        await tab.locator('pay-portal .chip', { hasText: '18' }).click();
        await typeCard(tab, '4242 4242 4242 4242');
        await payButton(tab).click();
        await tab.locator('pay-portal [part="confirmation"]').waitFor();
      }
      if (shot.act === 'three-d-secure') {
        await typeCard(tab, '4000 0025 0000 3155');
        await payButton(tab).click();
        await tab.locator('pay-portal dialog.three-ds').waitFor();
      }
      if (shot.act === 'declined') {
        await typeCard(tab, '4000 0000 0000 0002');
        await payButton(tab).click();
        await tab.locator('pay-portal .pay-failure').waitFor();
      }
      if (shot.act === 'fee-change') {
        await typeCard(tab, '4000 0566 5566 5556');
        await payButton(tab).click();
        await tab.locator('pay-portal .fee-change').waitFor();
      }
      if (shot.act === 'estimate-sign') await signEstimate(tab, false);
      if (shot.act === 'estimate-deposit') await signEstimate(tab, true);
      if (shot.act === 'estimate-paid') {
        await signEstimate(tab, true);
        await typeCard(tab, '4242 4242 4242 4242');
        await payButton(tab).click();
        await tab.locator('pay-portal [part="confirmation"]').waitFor();
        await tab.locator('pay-portal button', { hasText: 'Back to your account' }).click();
        await tab.locator('pay-portal pay-portal-estimate [part="deposit"]').waitFor();
      }
      if (shot.act?.includes('invoice')) {
        if (shot.act === 'view-invoice') {
          await tab.locator('pay-portal button', { hasText: 'View invoice' }).first().click();
        }
        await tab.locator('pay-portal pay-portal-invoice [part="lines"]').waitFor();
        if (shot.act === 'invoice-print') await tab.emulateMedia({ media: 'print' });
      }
      if (shot.act === 'custom-tip') {
        await tab.locator('pay-portal .chip', { hasText: '18' }).click();
      }
      await tab.waitForTimeout(700); // the server's quote, debounced
      const path = `${OUT}/${shot.name}.png`;
      if (shot.frame === 'payment' || shot.frame === 'estimates' || shot.frame === 'statement') {
        await tab.locator(`pay-portal [part="${shot.frame}"]`).screenshot({ path });
      } else {
        await tab.screenshot({ path, fullPage: shot.frame !== 'window' });
      }
      await tab.close();
      process.stdout.write(`${OUT}/${shot.name}.png\n`);
    }
  } finally {
    await browser.close();
    await server.close();
    pages.close();
  }
}

await main();
