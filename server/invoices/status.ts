/**
 * An invoice's status, moved only along its lifecycle: draft → open → viewed → partially_paid →
 * paid, or → void; backwards only by a refund. settleInvoiceStatus reads the status the ledger
 * calls for after money moved (server/invoices/invoices.ts holds the invoices themselves).
 */
import type { Trx } from '../db/database.ts';
import { now } from '../db/ids.ts';
import type { InvoiceStatus, InvoiceTable } from '../db/schema.ts';
import { conflict } from '../http/errors.ts';
import { emitInvoiceEvent } from './events.ts';
import { invoiceSums, NO_ENTRIES } from './owed.ts';

/** Where each status may go forward. `void` and `paid` are final except by refund. */
const FORWARD: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ['open', 'void'],
  open: ['viewed', 'partially_paid', 'paid', 'void'],
  viewed: ['partially_paid', 'paid', 'void'],
  partially_paid: ['paid'],
  paid: [],
  void: [],
};
/** The only moves backwards: a refund reopens what it gives back. */
const BY_REFUND: Partial<Record<InvoiceStatus, readonly InvoiceStatus[]>> = {
  partially_paid: ['open', 'viewed'],
  paid: ['partially_paid', 'open', 'viewed'],
};

export function canMoveInvoice(from: InvoiceStatus, to: InvoiceStatus, byRefund = false) {
  return (
    from === to || FORWARD[from].includes(to) || (byRefund && (BY_REFUND[from] ?? []).includes(to))
  );
}

/**
 * Moves an invoice's status, refusing (409) a move the lifecycle does not allow:
 * draft → open → viewed → partially_paid → paid, or → void; backwards only `{ byRefund: true }`.
 */
export async function setInvoiceStatus(
  trx: Trx,
  invoiceId: string,
  to: InvoiceStatus,
  options: { byRefund?: boolean } = {},
) {
  const invoice = await trx
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  if (!canMoveInvoice(invoice.status, to, options.byRefund)) {
    throw conflict(
      'invoice_status_invalid',
      `Invoice ${invoice.number} is ${invoice.status} and cannot become ${to}.`,
    );
  }
  return moveInvoice(trx, invoice, to);
}

/**
 * Sets the status that the invoice's ledger entries call for, after a payment or a refund was
 * appended: nothing due → paid; something paid → partially_paid; nothing paid any more → open.
 * Drafts and void invoices are left as they are.
 */
export async function settleInvoiceStatus(trx: Trx, invoiceId: string) {
  const invoice = await trx
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  if (invoice.status === 'draft' || invoice.status === 'void') return invoice;
  const sums = (await invoiceSums(trx, [invoice.id])).get(invoice.id) ?? NO_ENTRIES;
  let to: InvoiceStatus = invoice.status;
  if (sums.amount_due <= 0) to = 'paid';
  else if (sums.amount_paid > 0) to = 'partially_paid';
  else if (invoice.status === 'paid' || invoice.status === 'partially_paid') to = 'open';
  return setInvoiceStatus(trx, invoice.id, to, { byRefund: true });
}

/** The portal's "the customer saw it": open → viewed, and nothing else. True when it moved. */
export async function markInvoiceViewed(trx: Trx, invoiceId: string): Promise<boolean> {
  const viewed = await trx
    .updateTable('invoices')
    .set({ status: 'viewed', updated_at: now() })
    .where('id', '=', invoiceId)
    .where('status', '=', 'open')
    .returningAll()
    .execute();
  for (const invoice of viewed) await emitInvoiceEvent(trx, invoice, 'invoice.viewed');
  return viewed.length > 0;
}

/** Every open invoice of a customer → viewed (a customer link was seen); each one told. */
export async function markCustomerInvoicesViewed(trx: Trx, customerId: string): Promise<void> {
  const viewed = await trx
    .updateTable('invoices')
    .set({ status: 'viewed', updated_at: now() })
    .where('customer_id', '=', customerId)
    .where('status', '=', 'open')
    .returningAll()
    .execute();
  for (const invoice of viewed) await emitInvoiceEvent(trx, invoice, 'invoice.viewed');
}

/** Writes the new status (and `voided_at` for a void), checking nothing: callers check. */
export async function moveInvoice(trx: Trx, invoice: InvoiceTable, to: InvoiceStatus) {
  if (invoice.status === to) return invoice;
  const at = now();
  const changes = { status: to, updated_at: at, ...(to === 'void' ? { voided_at: at } : {}) };
  await trx.updateTable('invoices').set(changes).where('id', '=', invoice.id).execute();
  const moved = { ...invoice, ...changes };
  if (to === 'paid') await emitInvoiceEvent(trx, moved, 'invoice.paid');
  if (to === 'void') await emitInvoiceEvent(trx, moved, 'invoice.voided');
  return moved;
}
