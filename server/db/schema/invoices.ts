/** Invoices, and the lines of invoices and estimates (migration 2026_11_22_0001_ledger). */
export type InvoiceStatus = 'draft' | 'open' | 'viewed' | 'partially_paid' | 'paid' | 'void';

export interface InvoiceTable {
  id: string;
  business_id: string;
  customer_id: string;
  number: string;
  status: InvoiceStatus;
  currency: string;
  subtotal: number;
  tax: number;
  total: number;
  /** Issue 11 (migration 2026_12_06_0601): what staff asked for, null without a discount. */
  discount_type: 'amount' | 'percent' | null;
  /** Basis points off, for a percent discount. */
  discount_rate: number | null;
  /** What the discount came to, in minor units (0 without one): total = subtotal − this + tax. */
  discount_amount: number;
  discount_description: string | null;
  due_date: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  /**
   * Issue 13 (migration 2026_12_07_0101): the sum of the invoice's ledger entries, what it still
   * asks for (below zero when more came in than it asked). Kept by appendEntries
   * (server/ledger/entries.ts) in the transaction that adds each entry; the portal's lists read
   * it instead of summing entries. Amount due is this, never below zero.
   */
  balance: number;
}

export interface DocumentLineTable {
  id: string;
  /** The invoice or estimate this line belongs to. */
  document_id: string;
  position: number;
  description: string;
  quantity: number;
  unit_amount: number;
  /** Basis points: 825 is 8.25 %. */
  tax_rate: number;
  amount: number;
  /** This line's share of the invoice's discount (0 on estimates), taken off before its tax. */
  discount: number;
  tax: number;
}

/** A question a customer asked about an invoice (migration 2026_12_04_0005_invoice_questions). */
export interface InvoiceQuestionTable {
  id: string;
  business_id: string;
  invoice_id: string;
  payment_link_id: string | null;
  message: string;
  client_address: string;
  user_agent: string | null;
  /** The outbox message that took it to the business, or null when it has no address. */
  email_id: string | null;
  created_at: string;
}
