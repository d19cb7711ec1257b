/**
 * What the staff and the portal API have in common: lists, errors, branding and the states both
 * show. Type-only, like the rest of shared/api/: the browser carries no schema library, and the
 * server's zod schemas are checked against these types by test/contract/contract.test.ts.
 */
import type { ConvenienceFee } from '../quote.ts';

export type { ConvenienceFee, PaymentMethodKind, TipChoice } from '../quote.ts';

/** A page of a list, newest first unless the route says otherwise (`limit`, `starting_after`). */
export interface List<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
}

/** The `error` of every error answer (`{"error": {…}}`); some codes add fields of their own. */
export interface ApiErrorBody {
  type: string;
  code: string;
  message: string;
  param: string | null;
}

export interface ErrorAnswer {
  error: ApiErrorBody;
}

/** Decided by the balance in minor units: 0, below 0 (account credit), above 0. */
export type BalanceState = 'zero' | 'credit' | 'outstanding';

export type LinkKind = 'customer' | 'invoice' | 'estimate';

export type InvoiceStatus = 'draft' | 'open' | 'viewed' | 'partially_paid' | 'paid' | 'void';

export type EstimateStatus = 'pending' | 'approved' | 'declined';

export type PaymentStatus =
  | 'requires_confirmation'
  | 'processing'
  | 'requires_action'
  | 'succeeded'
  | 'failed'
  | 'canceled';

export type PaymentProviderName = 'sandbox' | 'stripe' | 'square' | 'paypal';

/** The business's branding, as its settings keep it and the portal shows it. */
export interface Branding {
  logo_url: string | null;
  /** `#rrggbb`; the default blue until the business sets one. */
  brand_color: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

/** The tips a business offers: whole percentages, and whether a custom amount is allowed. */
export interface TipOptions {
  enabled: boolean;
  percentages: number[];
  custom: boolean;
}

/** Whether a customer may pay part of an invoice or balance, and the least part (minor units). */
export interface PartialPayments {
  enabled: boolean;
  minimum: number;
}

/** The convenience fee of each payment method; null when the business charges none. */
export interface ConvenienceFees {
  card: ConvenienceFee | null;
  us_bank_account: ConvenienceFee | null;
  /** Paid through PayPal (or Venmo): none unless the business sets one. */
  paypal: ConvenienceFee | null;
}

/** The card a payment was made with, once the provider knows it. */
export interface PaymentCard {
  brand: string | null;
  last4: string;
}

/** Why a payment failed, in the customer's words (English). */
export interface PaymentFailure {
  code: string;
  message: string;
}
