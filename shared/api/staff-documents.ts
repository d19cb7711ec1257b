/**
 * The staff API's invoices and estimates (`/v1/invoices`, `/v1/estimates`): their lines,
 * discounts, decisions, questions and activity. Type-only, re-exported by ./staff.ts, which
 * test/contract/contract.test.ts checks against the server's zod schemas.
 */
import type { EstimateStatus, InvoiceStatus, PaymentMethodKind } from './common.ts';

/** A line of an invoice or an estimate; amount and tax are computed by the server. */
export interface DocumentLine {
  id: string;
  description: string;
  quantity: number;
  unit_amount: number;
  /** Basis points: 825 is 8.25 %. */
  tax_rate: number;
  /** quantity × unit_amount */
  amount: number;
  /** The line's share of the invoice's discount (0 without one; always 0 on an estimate). */
  discount: number;
  /** (amount − discount) × tax_rate, rounded half away from zero. */
  tax: number;
}

/** An invoice's discount as staff ask for it: an amount off, or a rate off (basis points). */
export type DiscountInput =
  | { type: 'amount'; amount: number; description?: string | null }
  | { type: 'percent'; rate: number; description?: string | null };

/** An invoice's discount: what was asked for and what it came to (shared/discount.ts). */
export interface Discount {
  type: 'amount' | 'percent';
  /** Basis points, for `percent`. */
  rate: number | null;
  amount: number;
  description: string | null;
}

/** A line as staff send it, to `POST /v1/invoices` and `PATCH /v1/invoices/:id`. */
export interface DocumentLineInput {
  description: string;
  quantity: number;
  /** Price of one unit in minor units, before tax. */
  unit_amount: number;
  /** Basis points: 825 is 8.25 %. */
  tax_rate?: number;
}

/** `PATCH /v1/invoices/:id`: what changes in a draft; `lines` replaces them all. */
export interface DraftInvoiceChanges {
  lines?: DocumentLineInput[];
  due_date?: string | null;
  notes?: string | null;
  /** A new discount, or null to remove it. */
  discount?: DiscountInput | null;
}

export interface Invoice {
  id: string;
  object: 'invoice';
  number: string;
  customer: string;
  status: InvoiceStatus;
  currency: string;
  lines: DocumentLine[];
  subtotal: number;
  discount: Discount | null;
  /** On the subtotal less the discount. */
  tax: number;
  /** subtotal − discount + tax */
  total: number;
  /** Payments applied to the invoice, less refunds. Account credit is not a payment. */
  amount_paid: number;
  /** The customer's account credit applied to the invoice; given back if it is voided. */
  amount_credited: number;
  amount_due: number;
  due_date: string | null;
  notes: string | null;
  created: string;
  voided_at: string | null;
}

export interface Estimate {
  id: string;
  object: 'estimate';
  number: string;
  customer: string;
  status: EstimateStatus;
  currency: string;
  lines: DocumentLine[];
  subtotal: number;
  tax: number;
  total: number;
  valid_until: string;
  /** valid_until is before today (UTC). */
  expired: boolean;
  deposit_percent: number | null;
  deposit_amount: number;
  terms: string | null;
  created: string;
  /** Deposit payments recorded for it, less refunds. */
  deposit_paid: number;
  /** The customer's approval (with the signature) or decline; null while pending. */
  decision: EstimateDecisionRecord | null;
  /** The invoice it became (`POST /v1/estimates/:id/invoice`). */
  invoice: string | null;
}

export interface EstimateDecisionRecord {
  decision: 'approved' | 'declined';
  decided_at: string;
  signature: {
    type: 'typed' | 'drawn';
    name: string | null;
    /** The drawn signature as a PNG (same Bearer key); null when typed. */
    image_url: string | null;
  } | null;
  reason: string | null;
  client_address: string;
  user_agent: string | null;
  payment_link: string | null;
}

/** `GET /v1/estimates/:id/questions`: what the customer asked. */
export interface EstimateQuestion {
  id: string;
  object: 'estimate_question';
  message: string;
  client_address: string;
  user_agent: string | null;
  /** False when the business has no email address. */
  emailed: boolean;
  created: string;
}

/** `GET /v1/invoices/:id/events`: one thing that happened to an invoice (a `List`, oldest first). */
export interface InvoiceEvent {
  object: 'invoice_event';
  type: 'created' | 'sent' | 'viewed' | 'reminder' | 'payment' | 'refund' | 'question' | 'voided';
  created: string;
  /** `sent`: `email` or `sms`. */
  channel: string | null;
  /** `payment`: what it applied to this invoice; `refund`: what it gave back. */
  amount: number | null;
  method: PaymentMethodKind | null;
  payment: string | null;
  receipt_number: string | null;
  /** `question`: what the customer asked. */
  message: string | null;
  /** The payment link it came through. */
  link: string | null;
}
