/**
 * The demo page's customer form takes a time zone (issue 12: quiet hours on the customer's clock):
 * an unknown name is refused with the API's words and no customer is made; a known one, typed in
 * any case, is kept as the IANA name.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleOf, DESKTOP, launchChromium } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';
import { errorsIn } from './support/staff-page.ts';

describe("the demo page's customer time zone", { timeout: 60_000 }, () => {
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses an unknown zone, then keeps a known one', async () => {
    const staff = await server.business('Zone Test Pools');
    const page = await browser.newPage({ viewport: DESKTOP });
    const messages = consoleOf(page);
    await page.goto(`${server.url}/demo`);
    await page.getByLabel('API key').fill(staff.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Customers' }).waitFor();

    const form = page.getByRole('form', { name: 'New customer' });
    await form.getByLabel('Name').fill('Kai Walker');
    await form.getByLabel('Time zone').fill('Brisbane');
    await form.getByRole('button', { name: 'Create customer' }).click();
    await form
      .getByRole('alert')
      .getByText(/IANA time zone name/)
      .waitFor();
    expect((await staff.get('/v1/customers?q=Kai')).body.data).toEqual([]);

    await form.getByLabel('Time zone').fill('australia/brisbane');
    await form.getByRole('button', { name: 'Create customer' }).click();
    await page.getByRole('heading', { name: 'Kai Walker' }).waitFor();
    const { body: made } = await staff.get('/v1/customers?q=Kai');
    expect(made.data[0]).toMatchObject({ name: 'Kai Walker', time_zone: 'Australia/Brisbane' });
    expect(errorsIn(messages).filter((m) => !m.includes('422'))).toEqual([]);
    await page.close();
  });
});
