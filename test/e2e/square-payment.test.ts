/**
 * A Square business's customer paying by card, end to end in Chromium: the real server with
 * PAYMENT_PROVIDER=square and the real `square` SDK against the Square stand-in, the hosted page
 * under its own Content-Security-Policy, and a stand-in for Square's Web Payments SDK in the page
 * (square.js cannot be fetched here) whose tokens come from the stand-in. Dana opens her link on
 * a phone, adds a tip, pays with a debit card (the card fee drops before anything is charged),
 * and gets her receipt; the ledger holds what Square captured.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSquare, startFakeSquare } from '../support/fake-square.ts';
import { balanceOf } from '../support/fixtures.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { customerIn, type PayServer, startPayServer } from './support/pay-server.ts';

/** What the page gets instead of square.js: Square's card form, tokenizing through the stand-in. */
const SQUARE_STAND_IN = `
window.Square = {
  payments(applicationId, locationId) {
    window.__squarePayments = { applicationId, locationId };
    return {
      async card() {
        return {
          async attach(target) {
            const box = document.createElement('div');
            box.className = 'square-stand-in';
            box.style.cssText = 'border:1px solid #ccc;border-radius:6px;padding:12px;font:14px sans-serif';
            box.textContent = 'Card number  4000 0566 5566 5556   12/34   123';
            target.append(box);
          },
          async tokenize() {
            return { status: 'OK', token: await window.squareTokenize('4000056655665556') };
          },
          async destroy() { return true; },
          focus() {},
        };
      },
      // Square's buyer verification: no challenge for this card, a verf: token for it.
      async verifyBuyer(source, details) {
        window.__squareVerified = details;
        return { token: await window.squareVerify(source), userChallenged: false };
      },
      paymentRequest() { return { update() {} }; },
      // Neither wallet is offered in this browser: Square throws. ACH where the test says the
      // seller takes it: Plaid's choice of bank stands in as a bank token from the stand-in.
      async applePay() { throw new Error('PaymentMethodUnsupportedError'); },
      async googlePay() { throw new Error('PaymentMethodUnsupportedError'); },
      async ach() {
        if (!window.__squareAch) throw new Error('PaymentMethodUnsupportedError');
        return {
          async tokenize(options) {
            window.__squareAchAsked = options;
            return { status: 'OK', token: await window.squareBank() };
          },
          async destroy() {},
        };
      },
    };
  },
};`;

describe('a Square business in Chromium', { timeout: 90_000 }, () => {
  let fake: FakeSquare;
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    fake = await startFakeSquare();
    [server, browser] = await Promise.all([
      startPayServer({
        env: {
          PAYMENT_PROVIDER: 'square',
          SQUARE_ACCESS_TOKEN: 'EAAAtest_e2e',
          SQUARE_APPLICATION_ID: 'sandbox-sq0idb-e2e',
          SQUARE_LOCATION_ID: fake.api.locationId,
          SQUARE_WEBHOOK_SIGNATURE_KEY: 'sigkey_e2e',
          SQUARE_API_BASE: fake.url,
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
    it(`the customer pays by card with a tip at ${viewport.width}px and gets a receipt`, async () => {
      const staff = await server.business('Blue Lagoon Pools', {
        convenience_fees: { card: { percent_bps: 300, fixed: 30 } },
      });
      const { customer, url } = await customerIn(staff, 'outstanding');
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const messages = consoleOf(page);
      await page.exposeFunction('squareTokenize', (card: string) => fake.api.tokenize(card));
      await page.exposeFunction('squareVerify', (source: string) => fake.api.verifyBuyer(source));
      await page.addInitScript(SQUARE_STAND_IN);
      await page.goto(url);
      const portal = page.locator('pay-portal');
      await page.locator('.square-stand-in').waitFor();
      expect(
        await page.evaluate(() => (window as { __squarePayments?: unknown }).__squarePayments),
      ).toEqual({ applicationId: 'sandbox-sq0idb-e2e', locationId: fake.api.locationId });
      const owed = await balanceOf(staff, customer);
      await portal.getByRole('radio', { name: /20%/ }).check();
      const tip = Math.round(owed * 0.2);
      await page.screenshot({ path: `/tmp/square-form-${viewport.width}.png`, fullPage: true });
      await portal.locator('[part="pay-button"]').click();
      // A debit card: no card fee. The new total is shown, and the next press pays it.
      await portal.getByText(/This is a debit card, so no card fee applies/).waitFor();
      await portal.locator('[part="pay-button"]').click();
      await portal
        .getByText(/Receipt/i)
        .first()
        .waitFor();
      await page.screenshot({ path: `/tmp/square-paid-${viewport.width}.png`, fullPage: true });
      const captured = [...fake.api.payments.values()].filter((p) => p.status === 'COMPLETED');
      expect(captured.at(-1)!.total_money.amount).toBe(owed + tip);
      // The card went to Square with the token its buyer verification made.
      const create = fake.requestsTo('POST', '/v2/payments').at(-1)!;
      expect(String(create.body.verification_token)).toMatch(/^verf:/);
      expect(await balanceOf(staff, customer)).toBe(0);
      expect(messages.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
      await context.close();
    });
  }

  it('the customer pays by ACH bank transfer: processing, then paid when Square says it completed', async () => {
    const staff = await server.business('Blue Lagoon Pools', {
      convenience_fees: {
        card: { percent_bps: 300, fixed: 30 },
        us_bank_account: { percent_bps: 0, fixed: 100 },
      },
    });
    const { customer, url } = await customerIn(staff, 'outstanding');
    const owed = await balanceOf(staff, customer);
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const messages = consoleOf(page);
    await page.exposeFunction('squareTokenize', (card: string) => fake.api.tokenize(card));
    await page.exposeFunction('squareVerify', (source: string) => fake.api.verifyBuyer(source));
    await page.exposeFunction('squareBank', () => fake.api.tokenizeBank());
    await page.addInitScript('window.__squareAch = true;');
    await page.addInitScript(SQUARE_STAND_IN);
    await page.goto(url);
    const portal = page.locator('pay-portal');
    await page.locator('.square-stand-in').waitFor();
    await portal.getByRole('radio', { name: /Bank account/ }).check();
    await portal.getByText(/Square's secure window \(Plaid\)/).waitFor();
    await portal.locator('[part="pay-button"]').click();
    await portal.locator('[part="confirmation"]').waitFor();
    await page.screenshot({ path: '/tmp/square-ach-375.png', fullPage: true });
    expect(
      await page.evaluate(() => (window as { __squareAchAsked?: unknown }).__squareAchAsked),
    ).toMatchObject({ intent: 'CHARGE', currency: 'USD' });
    // Square has it PENDING: nothing is posted until the transfer completes.
    const atSquare = [...fake.api.payments.values()].at(-1)!;
    expect(atSquare).toMatchObject({ status: 'PENDING', total_money: { amount: owed + 100 } });
    expect(await balanceOf(staff, customer)).toBe(owed);
    const { body, signature } = fake.webhook(
      'payment.updated',
      fake.api.settleBankPayment(atSquare.id),
      `${server.url}/webhooks/square`,
      'sigkey_e2e',
    );
    const told = await server.request('/webhooks/square', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-square-hmacsha256-signature': signature },
      body,
    });
    expect(told.status).toBe(200);
    expect(await balanceOf(staff, customer)).toBe(0);
    expect(messages.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
    await context.close();
  });

  it("the hosted page's policy allows Square's script and frames, not Stripe's", async () => {
    const staff = await server.business();
    const { url } = await customerIn(staff, 'outstanding');
    const policy = (await fetch(url)).headers.get('content-security-policy') ?? '';
    const script = policy.split(';').find((d) => d.trim().startsWith('script-src'))!;
    expect(script).toContain('https://sandbox.web.squarecdn.com');
    expect(script).not.toContain('js.stripe.com');
    // Google Pay's sheet, Plaid's window (ACH) and the 3-D Secure frame of verifyBuyer.
    const frame = policy.split(';').find((d) => d.trim().startsWith('frame-src'))!;
    for (const origin of [
      'https://pay.google.com',
      'https://cdn.plaid.com',
      'https://geoissuer.cardinalcommerce.com',
    ]) {
      expect(frame).toContain(origin);
    }
  });
});
