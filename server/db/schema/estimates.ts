/** Estimates, the customer's decisions and questions, and deposits (migrations 0001 and 0004). */
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
