/**
 * Issue 12 on the staff demo page, in Chromium against the real server: a link sent by text is
 * refused without consent (the page says why), goes once staff record the customer's consent,
 * shows as "Sent by text to +1 …" in the link's activity, and sits in the Outbox beside the
 * email, with its body, footer and delivery log, at desktop and phone widths.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createPaymentLink } from '../support/fixtures.ts';
import { DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, type Staff, startPayServer } from './support/pay-server.ts';

const SHOTS = process.env.SCREENSHOTS_DIR;

describe('texts on the staff demo page', { timeout: 90_000 }, () => {
  let server: PayServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = async (staff: Staff, viewport = DESKTOP): Promise<Page> => {
    const page = await browser.newPage({ viewport });
    await page.goto(`${server.url}/demo`);
    await page.getByLabel('API key').fill(staff.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    return page;
  };

  it('sends a link by text with consent only, and shows it in the outbox with its log', async () => {
    const staff = await server.business();
    const customer = await createCustomer(staff, {
      name: 'Dana Diaz',
      email: 'dana@example.com',
      phone: '(813) 555-0199',
    });
    await createPaymentLink(staff, { customer: customer.id });
    const page = await signIn(staff);
    const timeline = page.getByRole('list', { name: 'Activity' }).first();

    await page.getByRole('button', { name: 'Send by text' }).click();
    await page.getByRole('dialog', { name: 'Send by text' }).waitFor();
    expect(await page.locator('#text-dialog').getByLabel('Mobile number').inputValue()).toBe(
      '(813) 555-0199',
    );
    await page.getByRole('button', { name: 'Send text' }).click();
    await page
      .getByRole('status')
      .getByText(/has not agreed to texts/)
      .waitFor();
    expect(await timeline.getByText(/Sent by text/).count()).toBe(0);

    const consent = await staff.post(`/v1/customers/${customer.id}/sms_consents`, {
      phone: '(813) 555-0199',
      source: 'signed service agreement',
    });
    expect(consent.status).toBe(201);
    await page.getByRole('button', { name: 'Send by text' }).click();
    await page.getByRole('button', { name: 'Send text' }).click();
    await timeline.getByText('Sent by text to +1 813 555 0199').waitFor();
    await page.getByRole('button', { name: 'Send by email' }).click();
    await page.getByRole('button', { name: 'Send email' }).click();
    await timeline.getByText('Sent by email to dana@example.com').waitFor();

    for (const [width, viewport] of [
      ['1280', DESKTOP],
      ['375', PHONE],
    ] as const) {
      const outboxPage = width === '1280' ? page : await signIn(staff, viewport);
      await outboxPage.getByRole('button', { name: 'Outbox' }).click();
      const table = outboxPage.getByRole('table');
      const text = table.locator('tr[data-channel="sms"]');
      await text.waitFor();
      expect(await text.textContent()).toContain('+1 813 555 0199');
      expect(await table.locator('tr[data-channel="email"]').count()).toBe(1);
      await text.getByRole('button', { name: 'Text message' }).click();
      const body = outboxPage.locator('pre');
      await body.getByText(/Reply STOP to opt out\./).waitFor();
      expect(await body.textContent()).toMatch(
        /^Blue Lagoon Pools: see your balance and pay online: http:\/\/127\.0\.0\.1:\d+\/p\/[\w-]{43}\nBlue Lagoon Pools\. Reply STOP to opt out\.$/,
      );
      await outboxPage.getByRole('list', { name: 'Delivery log' }).getByText('Queued').waitFor();
      if (SHOTS)
        await outboxPage.screenshot({ path: `${SHOTS}/texts-outbox-${width}.png`, fullPage: true });
      if (width === '375') await outboxPage.close();
    }
    await page.getByRole('button', { name: 'Customers' }).click();
    // "Send portal access" by text: Dana agreed, so her link is queued; nobody else is texted.
    const access = page.locator('demo-portal-access');
    await access.getByRole('checkbox', { name: /Dana Diaz/ }).check();
    await access.getByRole('radio', { name: 'Text message' }).check();
    await access.getByRole('button', { name: 'Send portal access (1)' }).click();
    await access
      .getByRole('status')
      .getByText(/^Dana Diaz: queued to \+1/)
      .waitFor();
    const texts = (await staff.get('/v1/outbox?channel=sms')).body.data as { kind: string }[];
    expect(texts.map((text) => text.kind).sort()).toEqual(['link', 'portal_access']);
    if (SHOTS) {
      await timeline.getByText('Sent by text to +1 813 555 0199').waitFor();
      await page.screenshot({ path: `${SHOTS}/texts-link-1280.png`, fullPage: true });
    }
    await page.close();
  });
});
