/**
 * Messages the product sends, kept with their delivery state (migration 0003; server/outbox/),
 * by email or by text (migration 2026_12_05_0301_texts; server/texts/).
 */
export type EmailKind =
  | 'receipt'
  | 'payment_notice'
  | 'refund_failed'
  | 'refund'
  | 'dispute'
  | 'estimate_decision'
  | 'question'
  | 'link'
  | 'reminder'
  | 'portal_access'
  | 'estimate_approved'
  | 'webhook_disabled';

export type EmailState = 'pending' | 'sent' | 'failed';

/** What a text is for; keyword replies answer STOP, START and HELP (server/texts/keywords.ts). */
export type TextKind = 'link' | 'reminder' | 'portal_access' | 'keyword_reply';

export type MessageChannel = 'email' | 'sms';

/** The provider's word on a text after it took it (Twilio's statuses). */
export type TextDeliveryStatus =
  | 'accepted'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed';

/** A message the product sends: kept with its delivery state (server/outbox/outbox.ts). */
export interface OutboxMessageTable {
  id: string;
  business_id: string;
  channel: MessageChannel;
  kind: EmailKind | TextKind;
  /** An email address, or for a text the number in E.164 (+15555550123). */
  to: string;
  reply_to: string | null;
  /** Empty for a text. */
  subject: string;
  /** The email's plain text, or the text message's body as sent. */
  text: string;
  /** Empty for a text. */
  html: string;
  /** The payment a receipt or notice tells of; a receipt goes out with its PDF attached. */
  payment_id: string | null;
  /** The estimate an approval confirmation tells of: it goes out with the signed PDF attached. */
  estimate_id: string | null;
  state: EmailState;
  attempts: number;
  last_error: string | null;
  /** When the delivery loop may try (again); null once sent or given up. */
  next_attempt_at: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
  customer_id: string | null;
  payment_link_id: string | null;
  invoice_id: string | null;
  /** The provider's id for a text (Twilio's `SM…` sid), once it took it. */
  provider_message_id: string | null;
  delivery_status: TextDeliveryStatus | null;
  delivered_at: string | null;
  /** The provider's error code for a text that failed (Twilio's 21211, 30003 …). */
  error_code: string | null;
}

/** One thing that happened to a message: queued, an attempt, a provider's status, a retry. */
export interface OutboxMessageLogTable {
  id: string;
  message_id: string;
  event: string;
  /** JSON, or null. */
  detail: string | null;
  created_at: string;
}

/** A number that replied STOP (or another opt-out word): texted nothing until START. */
export interface TextOptOutTable {
  phone: string;
  keyword: string;
  inbound_id: string | null;
  created_at: string;
}

/** A text a customer sent to the product's number, kept as it came (keywords, audit). */
export interface InboundTextTable {
  id: string;
  provider_message_id: string;
  from: string;
  to: string;
  body: string;
  keyword: string | null;
  /** The business that last texted the sender, whose name a HELP answer gives. */
  business_id: string | null;
  /** The outbox message that answered it, if any. */
  reply_id: string | null;
  created_at: string;
}
