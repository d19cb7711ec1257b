/** The tables as Kysely sees them. Money columns hold integer minor units; times are ISO 8601 text. */

export interface BusinessTable {
  id: string;
  name: string;
  currency: string;
  locale: string;
  /** JSON of `BusinessSettings` (server/businesses/settings.ts). */
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

// Payments (migration 2026_11_22_0002_payments; docs/payments.md tells the flow).

export type PaymentStatus =
  | 'requires_confirmation'
  | 'processing'
  | 'requires_action'
  | 'succeeded'
  | 'failed'
  | 'canceled';

export interface PaymentTable {
  id: string;
  business_id: string;
  customer_id: string;
  payment_link_id: string | null;
  status: PaymentStatus;
  provider: 'sandbox' | 'stripe';
  /** The PaymentIntent id or the sandbox's id; null until the provider has answered. */
  provider_payment_id: string | null;
  /** Written before the provider is called, so a retry after a crash asks for the same thing. */
  provider_idempotency_key: string;
  currency: string;
  subtotal: number;
  tip: number;
  fee: number;
  total: number;
  method: 'card' | 'us_bank_account';
  funding: 'credit' | 'debit' | 'prepaid' | 'unknown' | null;
  card_brand: string | null;
  card_last4: string | null;
  save_payment_method: number;
  /** Our `pm_…` id of the saved card this payment uses, if any. */
  saved_payment_method_id: string | null;
  receipt_number: string | null;
  failure_code: string | null;
  failure_message: string | null;
  /** JSON of what the customer asked to pay: invoices [{id, amount}], balance_amount, tip. */
  requested: string;
  created_at: string;
  updated_at: string;
  succeeded_at: string | null;
}

/** An in-flight payment's claim on an invoice (or, with a null invoice, on the account balance). */
export interface PaymentHoldTable {
  id: string;
  payment_id: string;
  customer_id: string;
  invoice_id: string | null;
  amount: number;
  /** When the hold lapses if the payment has not moved on; null while money is moving. */
  expires_at: string | null;
}

export interface IdempotencyKeyTable {
  business_id: string;
  key: string;
  request_hash: string;
  payment_id: string | null;
  /** Null while the first request with this key is still running. */
  response_status: number | null;
  response_body: string | null;
  /** When a request last took the key to work on it; null when nobody is working on it. */
  locked_at: string | null;
  created_at: string;
}

export interface ProviderEventTable {
  id: string;
  provider: string;
  type: string;
  payment_id: string | null;
  received_at: string;
}

export interface PaymentMethodTable {
  id: string;
  business_id: string;
  customer_id: string;
  provider: 'sandbox' | 'stripe';
  provider_payment_method_id: string;
  brand: string | null;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
  created_at: string;
  removed_at: string | null;
}

export interface ConsentTable {
  id: string;
  kind: 'sms' | 'save_card';
  business_id: string;
  customer_id: string;
  payment_link_id: string | null;
  payment_id: string | null;
  phone: string | null;
  /** The exact text the customer was shown. */
  text: string;
  client_address: string;
  user_agent: string | null;
  created_at: string;
}

export interface RefundTable {
  id: string;
  business_id: string;
  payment_id: string;
  amount: number;
  status: 'pending' | 'succeeded' | 'failed';
  provider_refund_id: string | null;
  provider_idempotency_key: string;
  failure_message: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProviderCustomerTable {
  customer_id: string;
  provider: 'sandbox' | 'stripe';
  provider_customer_id: string;
  created_at: string;
}

/** The last receipt number given to a business's payments (R-000123). */
export interface ReceiptCounterTable {
  business_id: string;
  last: number;
}

/** The sandbox provider's own book (server/payments/sandbox.ts). */
export interface SandboxPaymentTable {
  id: string;
  idempotency_key: string;
  payment_id: string;
  customer_ref: string;
  amount: number;
  amount_refunded: number;
  currency: string;
  status: PaymentStatus;
  save_payment_method: number;
  method: 'card' | 'us_bank_account' | null;
  funding: 'credit' | 'debit' | 'prepaid' | 'unknown' | null;
  brand: string | null;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
  payment_method_id: string | null;
  failure_code: string | null;
  failure_message: string | null;
  created_at: string;
  updated_at: string;
}

export interface SandboxPaymentMethodTable {
  id: string;
  customer_ref: string;
  card_number: string;
  brand: string;
  last4: string;
  funding: 'credit' | 'debit' | 'prepaid' | 'unknown';
  exp_month: number;
  exp_year: number;
  detached_at: string | null;
  created_at: string;
}

export interface SandboxRefundTable {
  id: string;
  idempotency_key: string;
  sandbox_payment_id: string;
  amount: number;
  created_at: string;
}

export type EmailKind = 'receipt' | 'payment_notice' | 'estimate_decision' | 'question' | 'link';
export type EmailState = 'pending' | 'sent' | 'failed';

/** An email the product sends: kept with its delivery state (server/outbox/outbox.ts). */
export interface OutboxMessageTable {
  id: string;
  business_id: string;
  kind: EmailKind;
  to: string;
  reply_to: string | null;
  subject: string;
  text: string;
  html: string;
  /** The payment a receipt or notice tells of; a receipt goes out with its PDF attached. */
  payment_id: string | null;
  state: EmailState;
  attempts: number;
  last_error: string | null;
  /** When the delivery loop may try (again); null once sent or given up. */
  next_attempt_at: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

// Estimate decisions (migration 2026_11_22_0004_estimate_decisions; server/estimates/decisions.ts).

export type EstimateDecisionKind = 'approved' | 'declined';

/** A customer's one decision on an estimate, with the signature and where it came from. */
export interface EstimateDecisionTable {
  estimate_id: string;
  business_id: string;
  decision: EstimateDecisionKind;
  /** How an approval was signed; null for a decline. */
  signature_type: 'typed' | 'drawn' | null;
  /** The typed name, or the name given beside a drawn signature. */
  signer_name: string | null;
  /** The drawn signature's PNG bytes. */
  signature_png: Buffer | null;
  /** Why it was declined, if the customer said. */
  reason: string | null;
  payment_link_id: string | null;
  client_address: string;
  user_agent: string | null;
  decided_at: string;
  /** The invoice an approved estimate became (POST /v1/estimates/:id/invoice). */
  invoice_id: string | null;
  invoiced_at: string | null;
}

export interface EstimateQuestionTable {
  id: string;
  business_id: string;
  estimate_id: string;
  payment_link_id: string | null;
  message: string;
  client_address: string;
  user_agent: string | null;
  /** The outbox message that took it to the business, or null when it has no address. */
  email_id: string | null;
  created_at: string;
}

/** The deposit part of a recorded payment (server/estimates/deposits.ts). */
export interface EstimateDepositTable {
  payment_id: string;
  business_id: string;
  customer_id: string;
  estimate_id: string;
  amount: number;
  /** The invoice it was credited to when the estimate became one. */
  invoice_id: string | null;
  /** What was credited then (the deposit less anything refunded of it). */
  credited: number | null;
  created_at: string;
  credited_at: string | null;
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
  payments: PaymentTable;
  payment_holds: PaymentHoldTable;
  idempotency_keys: IdempotencyKeyTable;
  provider_events: ProviderEventTable;
  payment_methods: PaymentMethodTable;
  consents: ConsentTable;
  refunds: RefundTable;
  provider_customers: ProviderCustomerTable;
  sandbox_payments: SandboxPaymentTable;
  sandbox_payment_methods: SandboxPaymentMethodTable;
  sandbox_refunds: SandboxRefundTable;
  receipt_counters: ReceiptCounterTable;
  outbox_messages: OutboxMessageTable;
  estimate_decisions: EstimateDecisionTable;
  estimate_questions: EstimateQuestionTable;
  estimate_deposits: EstimateDepositTable;
}
