/**
 * The staff API's answers (`Authorization: Bearer <secret key>`), as the demo page reads them and
 * the server gives them. Type-only; test/contract/contract.test.ts checks each type against the
 * server's zod schema (server/routes/staff/*.ts) or, where a route has none, its view function.
 */
import type {
  BalanceState,
  EstimateStatus,
  InvoiceStatus,
  LinkKind,
  PaymentCard,
  PaymentFailure,
  PaymentMethodKind,
  PaymentProviderName,
  PaymentStatus,
} from './common.ts';

export type {
  Email,
  EmailDetail,
  EmailKind,
  Embed,
  EmbedFile,
  ReminderSettings,
  Settings,
} from './business.ts';
export type {
  ApiErrorBody,
  BalanceState,
  Branding,
  ConvenienceFee,
  ConvenienceFees,
  ErrorAnswer,
  EstimateStatus,
  InvoiceStatus,
  LinkKind,
  List,
  PartialPayments,
  PaymentCard,
  PaymentFailure,
  PaymentMethodKind,
  PaymentProviderName,
  PaymentStatus,
  TipOptions,
} from './common.ts';
export type {
  DeliveryState,
  OutboxLogEntry,
  OutboxMessage,
  OutboxMessageDetail,
  SmsConsent,
  TextKind,
  TextMessage,
  TextMessageDetail,
} from './outbox.ts';
export type {
  EventType,
  NewWebhookEndpoint,
  ResendRequest,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointChanges,
  WebhookEndpointWithSecret,
  WebhookEvent,
  WebhookEventDetail,
} from './webhooks.ts';

export interface Customer {
  id: string;
  object: 'customer';
  name: string;
  email: string | null;
  phone: string | null;
  /** The business's own id for the customer. */
  external_id: string | null;
  address: CustomerAddress | null;
  /** The language the customer is written to in; null: the business's. */
  locale: 'en' | 'es' | null;
  /** IANA time zone the customer lives in (quiet hours for texts); null: the business's. */
  time_zone: string | null;
  created: string;
}

export interface CustomerAddress {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
}

/** `GET /v1/customers/:id/payment_methods`: a card the customer saved when paying. */
export interface SavedCard {
  id: string;
  object: 'payment_method';
  customer: string;
  provider: PaymentProviderName;
  brand: string | null;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
  created: string;
}

/** `GET /v1/customers/:id/entries`: one line of the account statement, newest first. */
export interface StatementEntry {
  id: string;
  object: 'ledger_entry';
  kind: 'charge' | 'credit' | 'payment' | 'refund' | 'tip' | 'fee' | 'adjustment';
  /** Effect on what the customer owes, tax included: + owed, − paid or credited. */
  amount: number;
  tax: number;
  description: string;
  date: string;
  invoice: string | null;
  invoice_number: string | null;
  payment: string | null;
  /** The running balance after this entry. */
  balance_after: number;
  /** Staff (charges, credits, voids, refunds) or the customer (a payment). */
  added_by: 'staff' | 'customer';
  /** The person at the business who added it, when the staff call named them (`added_by_name`). */
  added_by_name: string | null;
  created: string;
}

/** `GET /v1/customers/:id/balance`. */
export interface Balance {
  object: 'balance';
  customer: string;
  amount: number;
  currency: string;
  state: BalanceState;
}

/** A charge (`amount` excludes `tax`) or a credit (the positive sum credited) on the account. */
export interface LedgerEntry {
  id: string;
  object: 'charge' | 'credit';
  customer: string;
  amount: number;
  tax: number;
  currency: string;
  description: string;
  date: string;
  invoice: string | null;
  /** The person at the business who added it, as the request's `added_by_name` gave it. */
  added_by_name: string | null;
  created: string;
}

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

export interface PaymentLink {
  id: string;
  object: 'payment_link';
  kind: LinkKind;
  customer: string;
  invoice: string | null;
  estimate: string | null;
  /** The link to give the customer; null only if APP_SECRET changed since. */
  url: string | null;
  status: 'active' | 'revoked' | 'expired';
  expires: string | null;
  created: string;
}

export type LinkEventType =
  | 'created'
  | 'copied'
  | 'sent'
  | 'viewed'
  | 'payment_made'
  | 'regenerated'
  | 'revoked'
  | 'reminder';

export interface LinkEvent {
  id: string;
  object: 'link_event';
  type: LinkEventType;
  channel: string | null;
  created: string;
  detail: Record<string, unknown> | null;
}

/** `POST /v1/payment_links/:id/send`: the `sent` event, naming the queued email or text. */
export interface SentLinkEvent {
  id: string;
  object: 'link_event';
  type: 'sent';
  channel: 'email' | 'sms';
  created: string;
  detail: { to: string; message: string };
}

export interface Payment {
  id: string;
  object: 'payment';
  customer: string;
  payment_link: string | null;
  status: PaymentStatus;
  /** What was charged: subtotal, tip and fee. */
  amount: number;
  subtotal: number;
  tip: number;
  fee: number;
  currency: string;
  provider: PaymentProviderName;
  provider_payment_id: string | null;
  method: PaymentMethodKind;
  funding: string | null;
  card: PaymentCard | null;
  receipt_number: string | null;
  failure: PaymentFailure | null;
  /** What went to each invoice. */
  invoices: { invoice: string; amount: number }[];
  amount_refunded: number;
  refunds: Refund[];
  /** A cardholder's dispute, as the provider tells it; null when none. */
  dispute: {
    id: string;
    status: string;
    reason: string;
    amount: number;
    funds_withdrawn: boolean;
  } | null;
  created: string;
  succeeded_at: string | null;
}

export interface Refund {
  id: string;
  object: 'refund';
  payment: string;
  amount: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  failure_message: string | null;
  /** Why staff refunded; for the business's records, never shown to the customer. */
  reason: string | null;
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

/** `POST /v1/customers/portal_access` (each) and `/v1/customers/:id/portal_access`. */
export interface PortalAccess {
  object: 'portal_access';
  customer: string;
  status: 'queued' | 'skipped';
  channel: 'email' | 'sms';
  /** Why it was skipped: no_email, no_phone, no_consent, sms_unavailable. */
  reason: string | null;
  link: string | null;
  message: string | null;
  to: string | null;
}
