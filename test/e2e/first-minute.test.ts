/**
 * The first minute in Chromium (issue 15): `/` tells a newcomer where to go, at a phone's width
 * and a desktop's, passes axe, and leads to `/docs`, where Redoc (served from this origin, under
 * a closed CSP) renders the OpenAPI document and its search finds an operation.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';

describe('the first minute', { timeout: 60_000 }, () => {
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer({ seedDemo: true }), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of [PHONE, DESKTOP]) {
    it(`home page at ${viewport.width}px: what this is, the staff page, then the API reference`, async () => {
      const page = await browser.newPage({ viewport });
      const messages = consoleOf(page);
      await page.goto(`${server.url}/`);
      await expect(page.title()).resolves.toBe('Pay Portal');
      await page.getByText('unguessable payment link').waitFor();
      const staff = page.getByRole('link', { name: 'Open the staff page' });
      expect(await staff.getAttribute('href')).toBe('/demo');
      // Nothing runs off the side of a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );

      await page.getByRole('link', { name: 'Read the API reference' }).click();
      await page.waitForURL(`${server.url}/docs`);
      await page.getByRole('heading', { name: /Pay Portal API/ }).waitFor({ timeout: 20_000 });
      if (viewport === DESKTOP) {
        await page.getByPlaceholder('Search...').fill('refund');
        const results = page.locator('[data-role="search:results"]');
        const refund = results.getByRole('menuitem', {
          name: 'Refund a payment, in full or in part',
        });
        await refund.waitFor();
        await expect(
          results.getByRole('menuitem', { name: 'Create a customer' }).count(),
        ).resolves.toBe(0);
        await refund.click();
        await page.waitForURL(/#tag\/Payments\/paths\/~1v1~1payments~1%7Bid%7D~1refunds\/post$/);
      }
      // The renderer ran under its policy: nothing refused, nothing fetched from elsewhere.
      expect(messages.filter((message) => /error|Content Security Policy/.test(message))).toEqual(
        [],
      );
      await page.close();
    });
  }

  it('home page lists the demo links: the estimate shows its deposit, the invoice the sum of its lines', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}/`);
    const labels = await page.locator('section[aria-labelledby="portal"] li a').allTextContents();
    expect(labels).toEqual(server.demo!.links.map((link) => link.label));

    await page.getByRole('link', { name: 'Estimate with deposit (estimate link)' }).click();
    const portal = page.locator('pay-portal');
    await portal.getByText('Pool resurfacing (plaster)').first().waitFor();
    await portal.getByText('Deposit due on approval').waitFor();

    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'One invoice (invoice link)' }).click();
    // Four lines: $420 + 2 × $24.50 + $69 at 7 % tax, and two hours of labour untaxed; $25 off
    // before tax, spread over the lines ($14.42, $1.68, $2.37, $6.53): $728 − $25 + $36.36.
    // The invoice view's heading (the picker's row names the invoice too).
    await portal.getByRole('heading', { name: 'Invoice INV-0001' }).waitFor();
    await portal.getByText('$739.36').first().waitFor();
    await portal.getByText('Discount (Returning customer)').waitFor();
    await page.close();
  });

  it('home page passes axe', async () => {
    const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('the API reference asks nothing of another origin', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) {
        elsewhere.push(request.url());
      }
    });
    await page.goto(`${server.url}/docs`);
    await page.getByRole('heading', { name: /Pay Portal API/ }).waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    expect(elsewhere.filter((url) => !url.startsWith('blob:'))).toEqual([]);
    await page.close();
  });
});
