/**
 * The element's DOM events. All bubble and are composed, so a page hears them through the shadow
 * root on `document` as well as on the element. Their types join `GlobalEventHandlersEventMap`
 * in define.ts, so `addEventListener('pay-portal-paid', (e) => e.detail.amount)` type-checks.
 */
import type { BalanceState, LinkKind } from '../../shared/api/portal.ts';

/** `pay-portal-ready`: the portal data arrived and the customer sees it. */
export interface PayPortalReadyDetail {
  kind: LinkKind;
  balance: { amount: number; state: BalanceState };
  currency: string;
}

/** `pay-portal-paid`: the server says a payment succeeded. */
export interface PayPortalPaidDetail {
  payment: string;
  amount: number;
  currency: string;
  receipt_number: string | null;
}

/** `pay-portal-error`: what went wrong, with the API's error code (`link_invalid`, `network_error`…). */
export interface PayPortalErrorDetail {
  code: string;
  message: string;
}

export interface PayPortalEventMap {
  'pay-portal-ready': CustomEvent<PayPortalReadyDetail>;
  'pay-portal-paid': CustomEvent<PayPortalPaidDetail>;
  'pay-portal-error': CustomEvent<PayPortalErrorDetail>;
}

export function emit<K extends keyof PayPortalEventMap>(
  target: EventTarget,
  type: K,
  detail: PayPortalEventMap[K]['detail'],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
