/**
 * The staff page's "Overdue" filter on the business's calendar (settings.time_zone), in Chromium
 * (issue 15): an invoice due today in Pago Pago (UTC−11) is not overdue for a business there, and
 * the same due date is overdue for a business in Kiritimati (UTC+14), whose today is always a day
 * or two later. Reckoned in UTC, as it was, both lists would agree.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/calendar.ts';
import { createCustomer, createInvoice } from '../support/fixtures.ts';
import { DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';
import { signInStaff } from './support/staff-page.ts';

describe('"Overdue" on the staff page, on the business clock', { timeout: 90_000 }, () => {
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [timeZone, overdue, viewport] of [
    ['Pacific/Pago_Pago', false, PHONE],
    ['Pacific/Kiritimati', true, DESKTOP],
  ] as const) {
    it(`${timeZone}: due today in Pago Pago is ${overdue ? '' : 'not '}overdue (${viewport.width}px)`, async () => {
      const staff = await server.business(`Pools of ${timeZone}`);
      await staff.patch('/v1/settings', { time_zone: timeZone });
      const dana = await createCustomer(staff, { name: 'Dana Diaz' });
      await createInvoice(staff, dana.id, {
        unit_amount: 5_000,
        due_date: todayIn('Pacific/Pago_Pago'),
      });
      const page = await signInStaff(browser, server, staff, viewport);
      await page
        .getByRole('list', { name: 'Customers' })
        .getByRole('button', { name: /Dana Diaz/ })
        .click();
      const invoices = page.locator('demo-invoices');
      await invoices.getByRole('row', { name: /INV-0001/ }).waitFor();
      await invoices.getByLabel('Show').selectOption('overdue');
      if (overdue) {
        await invoices.getByRole('row', { name: /INV-0001/ }).waitFor();
      } else {
        await invoices.getByText('No overdue invoices.').waitFor();
        expect(await invoices.getByRole('row', { name: /INV-0001/ }).count()).toBe(0);
      }
      await page.context().close();
    });
  }
});
