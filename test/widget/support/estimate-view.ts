/** <pay-portal-estimate> on the real server: an estimate on a link, mounted, read and pressed. */
import '../../../widget/pay-portal-estimate/define.ts';
import type { PortalEstimate } from '../../../shared/api/portal.ts';
import type { PayPortalEstimate } from '../../../widget/pay-portal-estimate/pay-portal-estimate.ts';
import { axeViolations, type Fixture, portalFixture, staff, textOf } from './portal-fixtures.ts';

export function inDays(days: number) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface Setup {
  fixture: Fixture;
  estimate: PortalEstimate;
}

/** A customer link and an estimate on it, made through the staff API; as the portal lists it. */
export async function estimateOnLink(extra: Record<string, unknown> = {}): Promise<Setup> {
  const fixture = await portalFixture('zero');
  const link = (await staff(fixture.link, 'GET', `/v1/payment_links/${fixture.link}`)) as {
    customer: string;
  };
  const created = (await staff(fixture.link, 'POST', '/v1/estimates', {
    customer: link.customer,
    lines: [
      { description: 'Pool resurfacing', quantity: 1, unit_amount: 480_000, tax_rate: 825 },
      { description: 'Waterline tiles', quantity: 12, unit_amount: 1_850 },
    ],
    valid_until: inDays(30),
    deposit_percent: 20,
    terms: 'Work starts within two weeks of approval.',
    ...extra,
  })) as { id: string };
  const portal = await (await fetch(`${fixture.apiBase}/v1/portal/${fixture.token}`)).json();
  const estimate = (portal.estimates as PortalEstimate[]).find((e) => e.id === created.id)!;
  return { fixture, estimate };
}

export async function mountEstimate(setup: Setup, locale = 'en-US', estimate = setup.estimate) {
  const element = document.createElement('pay-portal-estimate');
  element.estimate = estimate;
  element.apiBase = setup.fixture.apiBase;
  element.token = setup.fixture.token;
  element.locale = locale;
  element.currency = 'usd';
  element.businessName = 'Blue Lagoon Pools';
  document.body.append(element);
  await element.updateComplete;
  return element;
}

export const shadow = (element: PayPortalEstimate) => element.shadowRoot!;
export const $ = (element: PayPortalEstimate, selector: string) =>
  shadow(element).querySelector<HTMLElement>(selector);
export const button = (element: PayPortalEstimate, name: string) => {
  const found = [...shadow(element).querySelectorAll('button')].find((b) => textOf(b) === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
export const buttons = (element: PayPortalEstimate) =>
  [...shadow(element).querySelectorAll('button')].map((b) => textOf(b));
export async function press(element: PayPortalEstimate, name: string) {
  button(element, name).click();
  await element.updateComplete;
}
export async function fill(element: PayPortalEstimate, selector: string, value: string) {
  const input = $(element, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}
export const focusedTitle = (element: PayPortalEstimate) =>
  textOf(shadow(element).activeElement as HTMLElement | null);
export const axe = (element: PayPortalEstimate) => axeViolations(element as never);

export async function decisionOf(setup: Setup) {
  return (await staff(setup.fixture.link, 'GET', `/v1/estimates/${setup.estimate.id}`)) as {
    status: string;
    decision: {
      decision: string;
      reason: string | null;
      signature: { type: string; name: string | null } | null;
    } | null;
  };
}
