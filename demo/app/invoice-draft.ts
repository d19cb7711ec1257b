/**
 * The invoice editor's form as staff type it (text in each field) and what it becomes: lines the
 * API takes, the figures the server will compute (shared/money.ts's one rounding rule), and each
 * field's mistake in words, to show beside the field before anything is sent.
 */
import type { DocumentLineInput, Invoice } from '../../shared/api/staff.ts';
import { applyBasisPoints } from '../../shared/money.ts';
import { type MoneyContext, plainAmount, typedMoney } from './format.ts';

export interface LineText {
  description: string;
  quantity: string;
  price: string;
  /** Percent, as typed: "8.25". */
  taxRate: string;
}

export interface DraftText {
  lines: LineText[];
  dueDate: string;
  notes: string;
}

export const emptyLine = (): LineText => ({
  description: '',
  quantity: '1',
  price: '',
  taxRate: '',
});

export function draftFrom(
  invoice: Invoice | null,
  at: MoneyContext,
  keepDueDate = true,
): DraftText {
  if (!invoice) return { lines: [emptyLine()], dueDate: '', notes: '' };
  return {
    lines: invoice.lines.map((line) => ({
      description: line.description,
      quantity: String(line.quantity),
      price: plainAmount(line.unit_amount, at),
      taxRate: line.tax_rate ? String(line.tax_rate / 100) : '',
    })),
    dueDate: keepDueDate ? (invoice.due_date ?? '') : '',
    notes: invoice.notes ?? '',
  };
}

/** Field name → its mistake: `lines.0.price` → "Type a price, such as 85.00". */
export type FieldErrors = Map<string, string>;

export interface ReadDraft {
  lines: DocumentLineInput[];
  errors: FieldErrors;
  subtotal: number;
  tax: number;
  total: number;
  /** Per line, the amount before tax, or null while the line cannot be priced. */
  amounts: (number | null)[];
}

export function readDraft(draft: DraftText, at: MoneyContext): ReadDraft {
  const errors: FieldErrors = new Map();
  const lines: DocumentLineInput[] = [];
  const amounts: (number | null)[] = [];
  let subtotal = 0;
  let tax = 0;
  draft.lines.forEach((text, index) => {
    const name = (field: string) => `lines.${index}.${field}`;
    const description = text.description.trim();
    if (!description) errors.set(name('description'), 'Say what this line is for.');
    else if (description.length > 500) errors.set(name('description'), 'At most 500 characters.');
    const quantity = Number(text.quantity.trim());
    if (!/^\d+$/.test(text.quantity.trim()) || quantity < 1 || quantity > 1_000_000) {
      errors.set(name('quantity'), 'A whole number from 1.');
    }
    const price = typedMoney(text.price, at);
    if (price === null) errors.set(name('price'), 'Type a price, such as 85.00.');
    const rateText = text.taxRate.trim() || '0';
    const rate = Math.round(Number(rateText.replace(',', '.')) * 100);
    if (!/^\d{1,3}([.,]\d{1,2})?$/.test(rateText) || rate > 10_000) {
      errors.set(name('taxRate'), 'A percentage from 0 to 100, such as 8.25.');
    }
    const priced = !errors.has(name('quantity')) && price !== null && !errors.has(name('taxRate'));
    const amount = priced ? quantity * price : null;
    amounts.push(amount);
    if (amount !== null) {
      subtotal += amount;
      tax += applyBasisPoints(amount, rate);
    }
    lines.push({ description, quantity, unit_amount: price ?? 0, tax_rate: rate });
  });
  if (errors.size === 0 && subtotal + tax === 0) {
    errors.set('lines', 'An invoice must ask for more than zero.');
  }
  if (draft.notes.length > 2000) errors.set('notes', 'At most 2,000 characters.');
  return { lines, errors, subtotal, tax, total: subtotal + tax, amounts };
}
