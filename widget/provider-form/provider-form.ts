/**
 * What a payment form is to the element: the sandbox's test form (widget/sandbox-form/) and the
 * Stripe form (widget/stripe-form/) both answer this, and both are loaded only when the payment
 * block first shows (widget/lazy/lazy.ts), with the payment flow they share (payment-flow.ts). The
 * element checks the customer's choices; the form makes the payment, confirms it with the card
 * or account, and says what to show (`PayResult`).
 *
 * A form imports nothing from Lit at run time: the element lends it Lit's `html`, `css` and
 * `nothing` (`kit`), so the page loads Lit once and the forms stay small.
 */
import type { css, html, nothing, ReactiveControllerHost } from 'lit';
import type { PaymentRequest, Portal } from '../../shared/api/portal.ts';
import type { PaymentMethodKind, QuoteProblem } from '../../shared/quote.ts';
import type { PortalApi } from '../api/portal-api.ts';
import type { Localizer } from '../i18n/localize.ts';

export interface FormKit {
  html: typeof html;
  css: typeof css;
  nothing: typeof nothing;
}

/** The <pay-portal> element, as far as a form touches it. */
export type FormElement = HTMLElement &
  ReactiveControllerHost & {
    readonly renderRoot: HTMLElement | DocumentFragment;
    /** The light-DOM child slotted into the payment block. */
    readonly paymentFormHost: HTMLElement;
    showPayment(id: string): Promise<void>;
  };

/** The element's state as it is now. */
export interface FormContext {
  api: PortalApi;
  portal: Portal;
  l: Localizer;
  /** The method chosen (card or bank account). */
  method: PaymentMethodKind | null;
  /** The saved card chosen instead of a new one, or null. */
  savedCard: string | null;
  /** The total the customer sees (the server's quote when there is one). */
  total: number;
  /** "Save card for future payments" is ticked (and applies). */
  saveCard: boolean;
}

export interface FormHost {
  readonly kit: FormKit;
  readonly element: FormElement;
  now(): FormContext;
  /** Stripe's tabs choose the method: the element's fee line follows. */
  setMethod(method: PaymentMethodKind): void;
  /** Every choice is valid now (a form whose own button pays asks before it opens: PayPal). */
  payable(): boolean;
  /** The element's press of Pay, for a form whose own button pays (PayPal's). */
  pay(): Promise<void>;
}

/** A payment's figures after its card changed the fee, and why, in the customer's words. */
export interface FeeChange {
  subtotal: number;
  tip: number;
  fee: number;
  total: number;
  text: string;
}

/** What the element shows after a press of Pay. */
export interface PayResult {
  /** Succeeded or processing: the element shows the confirmation (`showPayment`). */
  paid?: string;
  /** A message by the pay button. */
  notice?: string;
  /** Why the payment failed, with a way to try another card. */
  failure?: string;
  /** The card changed the total: shown, and accepted by the next press of Pay. */
  feeChange?: FeeChange;
  /** The server refused one of the customer's choices: shown at its field. */
  refused?: QuoteProblem;
  /** What can be paid changed: the account is loaded again, then `notice` is said. */
  reload?: boolean;
  /** Where focus goes once the pay button works again. */
  focus?: string;
}

export interface PaymentForm {
  /** What shows in the payment block above the save-card box (Stripe's iframe shows in the slot). */
  render(): unknown;
  /** Makes and confirms the payment for `request` (or the one made for it before). */
  pay(request: PaymentRequest): Promise<PayResult>;
  /** Empties the card or account fields; with `focus`, focuses the first (try another card). */
  clear(focus: boolean): void;
  /** The element lets go of the form (another link, another provider). */
  dispose(): void;
}

export interface PaymentFormModule {
  createForm(host: FormHost): PaymentForm;
}
