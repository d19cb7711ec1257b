/**
 * The portal API's payments: what the element sends to pay (the request, the consent to texts,
 * each provider's confirmation) and the payment and its refunds as the portal shows them.
 * Type-only, re-exported by portal.ts.
 */
import type { PaymentMethodKind, QuoteInput } from '../quote.ts';
import type { PaymentCard, PaymentFailure, PaymentProviderName, PaymentStatus } from './common.ts';

/**
 * `POST /v1/portal/:token/payments`: the invoices, balance and tip chosen, or an approved
 * estimate's deposit, which is paid on its own (server/payments/create.ts).
 */
export type PaymentRequest = (
  | Omit<QuoteInput, 'method'>
  | { estimate_deposit: { estimate: string } }
) & {
  method: PaymentMethodKind;
  save_payment_method: boolean;
  sms_consent: SmsConsent | null;
  /** A saved card (`pm_…`) chosen instead of a new one. */
  payment_method?: string;
};

/** "Text me payment reminders": the number and the exact consent text the customer saw. */
export interface SmsConsent {
  phone: string;
  text: string;
}

/** A payment as the portal shows it (`POST …/payments`, `GET …/payments[/:id]`, each step). */
export interface PortalPayment {
  id: string;
  object: 'payment';
  status: PaymentStatus;
  /** What was charged: subtotal, tip and fee. */
  amount: number;
  subtotal: number;
  tip: number;
  fee: number;
  currency: string;
  provider: PaymentProviderName;
  method: PaymentMethodKind;
  /** `credit`, `debit`, `prepaid` or `unknown` once the card is known (a card fee is for credit only). */
  funding: string | null;
  card: PaymentCard | null;
  receipt_number: string | null;
  /** The receipt PDF, relative to the API's origin, once the payment succeeded. */
  receipt_url: string | null;
  failure: PaymentFailure | null;
  /** What the customer must do next (`requires_action`): a 3-D Secure step. */
  next_action: { type: string; message: string } | null;
  /**
   * What the browser confirms with; only the answer of `POST …/payments` carries it: Stripe's
   * PaymentIntent client secret, or PayPal's order id (what PayPal's Buttons approve).
   */
  client_secret?: string | null;
  created: string;
  succeeded_at: string | null;
  /** What has been given back of it (refunds succeeded or on their way). */
  amount_refunded: number;
  /** Its refunds, oldest first. */
  refunds: PortalRefund[];
}

/** A refund of a payment, as the customer's bank will show it. */
export interface PortalRefund {
  id: string;
  amount: number;
  status: 'pending' | 'succeeded' | 'failed';
  created: string;
}

/**
 * `POST …/payments/:id/confirm`: the sandbox's test card, bank account, 3-D Secure answer or saved
 * card; or, for Stripe, the ConfirmationToken Stripe.js made, confirmed on the server.
 */
export type PaymentConfirmation =
  | SandboxConfirmation
  | ServerConfirmation
  | SquareConfirmation
  | PayPalConfirmation;

/** PayPal: the order the buyer approved in PayPal's window; the server captures it. */
export interface PayPalConfirmation {
  paypal: { order_id: string };
}

/** Square: the Web Payments SDK's one-time card token; the server authorizes, settles, captures. */
export interface SquareConfirmation {
  /**
   * `source_id`: the Web Payments SDK's one-time token (card `cnon:`, wallet, bank `bnon:`);
   * `verification_token`: what `payments.verifyBuyer()` made for it (3-D Secure / SCA).
   */
  square: { source_id?: string; verification_token?: string };
  /** The new total the customer accepted after a `409 fee_changed`. */
  accept_total?: number;
}

/** Stripe's "finalize payments on the server": the server confirms with this token. */
export interface ServerConfirmation {
  /** `stripe.createConfirmationToken()`'s id; absent when paying with the saved card chosen. */
  confirmation_token?: string;
  /** Where the customer's bank sends them back after a redirect (the page they are on). */
  return_url: string;
  /** The new total the customer accepted after a `409 fee_changed`. */
  accept_total?: number;
}

/** `POST …/payments/:id/confirm` with the sandbox's test form. */
export interface SandboxConfirmation {
  sandbox: SandboxDetails;
  /** The new total the customer accepted after a `409 fee_changed`. */
  accept_total?: number;
}

export type SandboxDetails =
  | { card_number: string; exp_month: number; exp_year: number; cvc: string }
  | { routing_number: string; account_number: string }
  | { three_d_secure: 'approve' | 'fail' }
  | { payment_method: string };
