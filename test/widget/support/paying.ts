/**
 * Paying in the element as a customer does: the sandbox's test form filled field by field, the
 * pay button, and what the server then knows (the link's payment history).
 */
import type { PayPortal } from '../../../widget/index.ts';
import { $, $$, type Fixture, field, textOf, type, until } from './portal-fixtures.ts';

export const payButton = (element: PayPortal) =>
  $(element, '[part="pay-button"]') as HTMLButtonElement;

export const totals = (element: PayPortal) => textOf($(element, '[part="totals"]'));

/** The test form has loaded (it is its own file, fetched when the payment block shows). */
export async function formReady(element: PayPortal): Promise<void> {
  await until(
    () =>
      $$(element, '.form-status').length === 0 &&
      $$(element, '#sandbox-number, #sandbox-routing, [part="saved-cards"]').length > 0,
    'the payment form',
  );
}

export async function fillCard(
  element: PayPortal,
  number: string,
  expiry = '12/34',
  cvc = '123',
): Promise<void> {
  await formReady(element);
  await type(element, field(element, 'Card number'), number);
  await type(element, field(element, 'Expiry (MM/YY)'), expiry);
  await type(element, field(element, 'CVC'), cvc);
}

/** Presses Pay and waits until the element is done with it. */
export async function pay(element: PayPortal): Promise<void> {
  payButton(element).click();
  await element.updateComplete;
  await until(() => {
    const button = $$(element, '[part="pay-button"]')[0] as HTMLButtonElement | undefined;
    return !button?.disabled && !$$(element, '.skeleton').length;
  }, 'paying');
  await element.updateComplete;
}

export async function confirmation(element: PayPortal): Promise<string> {
  await until(() => $$(element, '[part="confirmation"]').length > 0, 'the confirmation', 8000);
  await element.updateComplete;
  return textOf($(element, '[part="confirmation"]'));
}

/** The link's payment history as the portal API answers it (statuses, newest first). */
export async function history(fixture: Fixture): Promise<string[]> {
  const response = await fetch(`${fixture.apiBase}/v1/portal/${fixture.token}/payments`);
  const list = (await response.json()) as { data: { status: string }[] };
  return list.data.map((payment) => payment.status);
}

export function nextPaid(element: PayPortal): Promise<CustomEvent> {
  return new Promise((resolve) =>
    element.addEventListener('pay-portal-paid', (event) => resolve(event as CustomEvent), {
      once: true,
    }),
  );
}
