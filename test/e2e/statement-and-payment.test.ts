/**
 * What staff read about money (issue 15), at a desktop's and a phone's width, axe clean: the
 * account statement (charges, credits and payments newest first with the running balance and the
 * invoice they belong to), and a payment's details (what it paid, tip, fee, method, link, refunds
 * with their reasons, the receipt).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chargeCustomer,
  createCustomer,
  createInvoice,
  createPaymentLink,
  creditCustomer,
  DANA,
} from '../support/fixtures.ts';
import { openPortal } from '../support/portal-client.ts';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';
import { errorsIn, signInStaff } from './support/staff-page.ts';

describe('the account statement and a payment’s details', { timeout: 90_000 }, () => {
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
    it(`shows the running balance and a payment in full, at ${viewport.width}px`, async () => {
      const staff = await server.business(`Statement Pools ${viewport.width}`, {
        convenience_fees: { card: { percent_bps: 300, fixed: 0 } },
      });
      const dana = await createCustomer(staff, DANA);
      await chargeCustomer(staff, dana.id, {
        amount: 8_500,
        tax: 700,
        description: 'Pool service',
      });
      const invoice = await createInvoice(staff, dana.id, {
        unit_amount: 42_000,
        description: 'Pump motor',
      });
      await creditCustomer(staff, dana.id, 2_000);
      const link = await createPaymentLink(staff, { customer: dana.id });
      // The credit goes against the charge, not the invoice: $420.00, 20 % tip $84.00,
      // 3 % fee $15.12: $519.12.
      const paid = await openPortal(server, link).pay({
        invoices: [{ id: invoice.id, amount: 42_000 }],
        tip: { percent: 20 },
        method: 'card',
      });
      expect(paid.body.amount).toBe(51_912);
      await staff.post(`/v1/payments/${paid.body.id}/refunds`, {
        amount: 5_000,
        reason: 'Motor was on sale',
      });

      const page = await signInStaff(browser, server, staff, viewport);
      const messages = consoleOf(page);
      await page
        .getByRole('button', { name: /Dana Diaz/ })
        .first()
        .click();
      const statement = page.locator('demo-account-statement');
      await statement.getByRole('button', { name: 'Show statement' }).click();
      const rows = statement.getByRole('row');
      await statement
        .getByText('Motor was on sale')
        .or(statement.getByText('Refund of payment'))
        .first()
        .waitFor();
      // Newest first: the refund is on top, the balance after it is what the customer owes now.
      const top = rows.nth(1);
      await top.getByText('Refund', { exact: true }).waitFor();
      await top.getByText('$122.00').waitFor();
      const oldest = rows.last();
      await oldest.getByText('Pool service').waitFor();
      await oldest.getByText('$7.00').waitFor();
      expect(await oldest.getByRole('cell').nth(3).textContent()).toBe('$92.00');
      await statement
        .getByRole('row', { name: /Pump motor/ })
        .getByText('INV-0001')
        .waitFor();
      await statement
        .getByRole('row', { name: /Payment/ })
        .first()
        .getByText('Customer')
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(viewport.width);

      await page.getByRole('button', { name: 'Payments' }).click();
      await page.getByRole('button', { name: /^Details of R-/ }).click();
      const details = page.getByRole('dialog', { name: /^R-\d+, Dana Diaz/ });
      await details.waitFor();
      const amounts = details.getByRole('definition');
      await details.getByText('Invoice INV-0001').waitFor();
      expect(await amounts.allTextContents()).toEqual(
        expect.arrayContaining(['$420.00', '$84.00', '$15.12', '$519.12', '-$50.00']),
      );
      await details.getByText('Visa •••• 4242').waitFor();
      await details.getByText(`Payment link ${link.id}`).waitFor();
      await details.getByText(/\$50\.00 on .*succeeded · “Motor was on sale”/).waitFor();
      await details.getByRole('button', { name: 'Receipt PDF' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await details.getByRole('button', { name: 'Close' }).click();
      await details.waitFor({ state: 'hidden' });
      expect(errorsIn(messages)).toEqual([]);
      await page.context().close();
    });
  }
});
