/** Payments and their holds, keys, saved methods, consents and refunds (migration 0002; docs/payments.md). */
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
  provider: 'sandbox' | 'stripe' | 'square' | 'paypal';
  /** The PaymentIntent id or the sandbox's id; null until the provider has answered. */
  provider_payment_id: string | null;
  /** Written before the provider is called, so a retry after a crash asks for the same thing. */
  provider_idempotency_key: string;
  /** Changes asked of the provider so far (a new amount): the next one's key is `:change:<n+1>`. */
  provider_changes: number;
  currency: string;
  subtotal: number;
  tip: number;
  fee: number;
  total: number;
  method: 'card' | 'us_bank_account' | 'paypal';
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
  provider: 'sandbox' | 'stripe' | 'square' | 'paypal';
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
  /** SMS consent: `portal` when null (the customer's box), else what staff named as its source. */
  source: string | null;
  /** `staff` for a consent staff recorded through the API. */
  recorded_by: string | null;
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
  /** Why staff refunded, in their words; for the business's records only. */
  reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProviderCustomerTable {
  customer_id: string;
  provider: 'sandbox' | 'stripe' | 'square' | 'paypal';
  provider_customer_id: string;
  created_at: string;
}

/** The last receipt number given to a business's payments (R-000123). */
export interface ReceiptCounterTable {
  business_id: string;
  last: number;
}

/** A cardholder's dispute of a payment (migration 2026_12_04_0002; server/payments/disputes.ts). */
export interface DisputeTable {
  provider_dispute_id: string;
  business_id: string;
  payment_id: string;
  amount: number;
  /** The provider's reason: `fraudulent`, `product_not_received`, `general`… */
  reason: string;
  /** The provider's status: `warning_needs_response`, `needs_response`, `under_review`, `won`, `lost`… */
  status: string;
  /** 1 while the dispute's funds are withdrawn from the business (posted to the ledger). */
  funds_withdrawn: number;
  /** Square's `version` of the dispute last applied (migration 2026_12_06_0201); null for Stripe. */
  provider_version: number | null;
  created_at: string;
  updated_at: string;
}
