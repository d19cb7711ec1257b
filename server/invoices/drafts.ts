/**
 * Editing a draft invoice (issue 15: "edit a draft"): its lines, due date and notes change freely
 * until it is finalized, since a draft has posted nothing to the ledger. Lines sent replace the
 * draft's lines whole (the same pricing as a new invoice); an open invoice is refused, its lines
 * are charges on the balance by then.
 */
import type { Trx } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { conflict, unprocessable } from '../http/errors.ts';
import {
  type DiscountChoice,
  discountColumns,
  discountTerms,
  storedDiscount,
} from './discounts.ts';
import { getInvoice, lockInvoice } from './invoices.ts';
import { insertLines, type LineInput, priceLines } from './lines.ts';

export interface DraftChanges {
  lines?: LineInput[] | undefined;
  due_date?: string | null | undefined;
  notes?: string | null | undefined;
  /** A new discount, or null to remove it; the lines are priced again either way. */
  discount?: DiscountChoice | null | undefined;
}

export async function editDraftInvoice(
  trx: Trx,
  businessId: string,
  id: string,
  changes: DraftChanges,
) {
  const invoice = await lockInvoice(trx, businessId, id);
  if (invoice.status !== 'draft') {
    throw conflict(
      'invoice_not_draft',
      `Invoice ${invoice.number} is ${invoice.status}; only a draft can be edited.`,
      'id',
    );
  }
  const set: Record<string, unknown> = { updated_at: now() };
  if (changes.due_date !== undefined) set.due_date = changes.due_date;
  if (changes.notes !== undefined) set.notes = changes.notes || null;
  if (changes.lines || changes.discount !== undefined) {
    const choice = changes.discount === undefined ? storedDiscount(invoice) : changes.discount;
    const lineInputs =
      changes.lines ??
      (await trx
        .selectFrom('invoice_lines')
        .select(['description', 'quantity', 'unit_amount', 'tax_rate'])
        .where('document_id', '=', invoice.id)
        .orderBy('position')
        .execute());
    const { lines, totals, discount } = priceLines(lineInputs, discountTerms(choice));
    if (totals.total === 0) {
      throw unprocessable('amount_too_small', 'An invoice must ask for more than zero.', 'lines');
    }
    await trx.deleteFrom('invoice_lines').where('document_id', '=', invoice.id).execute();
    await insertLines(trx, 'invoice_lines', invoice.id, lines);
    Object.assign(set, totals, discountColumns(choice, discount));
  }
  await trx.updateTable('invoices').set(set).where('id', '=', invoice.id).execute();
  return getInvoice(trx, businessId, invoice.id);
}
