/**
 * Finding things on the staff page (issue 15), at a desktop's and a phone's width, axe clean:
 * customers by name, email, phone or invoice number; a customer's invoices by status (overdue
 * included); and a list that stays true: a payment made elsewhere shows up with "Last updated".
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createInvoice, createPaymentLink } from '../support/fixtures.ts';
import { openPortal } from '../support/portal-client.ts';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';
import { errorsIn, signInStaff } from './support/staff-page.ts';

describe('search, filters and a list that stays true', { timeout: 90_000 }, () => {
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
    it(`finds customers and invoices, and refreshes balances, at ${viewport.width}px`, async () => {
      const staff = await server.business(`Search Pools ${viewport.width}`);
      const dana = await createCustomer(staff, { name: 'Dana Diaz', email: 'dana@example.com' });
      const eli = await createCustomer(staff, { name: 'Eli Park', phone: '+1 555 010 2000' });
      await createInvoice(staff, dana.id, { unit_amount: 5_000, due_date: '2020-01-31' });
      const current = await createInvoice(staff, dana.id, {
        unit_amount: 7_000,
        due_date: '2099-01-31',
      });
      await createInvoice(staff, eli.id, 3_000);

      const page = await signInStaff(browser, server, staff, viewport);
      const messages = consoleOf(page);
      const list = page.getByRole('list', { name: 'Customers' });
      const search = page.getByLabel('Search customers');
      await search.fill('010 2000');
      await list.getByText('Eli Park').waitFor();
      await list.getByText('Dana Diaz').waitFor({ state: 'detached' });
      await search.fill('INV-0002');
      await list.getByText('Dana Diaz').waitFor();
      await list.getByText('Eli Park').waitFor({ state: 'detached' });
      await search.fill('nobody');
      await page.getByText('No customer matches “nobody”.').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await search.fill('');
      await list.getByText('Eli Park').waitFor();

      // Invoices by status: overdue is open past its due date.
      await list.getByRole('button', { name: /Dana Diaz/ }).click();
      const invoices = page.locator('demo-invoices');
      await invoices.getByRole('row', { name: /INV-0001/ }).waitFor();
      await invoices.getByLabel('Show').selectOption('overdue');
      await invoices.getByRole('row', { name: /INV-0001/ }).waitFor();
      expect(await invoices.getByRole('row', { name: /INV-0002/ }).count()).toBe(0);
      await invoices.getByLabel('Show').selectOption('paid');
      await invoices.getByText('No paid invoices.').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // A payment made in the portal shows in the list without a reload.
      const before = await page.locator('p.updated time').getAttribute('datetime');
      const link = await createPaymentLink(staff, { invoice: current.id });
      await openPortal(server, link).pay({
        invoices: [{ id: current.id, amount: 7_000 }],
        method: 'card',
      });
      await list
        .getByRole('button', { name: /Dana Diaz/ })
        .getByText('$50.00')
        .waitFor({
          timeout: 20_000,
        });
      expect(await page.locator('p.updated time').getAttribute('datetime')).not.toBe(before);
      expect(await page.getByTestId('detail-updated').textContent()).toMatch(/Last updated\s+\S/);
      await invoices.getByRole('row', { name: /INV-0002/ }).waitFor({ timeout: 10_000 });
      expect(errorsIn(messages)).toEqual([]);
      await page.context().close();
    });
  }
});
