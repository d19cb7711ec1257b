/**
 * The demo page's Webhooks panel in Chromium: register a receiver, see the secret once, watch an
 * event reach it with each attempt shown, and resend it; at phone and desktop widths.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createInvoice, poolService } from '../support/fixtures.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { deliverAll, LOCAL } from '../webhooks/support.ts';
import { axeViolations } from './support/axe.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type PayServer, startPayServer } from './support/pay-server.ts';

const SHOTS = process.env.SCREENSHOT_DIR;

describe('the Webhooks panel', { timeout: 60_000 }, () => {
  let server: PayServer;
  let browser: Browser;
  let receiver: Receiver;

  beforeAll(async () => {
    [server, browser, receiver] = await Promise.all([
      startPayServer({ env: { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' } }),
      launchChromium(),
      startReceiver(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  for (const [width, viewport] of [
    ['1280', DESKTOP],
    ['375', PHONE],
  ] as const) {
    it(`registers an endpoint, shows what it was sent, and resends (${width} px)`, async () => {
      const staff = await server.business(`Hooks ${width}`);
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      const messages = consoleOf(page);
      await page.goto(`${server.url}/demo`);
      await page.getByLabel('API key').fill(staff.apiKey);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Webhooks' }).click();
      await page.getByRole('heading', { name: 'Webhooks' }).waitFor();

      await page.getByLabel('Endpoint URL').fill(receiver.url);
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      const secret = await page.locator('demo-webhooks pre[data-secret]').textContent();
      expect(secret).toMatch(/^whsec_/);
      receiver.secret = secret;
      await page.getByRole('button', { name: 'I have kept it' }).click();
      await page
        .locator('demo-webhooks li[data-endpoint]', { hasText: receiver.url })
        .getByText('enabled', { exact: true })
        .waitFor();
      expect(await page.locator('demo-webhooks pre[data-secret]').count()).toBe(0);

      const dana = await createCustomer(staff);
      const invoice = await createInvoice(staff, dana.id, { lines: [poolService] });
      await deliverAll(server.db, undefined, LOCAL, 'end-to-end-secret');
      expect(receiver.events().filter((e) => e.data.object.id === invoice.id)).toHaveLength(1);

      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByRole('button', { name: 'invoice.created' }).click();
      const detail = page.locator('demo-webhook-events [data-detail]');
      await detail.getByText('delivered').waitFor();
      await detail.getByText(/200 \(\d+ ms\)/).waitFor();
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/webhooks-${width}.png`, fullPage: true });
      expect(await axeViolations(page)).toEqual([]);

      await detail.getByRole('button', { name: 'Resend' }).click();
      await detail.getByText('(resent)').waitFor();
      await deliverAll(server.db, undefined, LOCAL, 'end-to-end-secret');
      expect(receiver.events().filter((e) => e.data.object.id === invoice.id)).toHaveLength(2);
      expect(messages.filter((m) => m.startsWith('error'))).toEqual([]);
      await context.close();
    });
  }
});
