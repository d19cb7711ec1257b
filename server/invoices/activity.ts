/**
 * An invoice's activity, for staff (`GET /v1/invoices/:id/events`): made, sent and viewed
 * through its links, each payment applied to it (amount, method, receipt), refunds, the
 * customer's questions, and the void, oldest first. Read from where each is already kept (the
 * invoice, its links' events, the ledger, the payments, the questions): nothing is written twice.
 */
import type { Db } from '../db/database.ts';
import type { InvoiceTable } from '../db/schema.ts';
import { listInvoiceQuestions } from './questions.ts';

export type InvoiceEventType =
  | 'created'
  | 'sent'
  | 'viewed'
  | 'reminder'
  | 'payment'
  | 'refund'
  | 'question'
  | 'voided';

export interface InvoiceEvent {
  object: 'invoice_event';
  type: InvoiceEventType;
  created: string;
  /** `sent`, `reminder`: the channel (`email`, `sms`). */
  channel: string | null;
  /** `payment`, `refund`: what was applied to this invoice, or given back of it. */
  amount: number | null;
  method: 'card' | 'us_bank_account' | 'paypal' | null;
  payment: string | null;
  receipt_number: string | null;
  /** `question`: what the customer asked. */
  message: string | null;
  /** The link it happened through, where there is one. */
  link: string | null;
}

const NONE = {
  channel: null,
  amount: null,
  method: null,
  payment: null,
  receipt_number: null,
  message: null,
  link: null,
} as const;

export async function invoiceActivity(db: Db, invoice: InvoiceTable): Promise<InvoiceEvent[]> {
  const [linkEvents, money, questions] = await Promise.all([
    db
      .selectFrom('link_events')
      .innerJoin('payment_links', 'payment_links.id', 'link_events.payment_link_id')
      .select([
        'link_events.type',
        'link_events.channel',
        'link_events.created_at',
        'link_events.payment_link_id',
      ])
      .where('payment_links.invoice_id', '=', invoice.id)
      .where('link_events.type', 'in', ['sent', 'viewed', 'reminder'])
      .execute(),
    db
      .selectFrom('ledger_entries')
      .innerJoin('payments', 'payments.id', 'ledger_entries.payment_id')
      .select([
        'ledger_entries.kind',
        'ledger_entries.amount',
        'ledger_entries.created_at',
        'payments.id as payment',
        'payments.method',
        'payments.receipt_number',
        'payments.payment_link_id',
      ])
      .where('ledger_entries.invoice_id', '=', invoice.id)
      .where('ledger_entries.kind', 'in', ['payment', 'refund'])
      .orderBy('ledger_entries.seq')
      .execute(),
    listInvoiceQuestions(db, invoice.id),
  ]);
  const events: InvoiceEvent[] = [
    { object: 'invoice_event', type: 'created', created: invoice.created_at, ...NONE },
  ];
  for (const event of linkEvents) {
    events.push({
      object: 'invoice_event',
      ...NONE,
      type: event.type as 'sent' | 'viewed' | 'reminder',
      created: event.created_at,
      channel: event.channel,
      link: event.payment_link_id,
    });
  }
  // One payment or refund may be several entries on the invoice (one a slice): one event each.
  const byMove = new Map<string, InvoiceEvent>();
  for (const entry of money) {
    const key = `${entry.kind}:${entry.payment}:${entry.created_at}`;
    const seen = byMove.get(key);
    const amount = Math.abs(Number(entry.amount));
    if (seen) {
      seen.amount = (seen.amount ?? 0) + amount;
      continue;
    }
    const event: InvoiceEvent = {
      object: 'invoice_event',
      ...NONE,
      type: entry.kind === 'payment' ? 'payment' : 'refund',
      created: entry.created_at,
      amount,
      method: entry.method,
      payment: entry.payment,
      receipt_number: entry.receipt_number,
      link: entry.payment_link_id,
    };
    byMove.set(key, event);
    events.push(event);
  }
  for (const question of questions) {
    events.push({
      object: 'invoice_event',
      ...NONE,
      type: 'question',
      created: question.created_at,
      message: question.message,
      link: question.payment_link_id,
    });
  }
  if (invoice.voided_at) {
    events.push({ object: 'invoice_event', type: 'voided', created: invoice.voided_at, ...NONE });
  }
  // Oldest first; made before anything else that shares its moment.
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.created.localeCompare(b.event.created) || a.index - b.index)
    .map(({ event }) => event);
}
