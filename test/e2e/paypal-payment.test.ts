/**
 * A customer choosing PayPal and paying, end to end in Chromium: the real server with the
 * sandbox for cards and PayPal beside it (PAYPAL_CLIENT_ID…, PAYPAL_API_BASE at the PayPal
 * stand-in, through the real `@paypal/paypal-server-sdk`), the hosted page under its own
 * Content-Security-Policy, and a stand-in for PayPal's JS SDK in the page (PayPal's script cannot
 * be fetched here) whose window approves the order at the stand-in. Dana opens her link, adds a
 * tip, picks PayPal (its fee shows), presses PayPal's button, and gets her receipt; the ledger
 * holds what PayPal captured, and PayPal's later COMPLETED webhook adds nothing.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakePayPal, PAYPAL_CLIENT, startFakePayPal } from '../support/fake-paypal.ts';
import { balanceOf } from '../support/fixtures.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { customerIn, type PayServer, startPayServer } from './support/pay-server.ts';

/** What the page gets instead of PayPal's SDK: Buttons whose window approves at the stand-in. */
const PAYPAL_STAND_IN = `
window.paypal = {
  FUNDING: { PAYPAL: 'paypal', VENMO: 'venmo' },
  Buttons(options) {
    (window.__paypalButtons ??= []).push(options.fundingSource);
    return {
      isEligible: () => true,
      async render(container) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'paypal-stand-in';
        button.dataset.funding = options.fundingSource;
        button.style.cssText = 'width:100%;height:45px;border:0;border-radius:4px;font:600 16px sans-serif;margin:4px 0;background:' + (options.fundingSource === 'venmo' ? '#008cff;color:#fff' : '#ffc439;color:#111');
        button.textContent = options.fundingSource === 'venmo' ? 'Venmo' : 'PayPal';
        button.addEventListener('click', async () => {
          let rejected = false;
          await options.onClick({}, { resolve: async () => {}, reject: async () => { rejected = true; } });
          if (rejected) return;
          let orderID;
          try { orderID = await options.createOrder(); } catch (error) { options.onError(error); return; }
          await window.paypalApprove(orderID);
          await options.onApprove({ orderID });
        });
        container.append(button);
      },
      async close() {},
    };
  },
};`;

describe('a customer choosing PayPal in Chromium', { timeout: 90_000 }, () => {
  let fake: FakePayPal;
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    fake = await startFakePayPal();
    [server, browser] = await Promise.all([
      startPayServer({
        env: {
          PAYPAL_CLIENT_ID: PAYPAL_CLIENT.id,
          PAYPAL_CLIENT_SECRET: PAYPAL_CLIENT.secret,
          PAYPAL_WEBHOOK_ID: 'WH0E2E',
          PAYPAL_API_BASE: fake.url,
        },
      }),
      launchChromium(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  for (const viewport of [PHONE, DESKTOP]) {
    it(`picks PayPal, adds a tip at ${viewport.width}px, pays in PayPal's window, gets a receipt`, async () => {
      const staff = await server.business('Blue Lagoon Pools', {
        convenience_fees: {
          card: { percent_bps: 300, fixed: 30 },
          paypal: { percent_bps: 200, fixed: 10 },
        },
      });
      const { customer, url } = await customerIn(staff, 'outstanding');
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const messages = consoleOf(page);
      await page.exposeFunction('paypalApprove', (orderId: string) => {
        fake.api.approve(orderId);
      });
      await page.addInitScript(PAYPAL_STAND_IN);
      await page.goto(url);
      const portal = page.locator('pay-portal');
      const owed = await balanceOf(staff, customer);
      await portal.getByRole('radio', { name: /20%/ }).check();
      const tip = Math.round(owed * 0.2);
      // Nothing of PayPal until it is picked.
      expect(
        await page.evaluate(() => (window as { __paypalButtons?: unknown }).__paypalButtons),
      ).toBeUndefined();
      await portal.getByRole('radio', { name: /PayPal/ }).check();
      await page.locator('.paypal-stand-in[data-funding="paypal"]').waitFor();
      expect(
        await page.evaluate(() => (window as { __paypalButtons?: unknown }).__paypalButtons),
      ).toEqual(['paypal', 'venmo']);
      const fee = Math.round((owed + tip) * 0.02) + 10;
      await portal.getByText(/PayPal fee/).waitFor();
      await page.screenshot({ path: `/tmp/paypal-chosen-${viewport.width}.png`, fullPage: true });
      await page.locator('.paypal-stand-in[data-funding="paypal"]').click();
      await portal
        .getByText(/Receipt/i)
        .first()
        .waitFor();
      await page.screenshot({ path: `/tmp/paypal-paid-${viewport.width}.png`, fullPage: true });
      const order = [...fake.api.orders.values()].at(-1)!;
      expect(order.status).toBe('COMPLETED');
      expect(order.purchase_units[0]!.amount.value).toBe(((owed + tip + fee) / 100).toFixed(2));
      expect(await balanceOf(staff, customer)).toBe(0);
      expect(messages.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
      await context.close();
    });
  }

  it("the hosted page's policy allows PayPal's SDK beside the card provider's", async () => {
    const staff = await server.business();
    const { url } = await customerIn(staff, 'outstanding');
    const policy = (await fetch(url)).headers.get('content-security-policy') ?? '';
    const directive = (name: string) => policy.split(';').find((d) => d.trim().startsWith(name))!;
    expect(directive('script-src')).toContain('https://www.paypal.com');
    expect(directive('frame-src')).toContain('https://www.sandbox.paypal.com');
    expect(directive('script-src')).toContain('https://js.stripe.com');
  });
});
