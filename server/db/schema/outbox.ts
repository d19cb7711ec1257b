/** Messages the product sends, kept with their delivery state (migration 0003; server/outbox/). */
export type EmailKind =
  | 'receipt'
  | 'payment_notice'
  | 'refund_failed'
  | 'dispute'
  | 'estimate_decision'
  | 'question'
  | 'link';

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
