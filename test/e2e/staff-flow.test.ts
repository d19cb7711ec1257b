/**
 * Issue 5 end to end, in Chromium against the real server: a staff member signs in on the demo
 * page, creates a customer and a charge, generates, copies and sends a link, previews it (not
 * counted); the customer opens it at phone width and pays with a tip, typing the sandbox's test
 * card into the element's form; staff sees "viewed" and "payment made", the outbox holds the
 * link, the receipt and the notice, refunds the payment; the link is regenerated and the old URL
 * shows the dead-link page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, type Staff, startPayServer } from './support/pay-server.ts';

/**
 * The customer chooses a 20 % tip in the element, types the sandbox's always-succeeding Visa
 * into its test form and presses Pay, as on any phone.
 */
async function payWithTip(page: Page): Promise<void> {
  const portal = page.locator('pay-portal');
  await portal.getByRole('radio', { name: /^20%/ }).check();
  const form = portal.getByRole('group', { name: /^Test mode/ });
  await form.getByLabel('Card number', { exact: true }).fill('4242 4242 4242 4242');
  await form.getByLabel('Expiry (MM/YY)').fill('12/34');
  await form.getByLabel('CVC').fill('123');
  await portal.getByRole('button', { name: 'Pay $102.00' }).click();
  await portal.getByRole('heading', { name: 'Payment successful' }).waitFor();
  await portal.getByText('Receipt number').waitFor();
}

describe('staff to customer to payment', { timeout: 120_000 }, () => {
  let server: PayServer;
  let browser: Browser;
  let staff: Staff;
  let staffContext: BrowserContext;
  let demo: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
    staff = await server.business('Blue Lagoon Pools');
    staffContext = await browser.newContext({ viewport: DESKTOP });
    await staffContext.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    demo = await staffContext.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const timeline = () => demo.getByRole('list', { name: 'Activity' }).first();
  const customerPage = async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    return { page, messages: consoleOf(page), close: () => context.close() };
  };

  it('goes from a new customer to a paid, refunded, regenerated link', async () => {
    const staffMessages = consoleOf(demo);
    // Sign in with the business's key.
    await demo.goto(`${server.url}/demo`);
    await demo.getByLabel('API key').fill(staff.apiKey);
    await demo.getByRole('button', { name: 'Sign in' }).click();
    await demo.getByRole('heading', { name: 'Customers' }).waitFor();

    // A customer and a charge.
    const newCustomer = demo.getByRole('form', { name: 'New customer' });
    await newCustomer.getByLabel('Name').fill('Dana Diaz');
    await newCustomer.getByLabel('Email').fill('dana@example.com');
    await newCustomer.getByRole('button', { name: 'Create customer' }).click();
    await demo.getByRole('heading', { name: 'Dana Diaz' }).waitFor();
    const charge = demo.getByRole('form', { name: 'Add charge' });
    await charge.getByLabel('Description').fill('Weekly pool service');
    await charge.getByLabel('Amount').fill('85.00');
    await charge.getByRole('button', { name: 'Add charge' }).click();
    await demo.getByTestId('balance').getByText('$85.00').waitFor();
    expect(await demo.getByTestId('balance-state').textContent()).toBe('Outstanding');

    // A link: generated, copied (recorded), sent by email (through the outbox).
    await demo.getByRole('button', { name: 'Generate link' }).click();
    await demo.getByRole('button', { name: 'Copy' }).click();
    await timeline().getByText('Copied by staff').waitFor();
    const url = await demo.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(new RegExp(`^${server.url}/p/[\\w-]{43}$`));
    await demo.getByRole('button', { name: 'Send by email' }).click();
    await demo.getByRole('dialog', { name: 'Send by email' }).waitFor();
    expect(await demo.locator('#send-dialog').getByLabel('To').inputValue()).toBe(
      'dana@example.com',
    );
    await demo.getByRole('button', { name: 'Send email' }).click();
    await timeline().getByText('Sent by email to dana@example.com').waitFor();

    // A staff preview shows the portal and is not the customer's view.
    await demo.getByRole('button', { name: 'Preview' }).click();
    const preview = demo.frameLocator('iframe[title="Portal preview"]');
    await preview.locator('pay-portal').getByText('Hi Dana Diaz,').waitFor();
    await demo.waitForTimeout(1_000);
    await demo.getByRole('button', { name: 'Refresh' }).click();
    expect(await timeline().getByText('Viewed by the customer').count()).toBe(0);

    // The customer opens the link on a phone and pays with a tip.
    const customer = await customerPage();
    await customer.page.goto(url);
    const portal = customer.page.locator('pay-portal');
    await portal.getByRole('heading', { name: /Amount due \$85\.00/ }).waitFor();
    await payWithTip(customer.page);
    expect(customer.messages.filter((m) => /Content Security Policy/.test(m))).toEqual([]);

    // Staff watch the activity and the balance.
    await demo.getByRole('button', { name: 'Refresh' }).click();
    // (The element reports a view again when it reloads after the payment.)
    await timeline().getByText('Viewed by the customer').first().waitFor();
    // With its figures: the amount charged and the receipt number.
    await timeline()
      .getByText(/^Payment made: \$\d+\.\d\d \(R-\d{6}\)$/)
      .waitFor();
    await demo.getByTestId('balance').getByText('$0.00').waitFor();

    // The outbox: the link, the customer's receipt and the business's notice.
    await demo.getByRole('button', { name: 'Outbox' }).click();
    const outbox = demo.getByRole('table');
    await outbox.getByText('Payment link').waitFor();
    await outbox.getByText('Receipt', { exact: true }).waitFor();
    await outbox.getByText('Payment notice').waitFor();
    const emails = (await staff.get('/v1/outbox?limit=100')).body.data as {
      kind: string;
      to: string;
    }[];
    expect(emails.map((email) => [email.kind, email.to]).sort()).toEqual([
      ['link', 'dana@example.com'],
      ['payment_notice', 'owner@bluelagoon.example'],
      ['receipt', 'dana@example.com'],
    ]);

    // Payments: $85.00 + 20 % tip ($17.00), refunded from the demo page.
    await demo.getByRole('button', { name: 'Payments' }).click();
    const row = demo.getByRole('row', { name: /Dana Diaz/ });
    await row.getByText('$102.00').waitFor();
    await row.getByText('$17.00').waitFor();
    await row.getByRole('button', { name: 'Refund' }).click();
    await demo.getByRole('dialog', { name: 'Refund a payment' }).waitFor();
    const refund = demo.locator('#refund-dialog');
    await refund.getByText('Tip $17.00 is given back too').waitFor();
    await refund.getByRole('button', { name: 'Refund' }).click();
    await demo.getByText(/^Refunded \$102\.00/).waitFor();

    // Regenerate: the old URL shows the dead-link page, the new one works.
    await demo.getByRole('button', { name: 'Customers' }).click();
    await demo.getByRole('button', { name: 'Regenerate' }).click();
    await timeline()
      .getByText(/Regenerated/)
      .waitFor();
    const fresh = await demo.getByLabel('Link URL').inputValue();
    expect(fresh).not.toBe(url);
    const old = await customer.page.goto(url);
    expect(old?.status()).toBe(404);
    await customer.page.getByRole('heading', { name: 'This link is no longer valid' }).waitFor();
    await customer.page.goto(fresh);
    await portal.getByText('Hi Dana Diaz,').waitFor();
    await customer.close();
    expect(staffMessages.filter((m) => /^(error|pageerror)/.test(m))).toEqual([]);
  });
});
