/**
 * The tables as Kysely sees them, one file per noun under schema/. Money columns hold integer
 * minor units; times are ISO 8601 text.
 */
import type { BusinessLogoTable, BusinessTable, CustomerTable } from './schema/businesses.ts';
import type {
  EstimateDecisionTable,
  EstimateDepositTable,
  EstimateQuestionTable,
  EstimateTable,
} from './schema/estimates.ts';
import type { DocumentLineTable, InvoiceQuestionTable, InvoiceTable } from './schema/invoices.ts';
import type { LedgerEntryTable } from './schema/ledger.ts';
import type { LinkEventTable, PaymentLinkTable, RateLimitTable } from './schema/links.ts';
import type {
  InboundTextTable,
  OutboxMessageLogTable,
  OutboxMessageTable,
  TextOptOutTable,
} from './schema/outbox.ts';
import type {
  ConsentTable,
  DisputeTable,
  IdempotencyKeyTable,
  PaymentHoldTable,
  PaymentMethodTable,
  PaymentTable,
  ProviderCustomerTable,
  ProviderEventTable,
  ReceiptCounterTable,
  RefundTable,
} from './schema/payments.ts';
import type { ReminderTable } from './schema/reminders.ts';
import type {
  SandboxPaymentMethodTable,
  SandboxPaymentTable,
  SandboxRefundTable,
} from './schema/sandbox.ts';
import type {
  EventTable,
  WebhookAttemptTable,
  WebhookDeliveryTable,
  WebhookEndpointTable,
} from './schema/webhooks.ts';

export type * from './schema/businesses.ts';
export type * from './schema/estimates.ts';
export type * from './schema/invoices.ts';
export type * from './schema/ledger.ts';
export type * from './schema/links.ts';
export type * from './schema/outbox.ts';
export type * from './schema/payments.ts';
export type * from './schema/reminders.ts';
export type * from './schema/sandbox.ts';
export type * from './schema/webhooks.ts';

export interface Database {
  businesses: BusinessTable;
  business_logos: BusinessLogoTable;
  customers: CustomerTable;
  ledger_entries: LedgerEntryTable;
  invoices: InvoiceTable;
  invoice_lines: DocumentLineTable;
  invoice_questions: InvoiceQuestionTable;
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
  disputes: DisputeTable;
  provider_customers: ProviderCustomerTable;
  sandbox_payments: SandboxPaymentTable;
  sandbox_payment_methods: SandboxPaymentMethodTable;
  sandbox_refunds: SandboxRefundTable;
  receipt_counters: ReceiptCounterTable;
  outbox_messages: OutboxMessageTable;
  outbox_message_log: OutboxMessageLogTable;
  text_opt_outs: TextOptOutTable;
  inbound_texts: InboundTextTable;
  estimate_decisions: EstimateDecisionTable;
  estimate_questions: EstimateQuestionTable;
  estimate_deposits: EstimateDepositTable;
  reminders: ReminderTable;
  webhook_endpoints: WebhookEndpointTable;
  events: EventTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
}
