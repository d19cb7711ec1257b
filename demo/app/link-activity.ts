/**
 * A link's activity as staff read it, with its figures (issue 15): "Payment made: $85.96
 * (R-000001)", "Sent by email to dana@example.com"; the timeline of a link card, oldest first.
 */
import { css, html, type TemplateResult } from 'lit';
import type { LinkEvent } from '../../shared/api/staff.ts';
import { type MoneyContext, money, when } from './format.ts';
import { phoneText } from './outbox-detail.ts';

export const linkActivityStyles = css`
  ol {
    list-style: none;
    margin: 8px 0 0;
    padding: 0 0 0 12px;
    border-left: 2px solid var(--border);
    font-size: 0.875rem;
  }
  li {
    margin: 0 0 6px;
  }
  li time {
    color: var(--muted);
    font-size: 0.8125rem;
    margin-right: 6px;
  }
`;

/** The timeline: each event's time and what happened, in words. */
export function renderLinkActivity(events: LinkEvent[], at: MoneyContext | null): TemplateResult {
  return html`<ol aria-label="Activity">
    ${events.map(
      (event) => html`<li data-event=${event.type}>
        <time datetime=${event.created}>${when(event.created, navigator.language)}</time>
        <span>${linkEventText(event, at)}</span>
      </li>`,
    )}
  </ol>`;
}

export function linkEventText(event: LinkEvent, at: MoneyContext | null): string {
  const detail = event.detail ?? {};
  switch (event.type) {
    case 'created':
      return 'Link created';
    case 'copied':
      return 'Copied by staff';
    case 'sent':
      return event.channel === 'sms'
        ? `Sent by text${detail.to ? ` to ${phoneText(String(detail.to))}` : ''}`
        : `Sent by ${event.channel ?? 'email'}${detail.to ? ` to ${String(detail.to)}` : ''}`;
    case 'viewed':
      return 'Viewed by the customer';
    case 'payment_made': {
      const amount = typeof detail.amount === 'number' && at ? money(detail.amount, at) : null;
      const receipt = typeof detail.receipt_number === 'string' ? detail.receipt_number : null;
      if (!amount) return 'Payment made';
      return `Payment made: ${amount}${receipt ? ` (${receipt})` : ''}`;
    }
    case 'regenerated':
      return 'Regenerated: the previous URL stopped working';
    case 'revoked':
      return 'Revoked';
    case 'reminder':
      return `Reminder by ${event.channel === 'sms' ? 'text' : (event.channel ?? 'email')}${
        detail.to
          ? ` to ${event.channel === 'sms' ? phoneText(String(detail.to)) : String(detail.to)}`
          : ''
      }`;
  }
}
