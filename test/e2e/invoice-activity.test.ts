/**
 * An invoice's activity on the staff page (issue 11), in Chromium against the real server: staff
 * open "Activity" on an invoice and read what happened to it, with times: created, viewed, the
 * payment (amount, method, receipt), the customer's question, the refund. At 375 and 1280 px,
 * axe-clean, screenshots; on a phone the invoices do not scroll sideways: each invoice's figures,
 * its actions (44 px tall to tap) and its activity lines are all on the screen.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createInvoice, createPaymentLink, DANA } from '../support/fixtures.ts';
import { openPortal } from '../support/portal-client.ts';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { offScreen, pageScrollsSideways, sidewaysScrollers } from './support/layout.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';

describe('invoice activity on the staff page', { timeout: 90_000 }, () => {
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
    it(`shows what happened to an invoice at ${viewport.width}px`, async () => {
      const staff = await server.business(`Activity Pools ${viewport.width}`);
      const dana = await createCustomer(staff, DANA);
      const invoice = await createInvoice(staff, dana.id, {
        unit_amount: 20_000,
        description: 'Pump motor replacement',
      });
      const link = await createPaymentLink(staff, { invoice: invoice.id });
      const portal = openPortal(server, link);
      await server.request(`/v1/portal/${link.token}/views`, { method: 'POST' });
      const asked = await server.request(
        `/v1/portal/${link.token}/invoices/${invoice.id}/questions`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ message: 'Does this include the new seal?' }),
        },
      );
      expect(asked.status).toBe(200);
      const paid = await portal.pay({
        invoices: [{ id: invoice.id, amount: 20_000 }],
        method: 'card',
      });
      expect(paid.body.status).toBe('succeeded');
      expect(
        (await staff.post(`/v1/payments/${paid.body.id}/refunds`, { amount: 5_000 })).status,
      ).toBe(200);

      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      const messages = consoleOf(page);
      await page.goto(`${server.url}/demo`);
      await page.getByLabel('API key').fill(staff.apiKey);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByRole('button', { name: /Dana Diaz/ })
        .first()
        .click();
      await page.getByRole('button', { name: 'Activity of INV-0001' }).click();
      const activity = page.getByRole('region', { name: 'Activity of INV-0001' });
      await activity.getByText('Created').waitFor();
      const items = (await activity.locator('li span').allTextContents()).map((text) =>
        text.trim(),
      );
      expect(items).toEqual([
        'Created',
        'Viewed by the customer',
        'Question: “Does this include the new seal?”',
        'Payment of $200.00 by card, receipt R-000001',
        'Refund of $50.00 (receipt R-000001)',
      ]);
      expect(await activity.locator('time').count()).toBe(5);
      expect(
        await page
          .getByRole('button', { name: 'Activity of INV-0001' })
          .getAttribute('aria-expanded'),
      ).toBe('true');

      const invoices = page.locator('demo-invoices');
      const row = invoices.getByRole('row', { name: /^INV-0001 / });
      // Still a table to a screen reader, cards or not.
      expect(await invoices.getByRole('table').getByRole('columnheader').count()).toBe(6);
      expect(await sidewaysScrollers(invoices)).toEqual([]);
      expect(await pageScrollsSideways(page)).toBe(false);
      // Number, status, total, amount due, due date, and the actions: all on the screen.
      expect(await row.getByRole('cell').allInnerTexts()).toHaveLength(6);
      expect(await offScreen(page, row.getByRole('cell'))).toEqual([]);
      expect(await offScreen(page, activity.locator('li'))).toEqual([]);
      const actions = row.getByRole('button');
      expect((await actions.allInnerTexts()).map((text) => text.trim()).sort()).toEqual([
        'Activity',
        'Duplicate',
        'Invoice link',
        'PDF',
      ]);
      expect(await offScreen(page, actions)).toEqual([]);
      if (viewport === PHONE) {
        for (const action of await actions.all()) {
          expect((await action.boundingBox())?.height).toBeGreaterThanOrEqual(44);
        }
      }
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('demo-invoices').screenshot({
        path: `docs/screenshots/invoice-activity-${viewport.width}.png`,
      });
      expect(messages.filter((m) => /^(error|pageerror)/.test(m))).toEqual([]);
      await context.close();
    });
  }
});
