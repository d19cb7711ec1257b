/**
 * The staff API's answers (`Authorization: Bearer <secret key>`), as the demo page reads them and
 * the server gives them. Type-only; test/contract/contract.test.ts checks each type against the
 * server's zod schema (server/routes/staff/*.ts) or, where a route has none, its view function.
 */
import type {
  BalanceState,
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
  Discount,
  DiscountInput,
  DocumentLine,
  DocumentLineInput,
  DraftInvoiceChanges,
  Estimate,
  EstimateDecisionRecord,
  EstimateQuestion,
  Invoice,
  InvoiceEvent,
} from './staff-documents.ts';
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
