/**
 * Everything with money is deliberate (issue 15), on the staff page in Chromium at a desktop's
 * and a phone's width: a refund asks for the amount (what is left by default, any part allowed)
 * and says what the customer will see and what follows; voiding an invoice and revoking a link
 * ask first, naming the thing; sending by email shows the address and lets staff correct it.
 * Cancel changes nothing; each dialog passes axe. (What a dialog says is slotted into
 * `<demo-confirm-dialog>`, so its fields are found through the element, not the `<dialog>`.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chargeCustomer,
  createCustomer,
  createInvoice,
  createPaymentLink,
  DANA,
} from '../support/fixtures.ts';
import { openPortal } from '../support/portal-client.ts';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, type Staff, startPayServer } from './support/pay-server.ts';

describe('deliberate money on the staff page', { timeout: 90_000 }, () => {
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = async (staff: Staff, viewport: typeof DESKTOP): Promise<Page> => {
    // bypassCSP only so axe can be injected; the page's own scripts are the same.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/demo`);
    await page.getByLabel('API key').fill(staff.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    return page;
  };

  /** Dana paid an $85.00 charge with a 20 % tip by card: $102.00 + 3 % fee on Visa 4242. */
  const paidCustomer = async (staff: Staff) => {
    const dana = await createCustomer(staff, DANA);
    await chargeCustomer(staff, dana.id, { amount: 8_500, description: 'Weekly pool service' });
    const link = await createPaymentLink(staff, { customer: dana.id });
    const paid = await openPortal(server, link).pay({
      balance_amount: 8_500,
      tip: { percent: 20 },
      method: 'card',
    });
    expect(paid.body.status).toBe('succeeded');
    return { dana, payment: paid.body as { id: string; amount: number } };
  };

  for (const viewport of [DESKTOP, PHONE]) {
    it(`refunds part of a payment only after a dialog with its figures, at ${viewport.width}px`, async () => {
      const staff = await server.business(`Refund Pools ${viewport.width}`, {
        convenience_fees: { card: { percent_bps: 300, fixed: 0 } },
      });
      const { payment } = await paidCustomer(staff);
      expect(payment.amount).toBe(10_506);
      const page = await signIn(staff, viewport);
      const messages = consoleOf(page);
      await page.getByRole('button', { name: 'Payments' }).click();
      const row = page.getByRole('row', { name: /Dana Diaz/ });
      await row.getByText('$105.06').waitFor();

      // Cancel: nothing moves.
      await row.getByRole('button', { name: 'Refund' }).click();
      await page.getByRole('dialog', { name: 'Refund a payment' }).waitFor();
      const dialog = page.locator('demo-confirm-dialog#refund-dialog');
      const amount = dialog.getByLabel(/Amount to refund/);
      expect(await amount.inputValue()).toBe('105.06');
      await dialog.getByText('$105.06 goes back to Visa •••• 4242').waitFor();
      await dialog.getByText('Their balance goes up by $85.00').waitFor();
      await dialog.getByText('Tip $17.00 and fee $3.06 are given back too').waitFor();
      await dialog.getByText('A refund cannot be undone').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      expect((await staff.get(`/v1/payments/${payment.id}`)).body.amount_refunded).toBe(0);

      // More than is left is refused in the dialog, before any request.
      await row.getByRole('button', { name: 'Refund' }).click();
      await amount.fill('200');
      await dialog.getByRole('button', { name: 'Refund' }).click();
      expect(await amount.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe(
        'At most $105.06 is left to refund.',
      );
      await dialog.getByRole('button', { name: 'Refund' }).isVisible();

      // A part: $40.00 comes out of what the customer owed; the tip and fee stay paid.
      await amount.fill('40');
      await dialog.getByLabel(/Reason/).fill('Service not performed');
      await dialog.getByText('$40.00 goes back to Visa •••• 4242').waitFor();
      await dialog.getByText('Their balance goes up by $40.00').waitFor();
      expect(await dialog.getByText('given back too').count()).toBe(0);
      await dialog.getByRole('button', { name: 'Refund' }).click();
      await page.getByText(/^Refunded \$40\.00 of R-/).waitFor();
      const after = (await staff.get(`/v1/payments/${payment.id}`)).body;
      expect(after.amount_refunded).toBe(4_000);
      expect(after.refunds[0].reason).toBe('Service not performed');
      await row.getByText('$40.00').waitFor();
      await row.getByText('Service not performed').waitFor();

      // What is left is the new default.
      await row.getByRole('button', { name: 'Refund' }).click();
      expect(await amount.inputValue()).toBe('65.06');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(messages.filter((m) => /^(error|pageerror)/.test(m))).toEqual([]);
      await page.context().close();
    });
  }

  it('voids an invoice, revokes a link and sends by email only after naming them', async () => {
    const staff = await server.business('Confirm Pools');
    const dana = await createCustomer(staff, DANA);
    const invoice = await createInvoice(staff, dana.id, {
      unit_amount: 42_000,
      description: 'Pump motor replacement',
    });
    await createPaymentLink(staff, { invoice: invoice.id });
    const page = await signIn(staff, PHONE);
    await page
      .getByRole('button', { name: /Dana Diaz/ })
      .first()
      .click();
    await page.getByTestId('balance').getByText('$420.00').waitFor();

    // Void: cancel keeps the invoice; confirming voids it and the balance drops.
    const row = page.getByRole('row', { name: /INV-0001/ });
    await row.getByRole('button', { name: 'Void INV-0001' }).click();
    await page.getByRole('dialog', { name: 'Void INV-0001?' }).waitFor();
    const voiding = page.locator('demo-confirm-dialog#void-dialog');
    await voiding.getByText('$420.00 comes off Dana Diaz’s balance').waitFor();
    await voiding.getByText('Its invoice link stops working').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await voiding.getByRole('button', { name: 'Cancel' }).click();
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('open');
    await row.getByRole('button', { name: 'Void INV-0001' }).click();
    await voiding.getByRole('button', { name: 'Void invoice' }).click();
    await row.getByText('void', { exact: true }).waitFor();
    await page.getByTestId('balance').getByText('$0.00').waitFor();
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('void');

    // Send by email: the customer's address first, corrected before it goes.
    await page.getByRole('button', { name: 'Generate link' }).click();
    const card = page.locator('demo-link-card').filter({ hasText: 'Customer link' });
    await card.getByRole('button', { name: 'Send by email' }).click();
    await card.getByRole('dialog', { name: 'Send by email' }).waitFor();
    const sending = card.locator('demo-confirm-dialog#send-dialog');
    const to = sending.getByLabel('To');
    expect(await to.inputValue()).toBe('dana@example.com');
    await to.fill('dana.diaz@example.org');
    await sending.getByRole('button', { name: 'Send email' }).click();
    await card.getByText('Sent by email to dana.diaz@example.org').waitFor();

    // Revoke: cancel keeps the link working; confirming ends it.
    await card.getByRole('button', { name: 'Revoke' }).click();
    await card.getByRole('dialog', { name: 'Revoke the customer link?' }).waitFor();
    const revoking = card.locator('demo-confirm-dialog#revoke-dialog');
    await revoking.getByText('The URL stops working at once').waitFor();
    await revoking.getByRole('button', { name: 'Cancel' }).click();
    expect(await card.getByTestId('link-status').textContent()).toBe('active');
    await card.getByRole('button', { name: 'Revoke' }).click();
    await revoking.getByRole('button', { name: 'Revoke link' }).click();
    await card.getByTestId('link-status').getByText('revoked').waitFor();
    await page.context().close();
  });
});
