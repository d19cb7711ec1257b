/** A message as staff see it in the API (`/v1/outbox`): an email or a text; `detail` adds bodies. */
import type { EmailKind, OutboxMessage, TextKind } from './outbox.ts';

export function outboxMessageView(message: OutboxMessage, detail = false) {
  const common = {
    id: message.id,
    state: message.state,
    attempts: message.attempts,
    last_error: message.last_error,
    next_attempt_at: message.next_attempt_at,
    sent_at: message.sent_at,
    created: message.created_at,
  };
  if (message.channel === 'sms') {
    return {
      object: 'text_message' as const,
      channel: 'sms' as const,
      kind: message.kind as TextKind,
      to: message.to,
      customer: message.customer_id,
      payment_link: message.payment_link_id,
      invoice: message.invoice_id,
      provider_message_id: message.provider_message_id,
      delivery_status: message.delivery_status,
      error_code: message.error_code,
      delivered_at: message.delivered_at,
      ...common,
      ...(detail ? { body: message.text } : {}),
    };
  }
  return {
    object: 'email' as const,
    channel: 'email' as const,
    kind: message.kind as EmailKind,
    to: message.to,
    reply_to: message.reply_to,
    subject: message.subject,
    payment: message.payment_id,
    ...common,
    ...(detail ? { text: message.text, html: message.html } : {}),
  };
}
