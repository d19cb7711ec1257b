/**
 * The portal API (`/v1/portal/:token/…`): what the element sends and what it is answered, once
 * for the element and the server. Type-only: the browser bundle carries no schema library, and
 * the server validated everything it sends. test/contract/contract.test.ts checks each type
 * against the server's zod schema (server/portal/schemas.ts, server/routes/portal/*.ts). The
 * documents and decisions are in portal-documents.ts, the payments in portal-payments.ts; both
 * are re-exported here.
 */
import type { PaymentMethodKind, QuoteInput } from '../quote.ts';
import type {
  BalanceState,
  Branding,
  ConvenienceFee,
  EstimateStatus,
  InvoiceStatus,
  LinkKind,
  PartialPayments,
  PaymentProviderName,
  TipOptions,
} from './common.ts';
import type { PortalEstimateLine } from './portal-documents.ts';

export type {
  ApiErrorBody,
  BalanceState,
  Branding,
  ConvenienceFee,
  ErrorAnswer,
  EstimateStatus,
  InvoiceStatus,
  LinkKind,
  List,
  PartialPayments,
  PaymentCard,
  PaymentFailure,
  PaymentMethodKind,
  PaymentProviderName,
  PaymentStatus,
  TipChoice,
  TipOptions,
} from './common.ts';

/** `GET /v1/portal/:token`: everything the element needs to draw the portal, in one answer. */
export interface Portal {
  object: 'portal';
  link: { kind: LinkKind; expires: string | null };
  business: PortalBusiness;
  /**
   * `phone`: the number on file, to start "Text me payment reminders" with (null: none).
   * `locale`: the language the business chose for the customer ('en', 'es'), the element's
   * default over the browser's; null: none chosen.
   */
  customer: { name: string; phone: string | null; locale: 'en' | 'es' | null };
  currency: string;
  locale: string;
  /** The business's IANA zone: moments (paid at, sent at) are shown on its clock. */
  time_zone: string;
  balance: { amount: number; state: BalanceState };
  /** Account charges that no invoice holds (paid as `balance_amount`). */
  balance_due: number;
  /** The first 10 open invoices, oldest first; the rest through `GET …/invoices` (25 at a time). */
  invoices: PortalInvoice[];
  /** Every invoice the link reaches: how many, what they owe, whether `invoices` lacks some. */
  invoices_summary: InvoicesSummary;
  estimates: PortalEstimate[];
  tip_options: TipOptions;
  partial_payments: PartialPayments;
  payment_methods: PaymentMethodOption[];
  /** The card provider (also first in `providers`). */
  provider: PortalProvider;
  /** Every provider this portal takes payments with: the card provider, then PayPal if set up. */
  providers: (PortalProvider | PortalPayPal)[];
  saved_payment_methods: SavedPaymentMethod[];
}

export interface InvoicesSummary {
  count: number;
  amount_due: number;
  has_more: boolean;
}

export interface PortalBusiness extends Branding {
  name: string;
}

/** An invoice the link reaches, open or (on an invoice link) paid. */
export interface PortalInvoice {
  id: string;
  number: string;
  /** Calendar date (`YYYY-MM-DD`) it was issued. */
  date: string;
  due_date: string | null;
  status: InvoiceStatus;
  total: number;
  amount_due: number;
  /** Whole days past the due date while something is due (0: not overdue). */
  days_overdue: number;
  /** The invoice's PDF, relative to the API's origin. */
  pdf_url: string;
}

/** An estimate on the link, as `<pay-portal-estimate>` shows it. */
export interface PortalEstimate {
  id: string;
  number: string;
  date: string;
  valid_until: string;
  status: EstimateStatus;
  /** Past its valid-until day: it can no longer be approved or declined. */
  expired: boolean;
  subtotal: number;
  tax: number;
  total: number;
  /** The deposit asked on approval (0: none). */
  deposit_amount: number;
  /** What of the deposit is still to pay: 0 once paid, declined or turned into an invoice. */
  deposit_due: number;
  terms: string | null;
  /** The decision, without the signature, address or user agent; null while pending. */
  decision: { status: 'approved' | 'declined'; decided_at: string } | null;
  /** The estimate's PDF, relative to the API's origin. */
  pdf_url: string;
  lines: PortalEstimateLine[];
}

/** A way to pay the business takes, with its convenience fee (null: none) and who takes it. */
export interface PaymentMethodOption {
  type: PaymentMethodKind;
  fee: ConvenienceFee | null;
  provider: PaymentProviderName;
}

/** PayPal beside the card provider: what its JS SDK needs (the client id is public). */
export interface PortalPayPal {
  name: 'paypal';
  client_id: string;
  /** The business's currency, upper case, as PayPal's SDK takes it (`USD`). */
  currency: string;
  /** PayPal offers Venmo to US buyers paying in USD. */
  venmo: boolean;
  test_mode: boolean;
}

/** The sandbox (always test mode) or Stripe with the publishable key Stripe.js needs. */
export type PortalProvider =
  | { name: 'sandbox'; test_mode: boolean }
  | { name: 'stripe'; publishable_key: string; test_mode: boolean }
  | { name: 'square'; application_id: string; location_id: string; test_mode: boolean };

/** A card saved with the provider; the provider may not tell the brand, last four or expiry. */
export interface SavedPaymentMethod {
  id: string;
  brand: string | null;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
}

/** `GET /v1/portal/:token/invoices?starting_after=&limit=`: a page of open invoices. */
export interface PortalInvoicesQuery {
  /** The last invoice already shown; none: the first page. */
  starting_after?: string;
  /** 1 to 100; 25 by default. */
  limit?: number;
}

/** `GET /v1/portal/:token/charges`: a recent billing line item; `amount` excludes `tax`. */
export interface PortalCharge {
  id: string;
  amount: number;
  tax: number;
  description: string;
  date: string;
}

/** `POST /v1/portal/:token/quote`: the invoices, balance, tip and method chosen. */
export type QuoteRequest = QuoteInput;

/** The server's figures for a `QuoteRequest`, the ones a payment would charge. */
export interface PortalQuote {
  object: 'quote';
  subtotal: number;
  tip: number;
  fee: number;
  total: number;
  currency: string;
}

export type * from './portal-documents.ts';
export type * from './portal-payments.ts';
