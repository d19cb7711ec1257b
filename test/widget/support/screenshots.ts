/**
 * Screenshots of <pay-portal> in each state at phone width, from the built bundle against the
 * real server, into docs/screenshots/. Run after `npm run build:widget`:
 *   npx tsx test/widget/support/screenshots.ts
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { deadToken, type FixtureRequest, startFixtureServer } from './fixture-server.ts';

const BUNDLE = 'dist/widget/pay-portal.mjs';
const OUT = 'docs/screenshots';

interface Shot {
  name: string;
  state: FixtureRequest['state'] | 'dead';
  locale?: string;
  width?: number;
  /** Something to do on the page before the picture. */
  act?: 'partial-error' | 'custom-tip' | 'history' | 'confirmation';
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
  { name: 'confirmation', state: 'paid', act: 'confirmation' },
];

const page = (src: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pay Portal</title>
<style>body { margin: 0; padding: 16px; background: #f3f4f6; }</style>
<script type="module" src="${src}"></script></head>
<body></body></html>`;

async function main() {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build:widget first`);
  const pages = createServer((request, response) => {
    if (request.url === '/pay-portal.mjs') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(readFileSync(BUNDLE));
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
    for (const shot of SHOTS) {
      const target =
        shot.state === 'dead'
          ? { apiBase: server.apiBase, token: deadToken() }
          : await server.create({ state: shot.state });
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
      if (shot.act === 'history') {
        await tab.locator('pay-portal button', { hasText: 'Payment history' }).click();
        await tab.locator('pay-portal .payment-row').waitFor();
      }
      if (shot.act === 'confirmation') {
        await tab.evaluate(
          (id) => document.querySelector('pay-portal')!.showPayment(id),
          (target as { payment?: string }).payment!,
        );
      }
      if (shot.act === 'custom-tip') {
        await tab.locator('pay-portal .chip', { hasText: '18' }).click();
      }
      await tab.waitForTimeout(700); // the server's quote, debounced
      await tab.screenshot({ path: `${OUT}/${shot.name}.png`, fullPage: true });
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
