/**
 * Browser-side helpers: ask the plugin for a fixture on the real server, mount <pay-portal> on it,
 * read what the customer reads, and run axe-core over the element's shadow tree. This module does
 * not define the element (the bundle tests load the built one); portal.ts does, from source.
 */
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { PayPortal } from '../../../widget/index.ts';
import type { Fixture, FixtureRequest, SquareJsCall, StripeJsCall } from './fixture-server.ts';

export type { Fixture };

export const WIDTHS = [375, 1280] as const;

export async function useWidth(width: number): Promise<void> {
  await setViewport({ width, height: 900 });
}

export async function portalFixture(
  state: FixtureRequest['state'],
  locale?: string,
  provider?: FixtureRequest['provider'],
): Promise<Fixture> {
  return (await executeServerCommand('portal-fixture', { state, locale, provider })) as Fixture;
}

/** What the Stripe.js stand-in asks of (fake) Stripe. */
export async function stripeJs(call: StripeJsCall): Promise<unknown> {
  return executeServerCommand('stripe-js', call);
}

/** The Web Payments SDK's tokenization, done by the Square stand-in behind the fixture server. */
export async function squareJs<T = string>(call: SquareJsCall): Promise<T> {
  return (await executeServerCommand('square-js', call)) as T;
}

/** What PayPal's window does, done by the PayPal stand-in behind the fixture server. */
export async function paypalJs(call: {
  op: 'approve';
  orderId: string;
  funding: 'approves' | 'pending' | 'declined' | 'denied';
  wallet: 'paypal' | 'venmo';
}): Promise<string> {
  return (await executeServerCommand('paypal-js', call)) as string;
}

export async function deadLink(): Promise<{ apiBase: string; token: string }> {
  return (await executeServerCommand('portal-dead-link')) as { apiBase: string; token: string };
}

export async function linkEvents(link: string): Promise<string[]> {
  return (await executeServerCommand('portal-link-events', { link })) as string[];
}

export async function staff(link: string, method: string, path: string, body?: unknown) {
  return executeServerCommand('portal-staff', { link, method, path, body });
}

/** Mounts the element and resolves once it fired pay-portal-ready or pay-portal-error. */
export async function mount(
  target: { apiBase: string; token: string },
  options: { locale?: string; parent?: HTMLElement } = {},
): Promise<PayPortal> {
  const element = document.createElement('pay-portal');
  element.setAttribute('api-base', target.apiBase);
  if (options.locale) element.setAttribute('locale', options.locale);
  element.setAttribute('token', target.token);
  const settled = settle(element);
  (options.parent ?? document.body).append(element);
  await settled;
  await element.updateComplete;
  return element;
}

/** The next pay-portal-ready or pay-portal-error of `element`. */
export function settle(element: PayPortal): Promise<CustomEvent> {
  return new Promise((resolve) => {
    const done = (event: Event) => {
      element.removeEventListener('pay-portal-ready', done);
      element.removeEventListener('pay-portal-error', done);
      resolve(event as CustomEvent);
    };
    element.addEventListener('pay-portal-ready', done);
    element.addEventListener('pay-portal-error', done);
  });
}

export function root(element: PayPortal): ShadowRoot {
  return element.shadowRoot!;
}

export function $(element: PayPortal, selector: string): HTMLElement {
  const found = root(element).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} in <pay-portal>`);
  return found;
}

export function $$(element: PayPortal, selector: string): HTMLElement[] {
  return [...root(element).querySelectorAll<HTMLElement>(selector)];
}

/** What a sighted customer reads in a block, whitespace collapsed. */
export function textOf(node: Element | ShadowRoot | null): string {
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is the point here.
  const text = node instanceof HTMLElement ? node.innerText : node?.textContent;
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** A button or link by its visible text or accessible label. */
export function control(element: PayPortal, name: string | RegExp): HTMLElement {
  const found = $$(element, 'button, a, label').find((node) => {
    const label = node.getAttribute('aria-label') ?? textOf(node);
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!found) throw new Error(`no control named ${name}`);
  return found;
}

/** The input labelled `name` (its <label for> or wrapping label). */
export function field(element: PayPortal, name: string | RegExp): HTMLInputElement {
  for (const label of $$(element, 'label')) {
    const text = textOf(label);
    if (typeof name === 'string' ? text !== name : !name.test(text)) continue;
    const id = label.getAttribute('for');
    const input = id ? root(element).getElementById(id) : label.querySelector('input');
    if (input) return input as HTMLInputElement;
  }
  throw new Error(`no field labelled ${name}`);
}

export async function type(element: PayPortal, input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

export async function click(element: PayPortal, target: HTMLElement) {
  target.click();
  await element.updateComplete;
}

export async function until(check: () => boolean, what = 'condition', ms = 5000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
}
declare global {
  interface Window {
    axe?: { run(context: unknown, options?: unknown): Promise<AxeResult> };
    __xss?: number;
  }
}

async function loadAxe() {
  if (window.axe) return window.axe;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
  return window.axe!;
}

/** axe-core over the element, shadow tree included (WCAG 2.2 A and AA); the failures, readable. */
export async function axeViolations(element: PayPortal): Promise<string[]> {
  const axe = await loadAxe();
  const result = await axe.run(element, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    // Page-level rules: the element is a part of someone else's page, which owns them.
    rules: {
      region: { enabled: false },
      'page-has-heading-one': { enabled: false },
      'landmark-one-main': { enabled: false },
    },
  });
  return result.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} at ${violation.nodes
        .map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`)
        .join('; ')}`,
  );
}
