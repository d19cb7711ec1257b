/**
 * A page the business has not allowed, in Chromium (issue 11): a call that needs a preflight
 * (a JSON POST with Idempotency-Key, as the element's quote and payment calls are) reaches the
 * page as a readable `403 origin_not_allowed`, not as a network error, and changes nothing.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenOf } from '../support/fixtures.ts';
import { launchChromium, PHONE } from './support/browser.ts';
import { type OriginServer, startOriginServer } from './support/origin-server.ts';
import { customerIn, type PayServer, type Staff, startPayServer } from './support/pay-server.ts';

describe('preflighted calls from an origin the business has not allowed', {
  timeout: 60_000,
}, () => {
  let server: PayServer;
  let browser: Browser;
  let staff: Staff;
  let elsewhere: OriginServer;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPayServer(), launchChromium()]);
    elsewhere = await startOriginServer(() => '<!doctype html><title>Elsewhere</title>');
    staff = await server.business('Blue Lagoon Pools', {
      allowed_origins: ['https://shop.example'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), elsewhere?.close()]);
  });

  it('reads origin_not_allowed from a JSON POST, and nothing is paid', async () => {
    const { url } = await customerIn(staff, 'outstanding');
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${elsewhere.origin}/`);
    const answer = await page.evaluate(
      async ({ base, token }) => {
        try {
          const response = await fetch(`${base}/v1/portal/${token}/payments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': 'preflight-1' },
            body: JSON.stringify({ invoices: [], balance_amount: 100, method: 'card' }),
          });
          return { status: response.status, body: await response.json() };
        } catch (error) {
          return { status: 0, body: String(error) };
        }
      },
      { base: server.url, token: tokenOf(url) },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('origin_not_allowed');
    expect((await staff.get('/v1/payments')).body.data).toEqual([]);
    await page.close();
  });
});
