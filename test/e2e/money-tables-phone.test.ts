/**
 * The staff page's other money tables on a phone, in Chromium against the real server: the
 * payments, a customer's account statement and an estimate's lines. At 375 px none of them
 * scrolls sideways: every row's figures are on the screen, each named beside it (a card per row),
 * and the actions are 44 px tall to tap; at 1280 px they are plain tables. The payments' eleven
 * columns are cards on a 768 px tablet too. For a screen reader they stay tables at every width.
 * Axe-clean; screenshots of each at 375 and 1280 px (docs/screenshots/payments-, statement-entries-
 * and estimate-lines-<width>.png).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chargeCustomer,
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
  creditCustomer,
  DANA,
} from '../support/fixtures.ts';
import { openPortal } from '../support/portal-client.ts';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import {
  offScreen,
  pageScrollsSideways,
  shownLabels,
  sidewaysScrollers,
} from './support/layout.ts';
import { type PayServer, type Staff, startPayServer } from './support/pay-server.ts';
import { errorsIn, signInStaff } from './support/staff-page.ts';

describe('money tables at a phone’s and a desktop’s width', { timeout: 90_000 }, () => {
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Dana with a charge, an invoice paid by card with a 20 % tip and a refund with a reason. */
  async function danaPaid(staff: Staff): Promise<string> {
    const dana = await createCustomer(staff, DANA);
    await chargeCustomer(staff, dana.id, { amount: 8_500, tax: 700, description: 'Pool service' });
    const invoice = await createInvoice(staff, dana.id, {
      unit_amount: 42_000,
      description: 'Pump motor',
    });
    await creditCustomer(staff, dana.id, 2_000);
    const link = await createPaymentLink(staff, { customer: dana.id });
    const paid = await openPortal(server, link).pay({
      invoices: [{ id: invoice.id, amount: 42_000 }],
      tip: { percent: 20 },
      method: 'card',
    });
    expect(paid.body.status).toBe('succeeded');
    const refunded = await staff.post(`/v1/payments/${paid.body.id}/refunds`, {
      amount: 5_000,
      reason: 'Motor was on sale',
    });
    expect(refunded.status).toBe(200);
    return dana.id;
  }

  /** What a phone user notices in `part`: it scrolls, or a row's cell or button is cut off. */
  async function expectReadable(page: Page, part: Locator, rows: Locator, buttons?: Locator) {
    expect(await sidewaysScrollers(part)).toEqual([]);
    expect(await pageScrollsSideways(page)).toBe(false);
    for (const row of await rows.all()) {
      expect(await offScreen(page, row.getByRole('cell'))).toEqual([]);
    }
    if (!buttons) return;
    expect(await offScreen(page, buttons)).toEqual([]);
    if (page.viewportSize()?.width === PHONE.width) {
      for (const button of await buttons.all()) {
        expect((await button.boundingBox())?.height).toBeGreaterThanOrEqual(44);
      }
    }
  }

  it('shows each payment whole on a tablet, 768px wide', async () => {
    const staff = await server.business('Payments Pools 768');
    await danaPaid(staff);
    const page = await signInStaff(browser, server, staff, { width: 768, height: 1024 });
    await page.getByRole('button', { name: 'Payments' }).click();
    const payments = page.locator('demo-payments');
    const rows = payments.getByRole('row', { name: /R-000001/ });
    await rows.waitFor();
    // Eleven columns need more than a tablet's width: a card here too, and the page stays put.
    await expectReadable(page, payments, rows, rows.getByRole('button'));
    await page.context().close();
  });

  for (const viewport of [PHONE, DESKTOP]) {
    const phone = viewport === PHONE;

    it(`shows each payment whole at ${viewport.width}px`, async () => {
      const staff = await server.business(`Payments Pools ${viewport.width}`, {
        convenience_fees: { card: { percent_bps: 300, fixed: 0 } },
      });
      await danaPaid(staff);
      const page = await signInStaff(browser, server, staff, viewport);
      const messages = consoleOf(page);
      await page.getByRole('button', { name: 'Payments' }).click();
      const payments = page.locator('demo-payments');
      const row = payments.getByRole('row', { name: /R-000001/ });
      await row.waitFor();

      // Still a table to a screen reader, cards or not.
      const table = payments.getByRole('table');
      expect(await table.getByRole('columnheader').count()).toBe(11);
      const cells = row.getByRole('cell');
      expect((await cells.allInnerTexts()).map((text) => text.trim())).toEqual([
        expect.any(String),
        'Dana Diaz',
        'R-000001',
        'visa •••• 4242 test',
        '$420.00',
        '$84.00',
        '$15.12',
        '$519.12',
        'succeeded',
        '$50.00\nMotor was on sale',
        'Details\nRefund',
      ]);
      // On a phone each figure says what it is; on a desktop the column header does.
      expect(await shownLabels(cells)).toEqual(
        phone ? ['Receipt', 'Method', 'Paid', 'Tip', 'Fee', 'Refunded'] : [],
      );
      const actions = row.getByRole('button');
      expect(await actions.allInnerTexts()).toEqual(['Details', 'Refund']);
      await expectReadable(page, payments, table.getByRole('row'), actions);
      expect(await axeViolations(page)).toEqual([]);
      await payments.screenshot({ path: `docs/screenshots/payments-${viewport.width}.png` });

      // The actions still work from the card.
      await row.getByRole('button', { name: 'Details of R-000001' }).click();
      const details = page.getByRole('dialog', { name: /^R-000001, Dana Diaz/ });
      await details.getByText('$519.12').waitFor();
      await details.getByRole('button', { name: 'Close' }).click();
      await details.waitFor({ state: 'hidden' });
      expect(errorsIn(messages)).toEqual([]);
      await page.context().close();
    });

    it(`shows each statement entry whole at ${viewport.width}px`, async () => {
      const staff = await server.business(`Statement Pools ${viewport.width}`, {
        convenience_fees: { card: { percent_bps: 300, fixed: 0 } },
      });
      await danaPaid(staff);
      const page = await signInStaff(browser, server, staff, viewport);
      const messages = consoleOf(page);
      await page
        .getByRole('button', { name: /Dana Diaz/ })
        .first()
        .click();
      const statement = page.locator('demo-account-statement');
      await statement.getByRole('button', { name: 'Show statement' }).click();
      await statement
        .getByText('Motor was on sale')
        .or(statement.getByText('Refund of'))
        .first()
        .waitFor();

      const table = statement.getByRole('table');
      expect(await table.getByRole('columnheader').count()).toBe(7);
      const rows = table.getByRole('row');
      const oldest = rows.last();
      const cells = oldest.getByRole('cell');
      expect((await cells.allInnerTexts()).map((text) => text.trim())).toEqual([
        expect.any(String),
        'Charge\nPool service',
        '+$92.00',
        '$92.00',
        '$7.00',
        '—',
        'Added by staff',
      ]);
      expect(await shownLabels(cells)).toEqual(phone ? ['Balance after', 'Tax', 'Invoice'] : []);
      await expectReadable(page, statement, rows, statement.getByRole('button'));
      // A receipt or invoice number in an entry's words is never broken at its hyphen.
      for (const reference of await statement.getByText(/^(R|INV)-\d+$/).all()) {
        expect(await reference.evaluate((element) => element.getClientRects().length)).toBe(1);
      }
      expect(await axeViolations(page)).toEqual([]);
      await statement.screenshot({
        path: `docs/screenshots/statement-entries-${viewport.width}.png`,
      });
      expect(errorsIn(messages)).toEqual([]);
      await page.context().close();
    });

    it(`shows each line of an estimate whole at ${viewport.width}px`, async () => {
      const staff = await server.business(`Estimate Lines Pools ${viewport.width}`);
      const dana = await createCustomer(staff, DANA);
      // Resurfacing at $4,800.00 with 8.25 % tax and twelve tiles at $18.50.
      await createEstimate(staff, dana.id, { deposit_amount: 50_000 });
      const page = await signInStaff(browser, server, staff, viewport);
      const messages = consoleOf(page);
      await page
        .getByRole('button', { name: /Dana Diaz/ })
        .first()
        .click();
      const card = page.locator('demo-estimate-card').filter({ hasText: 'EST-0001' });
      await card.getByText('2 lines').click();

      const table = card.getByRole('table');
      expect(await table.getByRole('columnheader').count()).toBe(5);
      const tiles = table.getByRole('row', { name: /Waterline tiles/ });
      const cells = tiles.getByRole('cell');
      expect((await cells.allInnerTexts()).map((text) => text.trim())).toEqual([
        'Waterline tiles',
        '12',
        '$18.50',
        '0%',
        '$222.00',
      ]);
      expect(await shownLabels(cells)).toEqual(phone ? ['Qty', 'Unit price', 'Tax'] : []);
      const total = table.getByRole('row', { name: /Total/ });
      expect((await total.getByRole('cell').allInnerTexts()).map((text) => text.trim())).toEqual([
        'Total',
        '$5,418.00',
      ]);
      await expectReadable(page, card, table.getByRole('row'), card.getByRole('button'));
      expect(await axeViolations(page)).toEqual([]);
      await card.screenshot({ path: `docs/screenshots/estimate-lines-${viewport.width}.png` });
      expect(errorsIn(messages)).toEqual([]);
      await page.context().close();
    });
  }
});
