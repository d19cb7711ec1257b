/**
 * The two ways a business embeds Pay Portal, from pages on two other local origins: the
 * business allows one of them in its settings. The script tag (pinned with SRI) works from the
 * allowed origin and is refused by CORS from the other; the iframe of the hosted page is framed
 * by the allowed origin and blocked by frame-ancestors on the other.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isExamplePage, renderExample } from '../../server/pages/examples.ts';
import { linkEvents, tokenOf } from '../support/fixtures.ts';
import { consoleOf, launchChromium, PHONE } from './support/browser.ts';
import { type OriginServer, startOriginServer } from './support/origin-server.ts';
import { customerIn, type PayServer, type Staff, startPayServer } from './support/pay-server.ts';

describe('embedding from another origin', { timeout: 60_000 }, () => {
  let server: PayServer;
  let browser: Browser;
  let staff: Staff;
  let allowed: OriginServer;
  let other: OriginServer;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
    const examples = (path: string, query: URLSearchParams) => {
      const name = path.slice(1);
      if (!isExamplePage(name)) return null;
      return renderExample(name, {
        publicUrl: server.url,
        widget: server.widget,
        token: query.get('token'),
      });
    };
    [allowed, other] = await Promise.all([
      startOriginServer(examples),
      startOriginServer(examples),
    ]);
    staff = await server.business('Blue Lagoon Pools', { allowed_origins: [allowed.origin] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), allowed?.close(), other?.close()]);
  });

  /** Opens a page, recording the element's events as the business's page could. */
  const open = async (url: string) => {
    const page = await browser.newPage({ viewport: PHONE });
    const messages = consoleOf(page);
    await page.addInitScript(() => {
      const seen: { type: string; detail: unknown }[] = [];
      (window as unknown as { portalEvents: typeof seen }).portalEvents = seen;
      for (const type of ['pay-portal-ready', 'pay-portal-error']) {
        document.addEventListener(type, (event) =>
          seen.push({ type, detail: (event as CustomEvent).detail }),
        );
      }
    });
    await page.goto(url);
    return { page, messages };
  };
  const portalEvents = (page: Page) =>
    page.evaluate(
      () =>
        (window as unknown as { portalEvents: { type: string; detail: { code?: string } }[] })
          .portalEvents,
    );
  const viewed = async (link: string) => (await linkEvents(staff, link)).includes('viewed');

  it('works as a script tag on an allowed origin', async () => {
    const { url, link } = await customerIn(staff, 'outstanding');
    const { page, messages } = await open(`${allowed.origin}/website.html?token=${tokenOf(url)}`);
    await page.locator('pay-portal').getByText('Dana Diaz').first().waitFor();
    await page
      .locator('pay-portal')
      .getByText(/View recent charges/i)
      .waitFor();
    const events = await portalEvents(page);
    expect(events.map((event) => event.type)).toEqual(['pay-portal-ready']);
    expect(messages.filter((m) => /CORS|integrity|Content Security Policy/i.test(m))).toEqual([]);
    await page.waitForTimeout(300);
    expect(await viewed(link)).toBe(true);
    await page.close();
  });

  it('is refused by CORS on an origin the business did not allow', async () => {
    const { url, link } = await customerIn(staff, 'outstanding');
    const { page, messages } = await open(`${other.origin}/website.html?token=${tokenOf(url)}`);
    await page.waitForFunction(() =>
      (window as unknown as { portalEvents: unknown[] }).portalEvents.some(
        (event) => (event as { type: string }).type === 'pay-portal-error',
      ),
    );
    const events = await portalEvents(page);
    expect(events).toEqual([{ type: 'pay-portal-error', detail: expect.anything() }]);
    // The refusal is readable there (nothing else is): the element says what is wrong, not
    // that the customer's connection failed (issue 11).
    expect(events[0]!.detail.code).toBe('origin_not_allowed');
    await page
      .locator('pay-portal')
      .getByRole('heading', { name: 'This page is not set up to show payments' })
      .waitFor();
    expect(messages.some((m) => m.includes('Access-Control-Allow-Origin'))).toBe(false);
    expect(await page.locator('pay-portal').getByText('Dana Diaz').count()).toBe(0);
    expect(await viewed(link)).toBe(false);
    await page.close();
  });

  it('is framed by an allowed origin', async () => {
    const { url } = await customerIn(staff, 'outstanding');
    const { page, messages } = await open(
      `${allowed.origin}/email-landing.html?token=${tokenOf(url)}`,
    );
    const frame = page.frameLocator('iframe');
    await frame
      .locator('pay-portal')
      .getByText(/View recent charges/i)
      .waitFor();
    expect(messages.filter((m) => /frame-ancestors/i.test(m))).toEqual([]);
    await page.close();
  });

  it('is blocked by frame-ancestors on another origin', async () => {
    const { url } = await customerIn(staff, 'outstanding');
    const { page, messages } = await open(
      `${other.origin}/email-landing.html?token=${tokenOf(url)}`,
    );
    await page.waitForLoadState('load');
    const refusal = new RegExp(
      `(Refused to frame|Framing) '${server.url}/'.*frame-ancestors 'self' ${allowed.origin}`,
    );
    await expect.poll(() => messages.some((m) => refusal.test(m))).toBe(true);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame?.url()).toBe('chrome-error://chromewebdata/');
    expect(await page.frameLocator('iframe').locator('pay-portal').count()).toBe(0);
    await page.close();
  });
});
