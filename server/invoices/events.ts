/** An invoice's events (issue 14), carrying the invoice as the staff API shows it. */
import type { Db, Trx } from '../db/database.ts';
import type { InvoiceTable } from '../db/schema.ts';
import type { EventType } from '../events/catalog.ts';
import { emitEvent } from '../events/events.ts';
import { invoiceViews } from './views.ts';

export type InvoiceEventType = Extract<EventType, `invoice.${string}`>;

/** Call inside the transaction of the change, after it is written. */
export async function emitInvoiceEvent(
  trx: Trx | Db,
  invoice: InvoiceTable,
  type: InvoiceEventType,
  options: { extra?: Record<string, unknown>; once?: boolean } = {},
) {
  const [view] = await invoiceViews(trx, [invoice]);
  return emitEvent(trx, {
    business_id: invoice.business_id,
    type,
    object: view!,
    ...(options.extra ? { extra: options.extra } : {}),
    ...(options.once ? { once_key: `${type}:${invoice.id}` } : {}),
  });
}

/**
 * `invoice.sent`: the invoice's link went to the customer by `channel` (email; SMS calls it too).
 * Call in the transaction that queues the message.
 */
export async function emitInvoiceSent(trx: Trx, invoiceId: string, channel: 'email' | 'sms') {
  const invoice = await trx
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  return emitInvoiceEvent(trx, invoice, 'invoice.sent', { extra: { channel } });
}
