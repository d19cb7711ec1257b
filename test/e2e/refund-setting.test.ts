/**
 * The business chooses how a part refund gives back the tip and fee (issue 15): staff change it
 * in Settings, and the refund dialog's figures and the ledger follow it, at a desktop's and a
 * phone's width.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  balanceOf,
  chargeCustomer,
  createCustomer,
  createPaymentLink,
  DANA,
} from '../support/fixtures.ts';
import { openPortal } from '../support/portal-client.ts';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';
import { errorsIn, signInStaff } from './support/staff-page.ts';

describe('refunding the tip and fee in proportion', { timeout: 90_000 }, () => {
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
    it(`is chosen in Settings and shown in the refund dialog's figures, at ${viewport.width}px`, async () => {
      const staff = await server.business(`Share Pools ${viewport.width}`, {
        convenience_fees: { card: { percent_bps: 300, fixed: 0 } },
      });
      const dana = await createCustomer(staff, DANA);
      await chargeCustomer(staff, dana.id, { amount: 8_500, description: 'Weekly pool service' });
      const link = await createPaymentLink(staff, { customer: dana.id });
      // $85.00 + 20 % tip $17.00 = $102.00, + 3 % fee $3.06 = $105.06.
      const paid = await openPortal(server, link).pay({
        balance_amount: 8_500,
        tip: { percent: 20 },
        method: 'card',
      });
      const page = await signInStaff(browser, server, staff, viewport);
      const messages = consoleOf(page);

      await page.getByRole('button', { name: 'Settings' }).click();
      const proportion = page.getByRole('radio', { name: /Give them back in proportion/ });
      expect(await page.getByRole('radio', { name: /Give them back last/ }).isChecked()).toBe(true);
      await proportion.check();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText(/^Saved\./).waitFor();
      expect((await staff.get('/v1/settings')).body.refund_tip_and_fee).toBe('in_proportion');

      await page.getByRole('button', { name: 'Payments' }).click();
      const row = page.getByRole('row', { name: /Dana Diaz/ });
      await row.getByRole('button', { name: 'Refund' }).click();
      const dialog = page.locator('demo-confirm-dialog#refund-dialog');
      await dialog.getByLabel(/Amount to refund/).fill('52.53');
      // Half: $42.50 owed again, $8.50 of the tip and $1.53 of the fee back.
      await dialog.getByText('Their balance goes up by $42.50').waitFor();
      await dialog.getByText('Tip $8.50 and fee $1.53 are given back too').waitFor();
      await dialog.getByText('gives back the tip and fee in proportion to the amount').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Refund' }).click();
      await page.getByText(/^Refunded \$52\.53 of R-/).waitFor();
      expect(await balanceOf(staff, dana.id)).toBe(4_250);
      expect((await staff.get(`/v1/payments/${paid.body.id}`)).body.amount_refunded).toBe(5_253);
      expect(errorsIn(messages)).toEqual([]);
      await page.context().close();
    });
  }
});
