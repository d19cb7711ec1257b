/**
 * The staff page's settings for issue 11, in Chromium against the real server: a brand colour
 * text cannot use as it is (#facc15) is saved with a warning that names the readable shade the
 * portal uses, and the receipt layout (full page or 80 mm thermal) is chosen there.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createPaymentLink } from '../support/fixtures.ts';
import { DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';

describe('brand colour warning and receipt layout on the staff page', { timeout: 60_000 }, () => {
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
    it(`warns of a light yellow and saves a thermal layout at ${viewport.width}px`, async () => {
      const staff = await server.business(`Yellow Pools ${viewport.width}`);
      const customer = await createCustomer(staff);
      await createPaymentLink(staff, { customer: customer.id });
      const page = await browser.newPage({ viewport });
      await page.goto(`${server.url}/demo`);
      await page.getByLabel('API key').fill(staff.apiKey);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Brand colour').fill('#facc15');
      await page.getByLabel('Layout').selectOption('thermal');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText(/^Saved\./).waitFor();
      const warning = page.locator('#brand-color-warning');
      await warning.waitFor();
      expect(await warning.textContent()).toMatch(
        /^#facc15 cannot be used for text as it is: .* links and text use #[0-9a-f]{6}, a darker shade\.$/,
      );
      const { body: settings } = await staff.get('/v1/settings');
      expect(settings.branding.brand_color).toBe('#facc15');
      expect(settings.receipt_layout).toBe('thermal');
      await page
        .locator('fieldset')
        .first()
        .screenshot({
          path: `docs/screenshots/settings-brand-warning-${viewport.width}.png`,
        });
      await page.close();
    });
  }
});
