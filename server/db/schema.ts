/** The tables as Kysely sees them. Money columns hold integer minor units; times are ISO 8601 text. */
import type { Generated } from 'kysely';

export interface BusinessTable {
  id: string;
  name: string;
  currency: string;
  locale: string;
  /** JSON of `BusinessSettings` (server/settings.ts). */
  settings: string;
  api_key_hash: string;
  invoice_counter: number;
  estimate_counter: number;
  created_at: string;
}

export interface CustomerTable {
  id: string;
  business_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  external_id: string | null;
  /** JSON of the postal address, or null. */
  address: string | null;
  created_at: string;
  updated_at: string;
}

export type LedgerKind = 'charge' | 'credit' | 'payment' | 'refund' | 'tip' | 'fee' | 'adjustment';

export interface LedgerEntryTable {
  id: string;
  business_id: string;
  customer_id: string;
  /** Position in the customer's ledger, 1, 2, 3…; unique per customer. */
  seq: number;
  kind: LedgerKind;
  /** Effect on what the customer owes, tax included: positive for charges, negative for payments. */
  amount: number;
  /** The part of `amount` that is tax. */
  tax: number;
  description: string;
  /** The business date of the entry (YYYY-MM-DD). */
  date: string;
  invoice_id: string | null;
  payment_id: string | null;
  /** The customer's balance after this entry: the running sum, so reading a balance is one row. */
  balance_after: number;
  created_at: string;
}

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
  due_date: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
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
  tax: number;
}

export type EstimateStatus = 'pending' | 'approved' | 'declined';

export interface EstimateTable {
  id: string;
  business_id: string;
  customer_id: string;
  number: string;
  status: EstimateStatus;
  currency: string;
  subtotal: number;
  tax: number;
  total: number;
  valid_until: string;
  deposit_percent: number | null;
  deposit_amount: number;
  terms: string | null;
  created_at: string;
  updated_at: string;
}

export type PaymentLinkKind = 'customer' | 'invoice' | 'estimate';
export type PaymentLinkStatus = 'active' | 'revoked';

export interface PaymentLinkTable {
  id: string;
  business_id: string;
  customer_id: string;
  kind: PaymentLinkKind;
  invoice_id: string | null;
  estimate_id: string | null;
  /** SHA-256 of the token, hex: the only form in which a token is looked up. */
  token_hash: string;
  /** The token sealed with the server's secret, so staff can show and send the link again. */
  token_sealed: string;
  status: PaymentLinkStatus;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export type LinkEventType =
  | 'created'
  | 'copied'
  | 'sent'
  | 'viewed'
  | 'payment_made'
  | 'regenerated'
  | 'revoked';

export interface LinkEventTable {
  id: string;
  business_id: string;
  payment_link_id: string;
  type: LinkEventType;
  channel: string | null;
  /** JSON with what else the event knows, or null. */
  detail: string | null;
  created_at: string;
}

export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}

export interface Database {
  businesses: BusinessTable;
  customers: CustomerTable;
  ledger_entries: LedgerEntryTable;
  invoices: InvoiceTable;
  invoice_lines: DocumentLineTable;
  estimates: EstimateTable;
  estimate_lines: DocumentLineTable;
  payment_links: PaymentLinkTable;
  link_events: LinkEventTable;
  rate_limits: RateLimitTable;
}

export type { Generated };
