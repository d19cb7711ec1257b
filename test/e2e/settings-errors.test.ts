/**
 * Settings complete, with each mistake in words beside its field (issue 15), at a desktop's and a
 * phone's width, axe clean: the browser's own checks and the server's answers both land on the
 * field, nothing is saved until all are right; the fields the form lacked before are saved.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';
import { errorsIn, signInStaff } from './support/staff-page.ts';

describe('settings with errors in words', { timeout: 90_000 }, () => {
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it(`says each mistake beside its field and saves every setting, at ${viewport.width}px`, async () => {
      const staff = await server.business(`Settings Pools ${viewport.width}`);
      const page = await signInStaff(browser, server, staff, viewport);
      const messages = consoleOf(page);
      await page.getByRole('button', { name: 'Settings' }).click();
      const form = page.locator('demo-settings');
      await form.getByLabel('Card fee percent').fill('12');
      await form.getByLabel('Percentages').fill('10, 10');
      await form.getByLabel(/Links expire after/).fill('0');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByText('The card fee can be at most 10 %.').waitFor();
      await form.getByText('One to six whole percentages from 1 to 100').waitFor();
      await form.getByText('Links can live 1 to 3,650 days').waitFor();
      await form.getByText('Nothing was saved: correct the fields marked below.').waitFor();
      expect(await form.getByLabel('Card fee percent').getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);

      // Right in the browser, refused by the server: its answer lands on the field, in words.
      await form.getByLabel('Card fee percent').fill('3');
      await form.getByLabel('Percentages').fill('15, 20');
      await form.getByLabel(/Links expire after/).fill('30');
      await form.getByLabel('Language and region').fill('not a locale!');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByText('A language and region, such as en-US or es-MX.').waitFor();
      expect(await form.getByLabel('Language and region').getAttribute('aria-describedby')).toBe(
        'error-locale',
      );
      expect((await staff.get('/v1/settings')).body.link_expiry_days).toBeNull();

      await form.getByLabel('Language and region').fill('en-CA');
      await form.getByLabel(/Invoice terms/).fill('Due within 15 days.');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByText(/^Saved\./).waitFor();
      expect(await form.getByText('The card fee can be at most 10 %.').count()).toBe(0);
      expect((await staff.get('/v1/settings')).body).toMatchObject({
        locale: 'en-CA',
        link_expiry_days: 30,
        invoice_terms: 'Due within 15 days.',
        tips: { percentages: [15, 20] },
        convenience_fees: { card: { percent_bps: 300, fixed: 0 } },
      });
      // The one refused request is the locale the server turned down; nothing else went wrong.
      expect(errorsIn(messages)).toEqual([
        'error: Failed to load resource: the server responded with a status of 400 (Bad Request)',
      ]);
      await page.context().close();
    });
  }
});
