/**
 * Every staff view passes axe (issue 15: "axe clean on every staff view"), at a desktop's and a
 * phone's width, with data in it, and none pushes the page sideways: sign-in, customers with one
 * open (invoices, estimates, saved cards, statement, links), settings, payments, outbox.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
  DANA,
} from '../support/fixtures.ts';
import { openPortal } from '../support/portal-client.ts';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';
import { errorsIn, signInStaff } from './support/staff-page.ts';

describe('every staff view with axe', { timeout: 120_000 }, () => {
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const clean = async (page: Page, view: string, width: number) => {
    expect({ view, violations: await axeViolations(page) }).toEqual({ view, violations: [] });
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect({ view, pageWidth }).toEqual({ view, pageWidth: Math.min(pageWidth, width) });
  };

  for (const viewport of [DESKTOP, PHONE]) {
    it(`passes axe on each view at ${viewport.width}px`, async () => {
      const staff = await server.business(`Axe Pools ${viewport.width}`);
      const dana = await createCustomer(staff, DANA);
      const invoice = await createInvoice(staff, dana.id, {
        unit_amount: 12_000,
        due_date: '2020-01-01',
      });
      await createInvoice(staff, dana.id, { unit_amount: 3_000, draft: true });
      await createEstimate(staff, dana.id);
      const link = await createPaymentLink(staff, { customer: dana.id });
      await openPortal(server, link).pay({
        invoices: [{ id: invoice.id, amount: 12_000 }],
        method: 'card',
        save_payment_method: true,
      });

      const context = await browser.newContext({ viewport, bypassCSP: true });
      const signInPage = await context.newPage();
      await signInPage.goto(`${server.url}/demo`);
      await signInPage.getByLabel('API key').waitFor();
      await clean(signInPage, 'sign-in', viewport.width);
      await context.close();

      const page = await signInStaff(browser, server, staff, viewport);
      const messages = consoleOf(page);
      await page
        .getByRole('button', { name: /Dana Diaz/ })
        .first()
        .click();
      await page.locator('demo-saved-cards').getByText('Visa •••• 4242').waitFor();
      await page.getByRole('button', { name: 'Show statement' }).click();
      await page.locator('demo-account-statement').getByRole('row').nth(1).waitFor();
      await clean(page, 'customers', viewport.width);

      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Save settings' }).waitFor();
      await clean(page, 'settings', viewport.width);

      await page.getByRole('button', { name: 'Payments' }).click();
      await page.getByRole('row', { name: /Dana Diaz/ }).waitFor();
      await clean(page, 'payments', viewport.width);
      await page.getByRole('button', { name: /^Details of R-/ }).click();
      await page.getByRole('dialog').getByText('Visa •••• 4242').waitFor();
      await clean(page, 'payment details', viewport.width);
      await page.getByRole('button', { name: 'Close' }).click();

      await page.getByRole('button', { name: 'Outbox' }).click();
      await page.getByRole('heading', { name: 'Outbox' }).waitFor();
      await clean(page, 'outbox', viewport.width);
      expect(errorsIn(messages)).toEqual([]);
      await page.context().close();
    });
  }
});
