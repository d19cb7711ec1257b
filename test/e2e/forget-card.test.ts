/**
 * Forgetting a saved card from the staff page (issue 15): the customer's cards are listed, and
 * forgetting one asks first, naming the card and what follows; Cancel keeps it. At a desktop's
 * and a phone's width, axe clean.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createInvoice, createPaymentLink, DANA } from '../support/fixtures.ts';
import { openPortal } from '../support/portal-client.ts';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';
import { errorsIn, signInStaff } from './support/staff-page.ts';

describe('forgetting a saved card on the staff page', { timeout: 90_000 }, () => {
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
    it(`names the card and its consequence before forgetting it, at ${viewport.width}px`, async () => {
      const staff = await server.business(`Card Pools ${viewport.width}`);
      const dana = await createCustomer(staff, DANA);
      const invoice = await createInvoice(staff, dana.id, { unit_amount: 5_000 });
      const link = await createPaymentLink(staff, { customer: dana.id });
      const portal = openPortal(server, link);
      const paid = await portal.pay({
        invoices: [{ id: invoice.id, amount: 5_000 }],
        method: 'card',
        save_payment_method: true,
      });
      expect(paid.body.status).toBe('succeeded');

      const page = await signInStaff(browser, server, staff, viewport);
      const messages = consoleOf(page);
      await page
        .getByRole('button', { name: /Dana Diaz/ })
        .first()
        .click();
      const section = page.locator('demo-saved-cards');
      await section.getByText('Visa •••• 4242').waitFor();
      await section.getByText('expires 12/2034').waitFor();

      await section.getByRole('button', { name: 'Forget Visa •••• 4242' }).click();
      await section.getByRole('dialog', { name: 'Forget Visa •••• 4242?' }).waitFor();
      const dialog = section.locator('demo-confirm-dialog#forget-dialog');
      await dialog.getByText('no longer offered in the portal').waitFor();
      await dialog.getByText('Payments already made with it').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await section.getByRole('dialog').waitFor({ state: 'hidden' });
      expect((await staff.get(`/v1/customers/${dana.id}/payment_methods`)).body.data).toHaveLength(
        1,
      );

      await section.getByRole('button', { name: 'Forget Visa •••• 4242' }).click();
      await dialog.getByRole('button', { name: 'Forget card' }).click();
      await section.getByText('Visa •••• 4242 is forgotten.').waitFor();
      await section.getByText('No saved cards.').waitFor();
      expect((await portal.get()).body.saved_payment_methods).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(errorsIn(messages)).toEqual([]);
      await page.context().close();
    });
  }
});
