/** The sandbox provider's own book (server/payments/sandbox.ts), kept as a real provider keeps its own. */
import type { PaymentStatus } from './payments.ts';

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
