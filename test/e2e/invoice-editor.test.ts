/**
 * The invoice editor on the staff page (issue 15), at a desktop's and a phone's width: lines with
 * quantities, prices and tax, mistakes said in words beside their field, a draft saved (nothing
 * owed), edited with a discount, issued (owed), and duplicated into a new draft. axe clean with the editor open.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceOf, createCustomer, DANA } from '../support/fixtures.ts';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';
import { errorsIn, signInStaff } from './support/staff-page.ts';

describe('the invoice editor', { timeout: 90_000 }, () => {
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const fillLine = async (page: Page, number: number, values: string[]) => {
    const line = page.getByRole('group', { name: `Line ${number}` });
    const labels = ['Description', 'Quantity', 'Unit price', 'Tax %'];
    for (const [index, value] of values.entries()) {
      await line.getByLabel(labels[index]!).fill(value);
    }
    return line;
  };

  for (const viewport of [DESKTOP, PHONE]) {
    it(`writes, saves, edits, issues and duplicates an invoice, at ${viewport.width}px`, async () => {
      const staff = await server.business(`Editor Pools ${viewport.width}`);
      const dana = await createCustomer(staff, DANA);
      const page = await signInStaff(browser, server, staff, viewport);
      const messages = consoleOf(page);
      await page
        .getByRole('button', { name: /Dana Diaz/ })
        .first()
        .click();
      await page.getByRole('button', { name: 'New invoice', exact: true }).click();
      const editor = page.locator('demo-invoice-editor');
      await editor.getByRole('heading', { name: 'New invoice' }).waitFor();

      // Mistakes are said beside their field, and nothing is sent.
      await fillLine(page, 1, ['', '0', '12.5.0', '120']);
      await editor.getByRole('button', { name: 'Save draft' }).click();
      const line1 = editor.getByRole('group', { name: 'Line 1' });
      await line1.getByText('Say what this line is for.').waitFor();
      await line1.getByText('A whole number from 1.').waitFor();
      await line1.getByText('Type a price, such as 85.00.').waitFor();
      await line1.getByText('A percentage from 0 to 100, such as 8.25.').waitFor();
      expect(await line1.getByLabel('Unit price').getAttribute('aria-describedby')).toBe(
        'error-lines-0-price',
      );
      expect(await axeViolations(page)).toEqual([]);
      expect((await staff.get(`/v1/invoices?customer=${dana.id}`)).body.data).toEqual([]);

      // Two lines; the figures follow as they are typed.
      await fillLine(page, 1, ['Weekly pool service', '4', '85', '']);
      await editor.getByRole('button', { name: 'Add line' }).click();
      await fillLine(page, 2, ['Filter cartridge', '2', '45.00', '8.25']);
      await editor.getByTestId('editor-total').getByText('$437.43').waitFor();
      // The editor fits the width: nothing pushes the page sideways on a phone.
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(viewport.width);
      await editor.getByLabel('Notes (printed on the invoice)').fill('Gate code 4411.');
      await editor.getByLabel('Due date').fill('2026-12-31');
      await editor.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText(/^INV-0001 saved as a draft \(\$437\.43\)/).waitFor();
      expect(await balanceOf(staff, dana.id)).toBe(0);

      // Edit the draft: a line removed, then issue it.
      const row = page.getByRole('row', { name: /INV-0001/ });
      await row.getByRole('button', { name: 'Edit INV-0001' }).click();
      await editor.getByRole('heading', { name: 'Edit INV-0001 (draft)' }).waitFor();
      expect(await editor.getByLabel('Notes (printed on the invoice)').inputValue()).toBe(
        'Gate code 4411.',
      );
      await editor.getByRole('button', { name: 'Remove line 2' }).click();
      await editor.getByTestId('editor-total').getByText('$340.00').waitFor();
      // A discount (issue 11), before tax: a mistaken percent is said beside it, then 10 % off.
      await editor.getByLabel('Kind').selectOption('percent');
      await editor.getByLabel('Percent off').fill('150');
      await editor.getByRole('button', { name: 'Issue invoice' }).click();
      await editor.getByText('A percentage from 0.01 to 100, such as 10.').waitFor();
      await editor.getByLabel('Percent off').fill('10');
      await editor.getByLabel('Description (optional)').fill('Spring offer');
      await editor.getByTestId('editor-discount').getByText('-$34.00').waitFor();
      await editor.getByTestId('editor-total').getByText('$306.00').waitFor();
      await editor.getByRole('button', { name: 'Issue invoice' }).click();
      await page.getByText('INV-0001 issued: $306.00 added to the balance.').waitFor();
      await page.getByTestId('balance').getByText('$306.00').waitFor();
      const issued = (await staff.get(`/v1/invoices?customer=${dana.id}`)).body.data[0];
      expect(issued).toMatchObject({
        status: 'open',
        subtotal: 34_000,
        discount: { type: 'percent', rate: 1_000, amount: 3_400, description: 'Spring offer' },
        total: 30_600,
        notes: 'Gate code 4411.',
        due_date: '2026-12-31',
      });
      expect(issued.lines).toHaveLength(1);

      // Duplicate: a new draft with the same lines, discount and notes, no due date.
      await row.getByRole('button', { name: 'Duplicate INV-0001' }).click();
      await editor.getByRole('heading', { name: 'New invoice (a copy of INV-0001)' }).waitFor();
      expect(await editor.getByLabel('Due date').inputValue()).toBe('');
      await editor.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText(/^INV-0002 saved as a draft \(\$306\.00\)/).waitFor();
      const copy = (await staff.get(`/v1/invoices?customer=${dana.id}`)).body.data[0];
      expect(copy).toMatchObject({
        number: 'INV-0002',
        status: 'draft',
        total: 30_600,
        discount: { amount: 3_400 },
      });
      expect(await balanceOf(staff, dana.id)).toBe(30_600);
      expect(errorsIn(messages)).toEqual([]);
      await page.context().close();
    });
  }
});
