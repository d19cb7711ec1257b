/**
 * The hosted page in an iframe fits its content (issue 11), in Chromium: the email landing page
 * on an allowed origin frames `/p/:token`; the hosted page posts its height
 * (`{type: 'pay-portal:height', version: 1, height}`) and /widget/frame-resize.js sizes the
 * frame, so the frame never scrolls inside, at 375 and 1280 px; the frame follows when the page
 * grows (recent charges opened). A message from any other origin moves nothing.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isExamplePage, renderExample } from '../../server/pages/examples.ts';
import { tokenOf } from '../support/fixtures.ts';
import { consoleOf, DESKTOP, launchChromium, PHONE } from './support/browser.ts';
import { type OriginServer, startOriginServer } from './support/origin-server.ts';
import { customerIn, type PayServer, type Staff, startPayServer } from './support/pay-server.ts';

describe('the hosted page sizes its iframe', { timeout: 60_000 }, () => {
  let server: PayServer;
  let browser: Browser;
  let staff: Staff;
  let business: OriginServer;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
    business = await startOriginServer((path, query) => {
      const name = path.slice(1);
      if (!isExamplePage(name)) return null;
      return renderExample(name, {
        publicUrl: server.url,
        widget: server.widget,
        token: query.get('token'),
      });
    });
    staff = await server.business('Blue Lagoon Pools', { allowed_origins: [business.origin] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), business?.close()]);
  });

  const frameHeight = (page: Page) =>
    page.locator('iframe').evaluate((frame) => frame.getBoundingClientRect().height);
  const contentHeight = (frame: Frame) =>
    frame.evaluate(() => ({
      main: Math.ceil(document.querySelector('main')!.getBoundingClientRect().bottom),
      scroll: document.scrollingElement!.scrollHeight,
      client: document.scrollingElement!.clientHeight,
    }));

  for (const viewport of [PHONE, DESKTOP]) {
    it(`fits the frame to the page and follows it at ${viewport.width}px`, async () => {
      const { url } = await customerIn(staff, 'outstanding');
      const page = await browser.newPage({ viewport });
      const messages = consoleOf(page);
      await page.goto(`${business.origin}/email-landing.html?token=${tokenOf(url)}`);
      const portal = page.frameLocator('iframe').locator('pay-portal');
      await portal.getByText(/View recent charges/i).waitFor();
      const frame = page.frames().find((f) => f.url().startsWith(`${server.url}/p/`))!;

      // The frame takes the page's height exactly: no scroll box inside it.
      await expect.poll(async () => (await contentHeight(frame)).main).toBeGreaterThan(400);
      await expect
        .poll(async () => Math.round(await frameHeight(page)))
        .toBe((await contentHeight(frame)).main);
      const inside = await contentHeight(frame);
      expect(inside.scroll).toBeLessThanOrEqual(inside.client);

      // The page grows: the frame follows.
      const before = await frameHeight(page);
      await portal.getByRole('button', { name: /View recent charges/i }).click();
      await portal.getByText('Weekly pool service').first().waitFor();
      await expect.poll(() => frameHeight(page)).toBeGreaterThan(before);
      await expect
        .poll(async () => Math.round(await frameHeight(page)))
        .toBe((await contentHeight(frame)).main);

      // Anyone else's message of the same shape moves nothing.
      const settled = await frameHeight(page);
      await page.evaluate(() =>
        window.postMessage({ type: 'pay-portal:height', version: 1, height: 200 }, '*'),
      );
      await page.waitForTimeout(200);
      expect(await frameHeight(page)).toBe(settled);

      await page.screenshot({
        path: `docs/screenshots/iframe-fit-${viewport.width}.png`,
        fullPage: true,
      });
      expect(messages.filter((m) => /Content Security Policy|frame-ancestors/i.test(m))).toEqual(
        [],
      );
      await page.close();
    });
  }

  it('posts nothing when the page is not framed', async () => {
    const { url } = await customerIn(staff, 'outstanding');
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(url);
    await page
      .locator('pay-portal')
      .getByText(/View recent charges/i)
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('framed'))).toBe(
      false,
    );
    await page.close();
  });
});
