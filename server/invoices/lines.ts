/**
 * The lines of invoices and estimates: their math (amount = quantity × unit amount, tax rounded
 * half away from zero per line through shared/money.ts, after the line's share of an invoice's
 * discount: shared/discount.ts), their rows, their API shape, and the per-business document
 * numbers (INV-0001, EST-0001).
 */
import { z } from '@hono/zod-openapi';
import { type DiscountTerms, priceWithDiscount } from '../../shared/discount.ts';
import { MAX_AMOUNT } from '../../shared/money.ts';
import type { Db, Trx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { DocumentLineTable } from '../db/schema.ts';
import { unprocessable } from '../http/errors.ts';
import { amount } from '../http/schemas.ts';

export const DocumentLineInput = z
  .object({
    description: z.string().trim().min(1).max(500),
    quantity: z.number().int().min(1).max(1_000_000),
    unit_amount: amount.openapi({ description: 'Price of one unit in minor units, before tax.' }),
    tax_rate: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .default(0)
      .openapi({ description: 'Basis points: 825 is 8.25 %.' }),
  })
  .openapi('DocumentLineInput');

export const documentLinesInput = z.array(DocumentLineInput).min(1).max(100);

export const DocumentLine = z
  .object({
    id: z.string(),
    description: z.string(),
    quantity: z.number().int(),
    unit_amount: z.number().int(),
    tax_rate: z.number().int(),
    amount: z.number().int().openapi({ description: 'quantity × unit_amount' }),
    discount: z.number().int().openapi({
      description:
        "The line's share of the invoice's discount (in proportion to its amount; 0 without one).",
    }),
    tax: z.number().int().openapi({
      description: '(amount − discount) × tax_rate, rounded half away from zero',
    }),
  })
  .openapi('DocumentLine');

export type LineInput = z.output<typeof DocumentLineInput>;

export interface PricedLine extends LineInput {
  amount: number;
  discount: number;
  tax: number;
}

export interface DocumentTotals {
  subtotal: number;
  tax: number;
  total: number;
}

/**
 * Prices every line and the document (with the invoice's discount, if any), refusing (422,
 * nothing written) figures above the largest amount Pay Portal holds, so no sum ever leaves the
 * safe-integer range, and an amount off larger than the subtotal.
 */
export function priceLines(lines: readonly LineInput[], discount: DiscountTerms | null = null) {
  lines.forEach((line, index) => {
    // A product above MAX_AMOUNT stays above it in floating point, so this test is exact.
    if (line.quantity * line.unit_amount > MAX_AMOUNT) {
      throw unprocessable(
        'amount_too_large',
        'quantity × unit_amount is larger than the largest amount allowed.',
        `lines[${index}].unit_amount`,
      );
    }
  });
  const amounts = lines.map((line) => ({ ...line, amount: line.quantity * line.unit_amount }));
  const document = priceWithDiscount(amounts, discount);
  if (discount?.type === 'amount' && discount.amount > document.subtotal) {
    throw unprocessable(
      'discount_too_large',
      'The discount cannot be larger than the subtotal.',
      'discount.amount',
    );
  }
  const priced: PricedLine[] = amounts.map((line, index) => ({
    ...line,
    discount: document.lines[index]!.discount,
    tax: document.lines[index]!.tax,
  }));
  const totals: DocumentTotals = {
    subtotal: document.subtotal,
    tax: document.tax,
    total: document.total,
  };
  if (document.subtotal + document.tax > MAX_AMOUNT) {
    throw unprocessable(
      'amount_too_large',
      'The total is larger than the largest amount allowed.',
      'lines',
    );
  }
  return { lines: priced, totals, discount: document.discount };
}

export type LineTable = 'invoice_lines' | 'estimate_lines';

export async function insertLines(
  trx: Trx,
  table: LineTable,
  documentId: string,
  lines: readonly PricedLine[],
): Promise<DocumentLineTable[]> {
  const rows: DocumentLineTable[] = lines.map((line, index) => ({
    id: newId('lin'),
    document_id: documentId,
    position: index + 1,
    description: line.description,
    quantity: line.quantity,
    unit_amount: line.unit_amount,
    tax_rate: line.tax_rate,
    amount: line.amount,
    discount: line.discount,
    tax: line.tax,
  }));
  await trx.insertInto(table).values(rows).execute();
  return rows;
}

/** The lines of several documents in one query, each document's in position order. */
export async function linesByDocument(
  db: Db | Trx,
  table: LineTable,
  documentIds: readonly string[],
): Promise<Map<string, DocumentLineTable[]>> {
  const byDocument = new Map<string, DocumentLineTable[]>(documentIds.map((id) => [id, []]));
  if (documentIds.length === 0) return byDocument;
  const rows = await db
    .selectFrom(table)
    .selectAll()
    .where('document_id', 'in', [...documentIds])
    .orderBy('document_id')
    .orderBy('position')
    .execute();
  for (const row of rows) byDocument.get(row.document_id)?.push(row);
  return byDocument;
}

export function lineView(line: DocumentLineTable) {
  return {
    id: line.id,
    description: line.description,
    quantity: line.quantity,
    unit_amount: line.unit_amount,
    tax_rate: line.tax_rate,
    amount: line.amount,
    discount: Number(line.discount),
    tax: line.tax,
  };
}

/**
 * Takes the business's next document number inside the caller's transaction. The UPDATE …
 * RETURNING holds the business row until commit on PostgreSQL (SQLite holds the whole database
 * from BEGIN IMMEDIATE), so concurrent creations get distinct numbers and a rolled-back creation
 * gives its number back. Returns the business's currency too, read under the same lock.
 */
export async function takeDocumentNumber(
  trx: Trx,
  businessId: string,
  kind: 'invoice' | 'estimate',
): Promise<{ number: string; currency: string }> {
  const update = trx.updateTable('businesses').where('id', '=', businessId);
  if (kind === 'invoice') {
    const row = await update
      .set((eb) => ({ invoice_counter: eb('invoice_counter', '+', 1) }))
      .returning(['invoice_counter as counter', 'currency'])
      .executeTakeFirstOrThrow();
    return { number: documentNumber('INV', row.counter), currency: row.currency };
  }
  const row = await update
    .set((eb) => ({ estimate_counter: eb('estimate_counter', '+', 1) }))
    .returning(['estimate_counter as counter', 'currency'])
    .executeTakeFirstOrThrow();
  return { number: documentNumber('EST', row.counter), currency: row.currency };
}

function documentNumber(prefix: string, counter: number): string {
  return `${prefix}-${String(Number(counter)).padStart(4, '0')}`;
}
