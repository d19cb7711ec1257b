/**
 * The element's lazy views on the hosted page, built for real (issue 13): the account's view
 * comes as a file of its own, fetched as the page preloads it, before anything asks for it; when
 * it cannot load the customer reads "Try again", which brings the account; the history and the
 * confirmation come when shown.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { customerIn, type PayServer, type Staff, startPayServer } from './support/pay-server.ts';

describe('lazy views of the hosted page in Chromium', { timeout: 60_000 }, () => {
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

  /** The element's files the page fetched, by part name, in order. */
  const partsFetched = (page: Page) => {
    const parts: string[] = [];
    page.on('request', (request) => {
      const name = /\/widget\/([\w-]+)\.[\w-]{8}\.mjs$/.exec(request.url())?.[1];
      if (name) parts.push(name);
    });
    return parts;
  };

  for (const viewport of [PHONE, DESKTOP]) {
    it(`draws the account from its preloaded view at ${viewport.width}px`, async () => {
      const { url } = await customerIn(staff, 'outstanding');
      const page = await browser.newPage({ viewport });
      const parts = partsFetched(page);
      await page.goto(url);
      const portal = page.locator('pay-portal');
      await portal.getByRole('button', { name: /^Pay \$/ }).waitFor();
      expect(parts).toEqual(
        expect.arrayContaining(['account-view', 'sandbox-form', 'confirmation-view']),
      );
      expect(parts).not.toContain('history-view');
      // The history is drawn once its part has come: the list of payments (none yet).
      await portal.getByRole('button', { name: 'Payment history' }).click();
      await portal.getByRole('heading', { name: 'Payment history' }).waitFor();
      await portal.getByText('No payments yet.').waitFor();
      expect(parts).toContain('history-view');
      await page.close();
    });
  }

  it('says "Try again" when the account\'s view cannot load, and shows the account after', async () => {
    const { url } = await customerIn(staff, 'outstanding');
    const page = await browser.newPage({ viewport: PHONE });
    let refuse = true;
    await page.route(/\/widget\/account-view\.[\w-]{8}\.mjs$/, (route) =>
      refuse ? route.abort('connectionfailed') : route.continue(),
    );
    await page.goto(url);
    const portal = page.locator('pay-portal');
    await portal.getByText("We couldn't load your account").waitFor();
    await expect(portal.getByRole('button', { name: /^Pay \$/ }).count()).resolves.toBe(0);
    // The business's header is there: the customer knows whose page it is.
    await portal.getByText('Blue Lagoon Pools').first().waitFor();
    refuse = false;
    await portal.getByRole('button', { name: 'Try again' }).click();
    await portal.getByRole('button', { name: /^Pay \$/ }).waitFor();
    await portal.getByText('Choose what to pay').waitFor();
    await page.close();
  });
});
