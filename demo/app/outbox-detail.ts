/**
 * One outbox message opened in the Outbox panel: the email's text or the text message's body,
 * then its log (queued, attempts, Twilio's statuses), oldest first.
 */
import { html } from 'lit';
import type { OutboxLogEntry, OutboxMessageDetail } from '../../shared/api/staff.ts';
import { when } from './format.ts';

/** "+1 555 555 0142" for a North American number, else the E.164 form as it is. */
export function phoneText(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}` : e164;
}

function logText(entry: OutboxLogEntry): string {
  const detail = entry.detail ?? {};
  switch (entry.event) {
    case 'queued':
      return 'Queued';
    case 'sent':
      return detail.provider_message_id ? `Handed to Twilio (${String(detail.status)})` : 'Sent';
    case 'attempt_failed':
      return `Not sent: ${String(detail.error)}; trying again`;
    case 'gave_up':
      return `Failed: ${String(detail.error)}`;
    case 'retry':
      return 'Retry asked by staff';
    case 'status':
      return `Twilio: ${String(detail.status)}${detail.error_code ? ` (error ${String(detail.error_code)})` : ''}${detail.stale ? ', late, ignored' : ''}`;
    case 'skipped':
      return 'Skipped';
  }
}

export function outboxDetail(message: OutboxMessageDetail, locale: string) {
  const body = message.object === 'email' ? message.text : message.body;
  return html`<pre style="white-space: pre-wrap; overflow-wrap: anywhere">${body}</pre>
    <ol aria-label="Delivery log" style="list-style: none; margin: 8px 0 0; padding: 0; font-size: 0.8125rem">
      ${message.log.map(
        (entry) =>
          html`<li><time datetime=${entry.created}>${when(entry.created, locale)}</time>
            ${logText(entry)}</li>`,
      )}
    </ol>`;
}
