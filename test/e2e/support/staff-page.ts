/**
 * The staff page as the e2e suites open it: a fresh context at a width, signed in with the
 * business's key, on the customers list. bypassCSP only so axe can be injected; the page's own
 * scripts are the same.
 */
import type { Browser, Page } from 'playwright-core';
import type { DESKTOP } from './browser.ts';
import type { PayServer, Staff } from './pay-server.ts';

export async function signInStaff(
  browser: Browser,
  server: PayServer,
  staff: Staff,
  viewport: typeof DESKTOP,
): Promise<Page> {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/demo`);
  await page.getByLabel('API key').fill(staff.apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Customers' }).waitFor();
  return page;
}

/** Errors the page logged or threw. */
export function errorsIn(messages: string[]): string[] {
  return messages.filter((message) => /^(error|pageerror)/.test(message));
}
