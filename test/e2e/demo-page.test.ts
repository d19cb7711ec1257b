/**
 * The staff demo page's other features in Chromium: sign-in refusal, credits and invoices,
 * invoice links and revoking, settings that change the previewed portal, errors shown with
 * what to correct, and estimates: the customer's decision and signature, questions, PDFs,
 * turning an approved estimate into an invoice, creating an estimate and its link.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataUrl, signaturePng } from '../estimates/signatures.ts';
import {
  chargeCustomer,
  createCustomer,
  createEstimate,
  createPaymentLink,
  DANA,
} from '../support/fixtures.ts';
import { openPortal } from '../support/portal-client.ts';
import { consoleOf, DESKTOP, launchChromium } from './support/browser.ts';
import { type PayServer, type Staff, startPayServer } from './support/pay-server.ts';

describe('staff demo page', { timeout: 60_000 }, () => {
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = async (staff: Staff): Promise<Page> => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${server.url}/demo`);
    await page.getByLabel('API key').fill(staff.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    return page;
  };

  it('refuses a key that is not a business key, and keeps none', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${server.url}/demo`);
    await page.getByLabel('API key').fill('sk_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(/not accepted/)
      .waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.close();
  });

  it('adds a credit and an invoice, links the invoice and revokes the link', async () => {
    const staff = await server.business('Credit Test Pools');
    const page = await signIn(staff);
    const messages = consoleOf(page);
    const form = page.getByRole('form', { name: 'New customer' });
    await form.getByLabel('Name').fill('Priya Patel');
    await form.getByLabel('Email').fill('priya@example.com');
    await form.getByLabel('Language').selectOption('es');
    await form.getByRole('button', { name: 'Create customer' }).click();
    await page.getByRole('heading', { name: 'Priya Patel' }).waitFor();
    const { body: made } = await staff.get('/v1/customers?q=Priya');
    expect(made.data[0]).toMatchObject({ name: 'Priya Patel', locale: 'es' });

    await page.getByRole('tab', { name: 'Add credit' }).click();
    const credit = page.getByRole('form', { name: 'Add credit' });
    await credit.getByLabel('Description').fill('Refund for a missed visit');
    await credit.getByLabel('Amount').fill('12.5');
    await credit.getByRole('button', { name: 'Add credit' }).click();
    await page.getByTestId('balance').getByText('$12.50 credit').waitFor();
    expect(await page.getByTestId('balance-state').textContent()).toBe('Credit');

    await page.getByRole('tab', { name: 'Quick invoice' }).click();
    const invoice = page.getByRole('form', { name: 'Add invoice' });
    await invoice.getByLabel('Description').fill('Pump motor replacement');
    await invoice.getByLabel('Unit price').fill('420');
    await invoice.getByLabel('Tax rate %').fill('7');
    await invoice.getByRole('button', { name: 'Create invoice' }).click();
    const row = page.getByRole('row', { name: /INV-0001/ });
    await row.getByText('$449.40').first().waitFor();
    await page.getByTestId('balance').getByText('$436.90').waitFor();

    await row.getByRole('button', { name: 'Invoice link' }).click();
    const card = page.locator('demo-link-card').filter({ hasText: 'Invoice INV-0001 link' });
    await card.getByRole('button', { name: 'Revoke' }).click();
    await card.getByRole('dialog', { name: 'Revoke the link to invoice INV-0001?' }).waitFor();
    await card.getByRole('button', { name: 'Revoke link' }).click();
    await card.getByTestId('link-status').getByText('revoked').waitFor();
    await card.getByRole('list', { name: 'Activity' }).getByText('Revoked').waitFor();
    expect(await card.getByRole('button', { name: 'Copy' }).isDisabled()).toBe(true);
    expect(messages.filter((m) => m.startsWith('error'))).toEqual([]);
    await page.close();
  });

  it('saves settings and shows the portal change in the preview', async () => {
    const staff = await server.business('Settings Test Pools');
    const customer = await createCustomer(staff);
    await chargeCustomer(staff, customer.id, {
      amount: 10_000,
      description: 'Weekly pool service',
    });
    await createPaymentLink(staff, { customer: customer.id });
    const page = await signIn(staff);
    await page.getByRole('button', { name: 'Settings' }).click();
    const preview = page.frameLocator('iframe[title="Portal preview"]').locator('pay-portal');
    await preview.getByRole('radio', { name: /^18%/ }).waitFor();

    await page.getByLabel('Percentages').fill('10, 15');
    await page.getByLabel(/Allowed origins/).fill('https://www.settingstest.example');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/^Saved\./).waitFor();
    await preview.getByRole('radio', { name: /^15%/ }).waitFor();
    expect(await preview.getByRole('radio', { name: /^18%/ }).count()).toBe(0);
    const { body: settings } = await staff.get('/v1/settings');
    expect(settings.tips.percentages).toEqual([10, 15]);
    expect(settings.allowed_origins).toEqual(['https://www.settingstest.example']);

    await page.getByLabel(/Allowed origins/).fill('https://www.settingstest.example/pay');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // Said in words beside the field, never as a schema path.
    await page
      .getByText(
        'Line 1: Each line must be a site address such as https://www.example.com, without a path.',
      )
      .waitFor();
    expect(await page.getByText(/allowed_origins/).count()).toBe(0);
    expect((await staff.get('/v1/settings')).body.allowed_origins).toEqual([
      'https://www.settingstest.example',
    ]);
    await page.close();
  });

  it("shows an approved estimate's decision, signature and question; invoices it", async () => {
    const staff = await server.business('Estimate Test Pools');
    const customer = await createCustomer(staff, DANA);
    const estimate = await createEstimate(staff, customer.id, {
      lines: [{ description: 'Pool resurfacing', quantity: 1, unit_amount: 480_000 }],
      deposit_amount: 50_000,
    });
    const dana = openPortal(server, await createPaymentLink(staff, { estimate: estimate.id }));
    const asked = await dana.ask(estimate.id, 'Can you start after the 15th?');
    expect(asked.status).toBe(200);
    const approved = await dana.approve(estimate.id, {
      type: 'drawn',
      image_png: dataUrl(signaturePng()),
      name: 'Dana Diaz',
    });
    expect(approved.status).toBe(200);

    const page = await signIn(staff);
    const messages = consoleOf(page);
    const card = page.locator('demo-estimate-card').filter({ hasText: estimate.number });
    await card.getByTestId('estimate-status').getByText('approved').waitFor();
    const decision = card.getByTestId('estimate-decision');
    await decision.getByText(/^Approved/).waitFor();
    const signature = decision.getByRole('img', { name: 'Signature drawn by Dana Diaz' });
    await signature.waitFor();
    await page.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await signature.elementHandle(),
    );
    expect(await signature.getAttribute('src')).toMatch(/^blob:/);
    await card.getByText('Can you start after the 15th?').waitFor();
    await card.getByText(/Deposit \$500\.00, not paid yet/).waitFor();

    // The PDF opens in a new tab from a blob: URL (a plain link could not send the key).
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      card.getByRole('button', { name: 'Estimate PDF' }).click(),
    ]);
    expect(tab.url()).toMatch(/^blob:/);
    await tab.close();

    await card.getByRole('button', { name: 'Turn into invoice' }).click();
    await card
      .getByRole('status')
      .getByText(/^Invoice INV-0001 created/)
      .waitFor();
    await card.getByText('invoiced', { exact: true }).waitFor();
    await page.getByRole('row', { name: /INV-0001/ }).waitFor();
    expect(await card.getByRole('button', { name: 'Turn into invoice' }).count()).toBe(0);
    await card.getByRole('button', { name: 'Invoice INV-0001 PDF' }).waitFor();

    // A new estimate from the form, then its link.
    await page.getByRole('button', { name: 'Create estimate' }).click();
    const form = page.getByRole('form', { name: 'New estimate' });
    await form.getByLabel('Description').fill('Salt chlorinator');
    await form.getByLabel('Unit price').fill('1299');
    await form.getByRole('combobox', { name: /Deposit/ }).selectOption('percent');
    await form.getByLabel('Deposit %').fill('20');
    await form.getByRole('button', { name: 'Create estimate' }).click();
    const created = page.locator('demo-estimate-card').filter({ hasText: 'EST-0002' });
    await created.getByText(/Deposit \$259\.80/).waitFor();
    await created.getByRole('button', { name: 'Create link' }).click();
    await page
      .locator('demo-link-card')
      .filter({ hasText: /Estimate EST-\d{4} link/ })
      .nth(1)
      .waitFor();
    const { body: links } = await staff.get(`/v1/payment_links?customer=${customer.id}`);
    expect(links.data.filter((l: { kind: string }) => l.kind === 'estimate')).toHaveLength(2);
    expect(messages.filter((m) => m.startsWith('error'))).toEqual([]);
    await page.close();
  });
});
