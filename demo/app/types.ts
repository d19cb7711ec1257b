/** The staff API's answers, as far as the demo page reads them. */

export type BalanceState = 'zero' | 'credit' | 'outstanding';

export interface Customer {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  created: string;
}

export interface Balance {
  amount: number;
  currency: string;
  state: BalanceState;
}

export interface Invoice {
  id: string;
  number: string;
  status: 'draft' | 'open' | 'viewed' | 'partially_paid' | 'paid' | 'void';
  total: number;
  amount_due: number;
  due_date: string | null;
  created: string;
}

export interface PaymentLink {
  id: string;
  kind: 'customer' | 'invoice' | 'estimate';
  customer: string;
  invoice: string | null;
  estimate: string | null;
  url: string | null;
  status: 'active' | 'revoked' | 'expired';
  expires: string | null;
  created: string;
}

export interface LinkEvent {
  id: string;
  type: 'created' | 'copied' | 'sent' | 'viewed' | 'payment_made' | 'regenerated' | 'revoked';
  channel: string | null;
  created: string;
  detail: Record<string, unknown> | null;
}

export interface Fee {
  percent_bps: number;
  fixed: number;
}

export interface Settings {
  name: string;
  currency: string;
  locale: string;
  branding: {
    logo_url: string | null;
    brand_color: string;
    address: string | null;
    phone: string | null;
    email: string | null;
  };
  tips: { enabled: boolean; percentages: number[]; custom: boolean };
  partial_payments: { enabled: boolean; minimum: number };
  convenience_fees: { card: Fee | null; us_bank_account: Fee | null };
  allowed_origins: string[];
  notification_email: string | null;
}

export interface Payment {
  id: string;
  customer: string;
  status: string;
  amount: number;
  subtotal: number;
  tip: number;
  fee: number;
  currency: string;
  provider: string;
  method: 'card' | 'us_bank_account';
  card: { brand: string | null; last4: string } | null;
  receipt_number: string | null;
  amount_refunded: number;
  created: string;
}

export interface Email {
  id: string;
  kind: string;
  to: string;
  subject: string;
  state: 'pending' | 'sent' | 'failed';
  created: string;
}

export interface Embed {
  script: { url: string; integrity: string };
  module: { url: string; integrity: string };
  snippets: { script_tag: string; script_tag_pinned: string | null; iframe: string };
}

export interface EstimateLine {
  id: string;
  description: string;
  quantity: number;
  unit_amount: number;
  tax_rate: number;
  amount: number;
  tax: number;
}

export interface EstimateDecision {
  decision: 'approved' | 'declined';
  decided_at: string;
  signature: { type: 'typed' | 'drawn'; name: string | null; image_url: string | null } | null;
  reason: string | null;
  client_address: string;
  user_agent: string | null;
  payment_link: string | null;
}

export interface Estimate {
  id: string;
  number: string;
  customer: string;
  status: 'pending' | 'approved' | 'declined';
  lines: EstimateLine[];
  subtotal: number;
  tax: number;
  total: number;
  valid_until: string;
  expired: boolean;
  deposit_percent: number | null;
  deposit_amount: number;
  deposit_paid: number;
  terms: string | null;
  created: string;
  decision: EstimateDecision | null;
  /** The invoice it became. */
  invoice: string | null;
}

export interface EstimateQuestion {
  id: string;
  message: string;
  emailed: boolean;
  created: string;
}
