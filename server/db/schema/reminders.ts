/** Reminders sent, one row each: the row is the claim that it is sent once (migration 0401). */
export type ReminderKind = 'invoice' | 'estimate_follow_up' | 'estimate_expiry' | 'not_opened';

export interface ReminderTable {
  id: string;
  business_id: string;
  kind: ReminderKind;
  /** The invoice, estimate or (for `not_opened`) payment link it is about. */
  subject_id: string;
  /** Which of the subject's reminders: `offset:-3`, `follow_up`, `expiry`, `not_opened`. */
  slot: string;
  payment_link_id: string;
  invoice_id: string | null;
  estimate_id: string | null;
  /** `email` or `sms`. */
  channel: string;
  /** When it fell due (the scheduled moment), not when it was sent. */
  due_at: string;
  /** The outbox message that carries it. */
  message_id: string | null;
  created_at: string;
}
