/**
 * What the portal API answers, as the element reads it (notes/portal-contract.md). Plain types:
 * the browser bundle carries no schema library; the server validated everything it sends.
 */
import type { ConvenienceFee, PaymentMethodKind } from '../../shared/quote.ts';

export type LinkKind = 'customer' | 'invoice' | 'estimate';
export type BalanceState = 'zero' | 'credit' | 'outstanding';

export interface PortalInvoice {
  id: string;
  number: string;
  date: string;
  due_date: string | null;
  status: 'open' | 'viewed' | 'partially_paid' | 'paid' | 'void';
  total: number;
  amount_due: number;
  pdf_url: string;
}

/** An estimate on the link, as `<pay-portal-estimate>` shows it. */
export interface PortalEstimate {
  id: string;
  number: string;
  date: string;
  valid_until: string;
  status: 'pending' | 'approved' | 'declined';
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
  /** The decision, without the signature, address or user agent. */
  decision: { status: 'approved' | 'declined'; decided_at: string } | null;
  /** The estimate's PDF, relative to the API's origin. */
  pdf_url: string;
  lines: {
    description: string;
    quantity: number;
    unit_amount: number;
    tax_rate: number;
    amount: number;
    tax: number;
  }[];
}

export interface PortalBusiness {
  name: string;
  logo_url: string | null;
  brand_color: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface SavedPaymentMethod {
  id: string;
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

export interface Portal {
  object: 'portal';
  link: { kind: LinkKind; expires: string | null };
  business: PortalBusiness;
  customer: { name: string };
  currency: string;
  locale: string;
  balance: { amount: number; state: BalanceState };
  balance_due: number;
  invoices: PortalInvoice[];
  estimates: PortalEstimate[];
  tip_options: { enabled: boolean; percentages: number[]; custom: boolean };
  partial_payments: { enabled: boolean; minimum: number };
  payment_methods: { type: PaymentMethodKind; fee: ConvenienceFee | null }[];
  provider: { name: string; test_mode: boolean; publishable_key?: string };
  saved_payment_methods: SavedPaymentMethod[];
}

export interface RecentCharge {
  id: string;
  amount: number;
  tax: number;
  description: string;
  date: string;
}

export interface ServerQuote {
  object: 'quote';
  subtotal: number;
  tip: number;
  fee: number;
  total: number;
  currency: string;
}

/** A payment as the portal API answers it (`GET /v1/portal/:token/payments[/:id]`). */
export interface PortalPayment {
  id: string;
  status:
    | 'requires_confirmation'
    | 'processing'
    | 'requires_action'
    | 'succeeded'
    | 'failed'
    | 'canceled';
  /** What was charged: subtotal, tip and fee. */
  amount: number;
  subtotal?: number;
  tip?: number;
  fee?: number;
  currency: string;
  method: PaymentMethodKind;
  /** `credit`, `debit`, `prepaid` or `unknown` once the card is known (a card fee is for credit only). */
  funding?: string | null;
  card?: { brand: string | null; last4: string } | null;
  receipt_number: string | null;
  /** The receipt PDF, relative to the API's origin, once the payment succeeded. */
  receipt_url: string | null;
  /** Why a payment failed, in the customer's words (English). */
  failure?: { code: string; message: string } | null;
  /** Stripe: what Stripe.js confirms with (`POST …/payments` answers it). */
  client_secret?: string | null;
  created: string;
  succeeded_at?: string | null;
}

export interface List<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
}
