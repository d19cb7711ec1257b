/**
 * A link's activity as staff read it, with its figures (issue 15): "Payment made: $85.96
 * (R-000001)", "Sent by email to dana@example.com".
 */
import type { LinkEvent } from '../../shared/api/staff.ts';
import { type MoneyContext, money } from './format.ts';
import { phoneText } from './outbox-detail.ts';

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
