/**
 * The portal API's documents and decisions: estimate approvals, declines and questions, and an
 * invoice shown as a document with its questions. Type-only, re-exported by portal.ts.
 */
import type { PaymentMethodKind } from '../quote.ts';
import type { InvoiceStatus } from './common.ts';

/** A typed name, or a drawn signature as a PNG data URL (at most 200 KB of PNG). */
export type SignatureInput =
  | { type: 'typed'; name: string }
  | { type: 'drawn'; image_png: string; name?: string };

/** `POST …/estimates/:id/approve`. */
export interface EstimateApproval {
  signature: SignatureInput;
}

/** `POST …/estimates/:id/decline`. */
export interface EstimateDecline {
  reason?: string | null;
}

/** `POST …/estimates/:id/questions`. */
export interface EstimateQuestionInput {
  message: string;
}

/** The answer to an approval or a decline: the decision, and the deposit to pay now, if any. */
export interface PortalEstimateDecision {
  object: 'estimate_decision';
  estimate: string;
  status: 'approved' | 'declined';
  decided_at: string;
  signature: { type: 'typed' | 'drawn'; name: string | null } | null;
  reason: string | null;
  deposit_required: { amount: number; currency: string } | null;
}

/** The answer to a question: on its way to the business. */
export interface EstimateQuestionSent {
  object: 'estimate_question';
  id: string;
  estimate: string;
  message: string;
  created: string;
}

/** A postal address as the business keeps it for a customer; any part may be missing. */
export interface PostalAddress {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  country?: string | null;
}

/** `GET …/invoices/:id/document`: the invoice as a document, for the invoice view. */
export interface PortalInvoiceDocument {
  object: 'invoice_document';
  id: string;
  number: string;
  status: InvoiceStatus;
  currency: string;
  /** Calendar date (`YYYY-MM-DD`) it was issued. */
  date: string;
  due_date: string | null;
  /** Whole days past the due date while something is due (0: not overdue). */
  days_overdue: number;
  customer: { name: string; email: string | null; address: PostalAddress | null };
  lines: PortalEstimateLine[];
  subtotal: number;
  /** Taken off the subtotal before tax; null without one. */
  discount: { amount: number; description: string | null; rate: number | null } | null;
  /** Tax by rate (basis points), lowest rate first; `taxable` is after the discount. */
  taxes: { rate: number; taxable: number; amount: number }[];
  tax: number;
  total: number;
  /** What was applied to the invoice, oldest first; `amount` is what it took off (a refund < 0). */
  applied: InvoiceApplied[];
  amount_paid: number;
  amount_credited: number;
  amount_due: number;
  notes: string | null;
  /** The business's payment terms. */
  terms: string | null;
  /** The invoice's PDF, relative to the API's origin. */
  pdf_url: string;
}

export interface InvoiceApplied {
  kind: 'payment' | 'credit' | 'refund' | 'adjustment';
  description: string;
  amount: number;
  date: string;
  method: PaymentMethodKind | null;
  receipt_number: string | null;
  /** The receipt PDF, relative to the API's origin, where this link may open it. */
  receipt_url: string | null;
}

/** `POST …/invoices/:id/questions`. */
export interface InvoiceQuestionInput {
  message: string;
}

/** The answer to a question about an invoice: on its way to the business. */
export interface InvoiceQuestionSent {
  object: 'invoice_question';
  id: string;
  invoice: string;
  message: string;
  created: string;
}

export interface PortalEstimateLine {
  description: string;
  quantity: number;
  unit_amount: number;
  /** Basis points: 825 is 8.25 %. */
  tax_rate: number;
  amount: number;
  tax: number;
}
