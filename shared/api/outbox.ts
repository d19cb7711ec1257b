/**
 * The staff API's outbox (`/v1/outbox`): every email and text the business's account sends, with
 * its delivery state and (on one message) its log; and the customer's consents to texts.
 * Type-only, re-exported by staff.ts; test/contract/contract.test.ts checks each against the
 * server's schema.
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

/** What a text is for: a payment link, a reminder, portal access, or an answer to STOP/HELP/START. */
export type TextKind = 'link' | 'reminder' | 'portal_access' | 'keyword_reply';

/**
 * pending (not sent yet, or to be tried again), sent (handed to the SMTP server or to Twilio), or
 * failed (given up, refused for good, or reported undelivered; retry sends again).
 */
export type DeliveryState = 'pending' | 'sent' | 'failed';

/** An email in the business's outbox, with its delivery state. */
export interface Email {
  id: string;
  object: 'email';
  channel: 'email';
  kind: EmailKind;
  to: string;
  reply_to: string | null;
  subject: string;
  payment: string | null;
  state: DeliveryState;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
  created: string;
}

/** A text in the business's outbox, with Twilio's word on its delivery. */
export interface TextMessage {
  id: string;
  object: 'text_message';
  channel: 'sms';
  kind: TextKind;
  /** E.164. */
  to: string;
  customer: string | null;
  payment_link: string | null;
  invoice: string | null;
  /** Twilio's SM… sid, once Twilio took the text. */
  provider_message_id: string | null;
  delivery_status:
    | 'accepted'
    | 'queued'
    | 'sending'
    | 'sent'
    | 'delivered'
    | 'undelivered'
    | 'failed'
    | null;
  /** Twilio's error code (21211 invalid number, 30003 unreachable …), or `opted_out`. */
  error_code: string | null;
  delivered_at: string | null;
  state: DeliveryState;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
  created: string;
}

/** `GET /v1/outbox` lists both, newest first. */
export type OutboxMessage = Email | TextMessage;

/** One thing that happened to a message. */
export interface OutboxLogEntry {
  event: 'queued' | 'sent' | 'attempt_failed' | 'gave_up' | 'retry' | 'status' | 'skipped';
  detail: Record<string, unknown> | null;
  created: string;
}

/** `GET /v1/outbox/:id` for an email: with its text, HTML and log. */
export interface EmailDetail extends Email {
  text: string;
  html: string;
  log: OutboxLogEntry[];
}

/** `GET /v1/outbox/:id` for a text: with its body (footer included) and log. */
export interface TextMessageDetail extends TextMessage {
  body: string;
  log: OutboxLogEntry[];
}

export type OutboxMessageDetail = EmailDetail | TextMessageDetail;

/** `/v1/customers/:id/sms_consents`: a consent to texts and where it came from. */
export interface SmsConsent {
  id: string;
  object: 'sms_consent';
  /** E.164. */
  phone: string;
  recorded_by: 'portal' | 'staff';
  /** What staff named as the source; for the portal, the link it came through. */
  source: string | null;
  /** The words the customer agreed to. */
  text: string;
  /** The number replied STOP (until it replies START). */
  opted_out: boolean;
  created: string;
}
