/**
 * The hosted page in Chromium: it renders each balance state under its own Content-Security-Policy
 * (no violation, the module loaded through its SRI hash), fits a phone, shows one friendly page for
 * a dead link, and a staff preview is never recorded as the customer's view.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkEvents } from '../support/fixtures.ts';
import { consoleOf, DESKTOP, eventually, launchChromium, PHONE } from './support/browser.ts';
import { customerIn, type PayServer, type Staff, startPayServer } from './support/pay-server.ts';

describe('hosted page in Chromium', { timeout: 60_000 }, () => {
  let server: PayServer;
  let browser: Browser;
  let staff: Staff;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
    staff = await server.business();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (url: string, viewport = PHONE) => {
    const page = await browser.newPage({ viewport });
    const messages = consoleOf(page);
    const response = await page.goto(url);
    return { page, messages, response };
  };

  const expectations = {
    zero: /You.re all set/i,
    credit: /credit/i,
    outstanding: /View recent charges/i,
  } as const;

  for (const state of ['zero', 'credit', 'outstanding'] as const) {
    it(`shows the ${state} state at phone width, with no CSP violation`, async () => {
      const { url } = await customerIn(staff, state);
      const { page, messages, response } = await open(url);
      expect(response?.status()).toBe(200);
      expect(await page.title()).toBe('Your account · Blue Lagoon Pools');
      await page.locator('pay-portal').getByText(expectations[state]).first().waitFor();
      // The module came through its integrity hash and defined the element.
      expect(await page.evaluate(() => Boolean(customElements.get('pay-portal')))).toBe(true);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll).toBeLessThanOrEqual(PHONE.width);
      expect(messages.filter((m) => /Content Security Policy|integrity/i.test(m))).toEqual([]);
      await page.close();
    });
  }

  it('shows the same friendly page for a dead link', async () => {
    const { url, link } = await customerIn(staff, 'outstanding');
    expect((await staff.post(`/v1/payment_links/${link}/revoke`)).status).toBe(200);
    const revoked = await open(url);
    expect(revoked.response?.status()).toBe(404);
    await revoked.page.getByRole('heading', { name: 'This link is no longer valid' }).waitFor();
    const unknown = await open(`${server.url}/p/never-issued`, DESKTOP);
    expect(await unknown.page.content()).toBe(await revoked.page.content());
    expect([...revoked.messages, ...unknown.messages].filter((m) => !m.includes('404'))).toEqual(
      [],
    );
    await revoked.page.close();
    await unknown.page.close();
  });

  it("records the customer's view, and never a staff preview", async () => {
    const { url, link } = await customerIn(staff, 'outstanding');
    const events = () => linkEvents(staff, link);
    const preview = await open(`${url}?preview=1`);
    await preview.page.getByText('Staff preview').waitFor();
    await preview.page
      .locator('pay-portal')
      .getByText(/View recent charges/i)
      .waitFor();
    // The element reports the view right after it renders: give it the time it would take.
    await preview.page.waitForTimeout(1_000);
    expect(await events()).toEqual(['created']);

    const customer = await open(url);
    await customer.page
      .locator('pay-portal')
      .getByText(/View recent charges/i)
      .waitFor();
    expect(
      await eventually(async () => (await events()).includes('viewed') && (await events())),
    ).toEqual(['created', 'viewed']);
    await preview.page.close();
    await customer.page.close();
  });
});
