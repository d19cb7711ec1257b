/**
 * `npm run screenshots:staff`: the staff page's views added for issue 15, at 375px and 1280px,
 * from a real server with the demo built from the working tree, into docs/screenshots/:
 * the invoice editor with a three-line invoice and a 10 % discount (invoice-editor-<width>.png) and a customer's
 * saved cards with the confirmation to forget one (forget-card-<width>.png); the account statement
 * (statement-<width>.png), a payment's details (payment-details-<width>.png) and settings with a
 * mistake said beside its field (settings-errors-<width>.png).
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { DESKTOP, launchChromium, PHONE } from '../test/e2e/support/browser.ts';
import { type Staff, startPayServer } from '../test/e2e/support/pay-server.ts';
import { signInStaff } from '../test/e2e/support/staff-page.ts';
import {
  createCustomer,
  createInvoice,
  createPaymentLink,
  DANA,
} from '../test/support/fixtures.ts';
import { openPortal } from '../test/support/portal-client.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url);
const WIDTHS = [PHONE, DESKTOP];

async function invoiceEditor(browser: Browser, staff: Staff) {
  for (const viewport of WIDTHS) {
    const page = await signInStaff(browser, server, staff, viewport);
    await page
      .getByRole('button', { name: /Dana Diaz/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Edit INV-0001' }).click();
    const editor = page.locator('demo-invoice-editor');
    await editor.getByRole('heading', { name: 'Edit INV-0001 (draft)' }).waitFor();
    await editor.evaluate((element) => element.scrollIntoView());
    await page.waitForTimeout(300);
    // The editor alone, cut from the whole page (an element screenshot may widen a phone's view).
    const box = (await editor.boundingBox())!;
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.screenshot({
      path: new URL(`invoice-editor-${viewport.width}.png`, OUT).pathname,
      fullPage: true,
      clip: { x: 0, y: box.y + scrollY - 8, width: viewport.width, height: box.height + 16 },
    });
    await page.context().close();
  }
}

async function forgetCard(browser: Browser, staff: Staff) {
  for (const viewport of WIDTHS) {
    const page = await signInStaff(browser, server, staff, viewport);
    await page
      .getByRole('button', { name: /Dana Diaz/ })
      .first()
      .click();
    const section = page.locator('demo-saved-cards');
    await section.getByRole('button', { name: 'Forget Visa •••• 4242' }).click();
    await section.getByRole('dialog').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: new URL(`forget-card-${viewport.width}.png`, OUT).pathname });
    await page.context().close();
  }
}

async function statementAndPayment(browser: Browser, staff: Staff) {
  for (const viewport of WIDTHS) {
    const page = await signInStaff(browser, server, staff, viewport);
    await page
      .getByRole('button', { name: /Dana Diaz/ })
      .first()
      .click();
    const statement = page.locator('demo-account-statement');
    await statement.getByRole('button', { name: 'Show statement' }).click();
    await statement.getByRole('row').nth(1).waitFor();
    const box = (await statement.boundingBox())!;
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.screenshot({
      path: new URL(`statement-${viewport.width}.png`, OUT).pathname,
      fullPage: true,
      clip: { x: 0, y: box.y + scrollY - 8, width: viewport.width, height: box.height + 16 },
    });
    await page.getByRole('button', { name: 'Payments' }).click();
    await page.getByRole('button', { name: /^Details of R-/ }).click();
    await page.getByRole('dialog').getByText('Invoice INV-0002').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: new URL(`payment-details-${viewport.width}.png`, OUT).pathname });
    await page.context().close();
  }
}

async function settingsErrors(browser: Browser, staff: Staff) {
  for (const viewport of WIDTHS) {
    const page = await signInStaff(browser, server, staff, viewport);
    await page.getByRole('button', { name: 'Settings' }).click();
    const form = page.locator('demo-settings');
    await form.getByLabel('Card fee percent').fill('12');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('The card fee can be at most 10 %.').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({
      path: new URL(`settings-errors-${viewport.width}.png`, OUT).pathname,
    });
    await page.context().close();
  }
}

const server = await startPayServer();
const browser = await launchChromium();
try {
  mkdirSync(OUT, { recursive: true });
  const staff = await server.business();
  const dana = await createCustomer(staff, DANA);
  await createInvoice(staff, dana.id, {
    draft: true,
    due_date: '2026-12-31',
    notes: 'Gate code 4411. Dog is friendly.',
    discount: { type: 'percent', rate: 1_000, description: 'Spring offer' },
    lines: [
      { description: 'Weekly pool service (December)', quantity: 4, unit_amount: 8_500 },
      { description: 'Filter cartridge', quantity: 2, unit_amount: 4_500, tax_rate: 825 },
      { description: 'Chlorine tablets, 25 lb', quantity: 1, unit_amount: 11_900, tax_rate: 825 },
    ],
  });
  const paid = await createInvoice(staff, dana.id, { unit_amount: 5_000 });
  const link = await createPaymentLink(staff, { customer: dana.id });
  const payment = await openPortal(server, link).pay({
    invoices: [{ id: paid.id, amount: 5_000 }],
    tip: { percent: 20 },
    method: 'card',
    save_payment_method: true,
  });
  await staff.post(`/v1/payments/${payment.body.id}/refunds`, {
    amount: 1_000,
    reason: 'Arrived late',
  });
  await invoiceEditor(browser, staff);
  await forgetCard(browser, staff);
  await statementAndPayment(browser, staff);
  await settingsErrors(browser, staff);
  process.stdout.write(`Screenshots written to ${OUT.pathname}\n`);
} finally {
  await browser.close();
  await server.close();
}
