/**
 * The logo upload on the staff page's settings (issue 15), in Chromium against the real server,
 * at a phone's and a desktop's width: the wrong kind of file is said beside the picker and nothing
 * is sent; a PNG is uploaded, shown in settings, kept when the form is saved, and the customer's
 * page shows it from our own origin. axe clean.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signaturePng } from '../estimates/signatures.ts';
import { createCustomer, createPaymentLink, tokenOf } from '../support/fixtures.ts';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';
import { errorsIn, signInStaff } from './support/staff-page.ts';

describe('the logo upload on the staff page', { timeout: 90_000 }, () => {
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of [PHONE, DESKTOP]) {
    it(`uploads a PNG the portal then shows, at ${viewport.width}px`, async () => {
      const staff = await server.business(`Logo Pools ${viewport.width}`);
      const customer = await createCustomer(staff);
      const link = await createPaymentLink(staff, { customer: customer.id });
      const page = await signInStaff(browser, server, staff, viewport);
      const messages = consoleOf(page);
      await page.getByRole('button', { name: 'Settings' }).click();
      const picker = page.getByLabel('Upload a logo (PNG or JPEG, at most 256 KB)');

      await picker.setInputFiles({
        name: 'logo.gif',
        mimeType: 'image/gif',
        buffer: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
      });
      await page.getByText('The logo must be a PNG or JPEG image.').waitFor();
      expect((await staff.get('/v1/settings')).body.branding.logo_url).toBeNull();

      await picker.setInputFiles({
        name: 'logo.png',
        mimeType: 'image/png',
        buffer: signaturePng(120, 120),
      });
      await page.getByText('Logo uploaded.').waitFor();
      const logoUrl: string = (await staff.get('/v1/settings')).body.branding.logo_url;
      expect(logoUrl).toMatch(new RegExp(`^${server.url}/logos/[0-9a-f]{32}\\.png$`));
      const shown = page.getByRole('img', { name: 'The logo now' });
      await expect
        .poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBe(120);
      expect(await axeViolations(page)).toEqual([]);

      // Saving the form sends the address back: kept as it is.
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText(/^Saved\./).waitFor();
      expect((await staff.get('/v1/settings')).body.branding.logo_url).toBe(logoUrl);

      // The customer's page shows it, loaded from this server.
      const portal = await browser.newPage({ viewport });
      await portal.goto(`${server.url}/p/${tokenOf(link.url)}`);
      const logo = portal.locator('pay-portal img.logo');
      await logo.waitFor();
      expect(await logo.getAttribute('src')).toBe(logoUrl);
      await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
      expect(errorsIn(messages)).toEqual([]);
      await portal.close();
      await page.context().close();
    });
  }
});
