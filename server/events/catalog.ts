/**
 * Every event type the business's other systems can be told of (issue 14), with what it means and
 * which object its `data.object` holds. The OpenAPI document's `webhooks` section and
 * docs/webhooks.md are written from this list.
 */

/** The version of the event shapes; a receiver can tell an old event from a new one by it. */
export const API_VERSION = '2026-12-05';

export const EVENT_CATALOG = {
  'payment.succeeded': {
    object: 'payment',
    description: 'A payment succeeded and is on the ledger.',
  },
  'payment.failed': {
    object: 'payment',
    description: 'A payment attempt failed (declined, or the bank account bounced).',
  },
  'payment.refunded': {
    object: 'payment',
    description: 'Staff refunded a payment, in full or in part; `data.refund` is the refund.',
  },
  'payment.disputed': {
    object: 'payment',
    description: 'The customer disputed the payment with their bank.',
  },
  'invoice.created': {
    object: 'invoice',
    description: 'An invoice was created (a draft, or open at once).',
  },
  'invoice.sent': {
    object: 'invoice',
    description: "The invoice's link was sent to the customer; `data.channel` says how.",
  },
  'invoice.viewed': {
    object: 'invoice',
    description: 'The customer first saw the invoice (open → viewed).',
  },
  'invoice.paid': { object: 'invoice', description: 'Nothing is due on the invoice any more.' },
  'invoice.voided': { object: 'invoice', description: 'The invoice was voided.' },
  'invoice.overdue': {
    object: 'invoice',
    description: 'The invoice passed its due date with money still due; told once.',
  },
  'estimate.viewed': {
    object: 'estimate',
    description: 'The customer first opened the estimate; told once.',
  },
  'estimate.approved': {
    object: 'estimate',
    description: 'The customer approved (and signed) the estimate.',
  },
  'estimate.declined': {
    object: 'estimate',
    description: 'The customer declined the estimate; `data.reason` is theirs.',
  },
  'estimate.question': {
    object: 'estimate',
    description: 'The customer asked about the estimate; `data.question` is the message.',
  },
  'link.viewed': {
    object: 'payment_link',
    description: 'A customer opened a payment link (each view the element reports).',
  },
  'customer.sms_opt_out': {
    object: 'customer',
    description: 'The customer texted STOP: no more texts to that number.',
  },
  'customer.credit_changed': {
    object: 'balance',
    description:
      "The customer's account credit changed; `data.credit` is the new amount and `data.previous_credit` the old, in minor units.",
  },
} as const satisfies Record<string, { object: string; description: string }>;

export type EventType = keyof typeof EVENT_CATALOG;

export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOG, type);
}
