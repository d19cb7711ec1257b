/**
 * The invoice editor's form as staff type it (text in each field) and what it becomes: lines the
 * API takes, the figures the server will compute (shared/money.ts's one rounding rule), and each
 * field's mistake in words, to show beside the field before anything is sent.
 */

import type { DiscountInput, DocumentLineInput, Invoice } from '../../shared/api/staff.ts';
import { type DiscountTerms, priceWithDiscount } from '../../shared/discount.ts';
import { type MoneyContext, plainAmount, typedMoney } from './format.ts';

export interface LineText {
  description: string;
  quantity: string;
  price: string;
  /** Percent, as typed: "8.25". */
  taxRate: string;
}

/** The invoice's discount as typed: none, an amount ("15.00") or a percent ("10"). */
export interface DiscountText {
  type: 'none' | 'amount' | 'percent';
  value: string;
  description: string;
}

export interface DraftText {
  lines: LineText[];
  dueDate: string;
  notes: string;
  discount: DiscountText;
}

export const noDiscount = (): DiscountText => ({ type: 'none', value: '', description: '' });

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
  if (!invoice) return { lines: [emptyLine()], dueDate: '', notes: '', discount: noDiscount() };
  const discount = invoice.discount;
  return {
    discount: discount
      ? {
          type: discount.type,
          value:
            discount.type === 'percent'
              ? String((discount.rate ?? 0) / 100)
              : plainAmount(discount.amount, at),
          description: discount.description ?? '',
        }
      : noDiscount(),
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
  /** What the API takes, null for none. */
  discountInput: DiscountInput | null;
  errors: FieldErrors;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  /** Per line, the amount before tax, or null while the line cannot be priced. */
  amounts: (number | null)[];
}

export function readDraft(draft: DraftText, at: MoneyContext): ReadDraft {
  const errors: FieldErrors = new Map();
  const lines: DocumentLineInput[] = [];
  const amounts: (number | null)[] = [];
  const rates: number[] = [];
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
    rates.push(priced ? rate : 0);
    lines.push({ description, quantity, unit_amount: price ?? 0, tax_rate: rate });
  });
  const { input: discountInput, terms } = readDiscount(draft.discount, at, errors);
  // The server's own pricing (shared/discount.ts): the discount before tax, spread over the lines.
  const priced = priceWithDiscount(
    amounts.map((amount, index) => ({ amount: amount ?? 0, tax_rate: rates[index] ?? 0 })),
    terms,
  );
  if (terms?.type === 'amount' && terms.amount > priced.subtotal && !errors.has('lines')) {
    errors.set('discount.value', 'The discount cannot be larger than the subtotal.');
  }
  if (errors.size === 0 && priced.total === 0) {
    errors.set('lines', 'An invoice must ask for more than zero.');
  }
  if (draft.notes.length > 2000) errors.set('notes', 'At most 2,000 characters.');
  return {
    lines,
    discountInput,
    errors,
    subtotal: priced.subtotal,
    discount: priced.discount,
    tax: priced.tax,
    total: priced.total,
    amounts,
  };
}

function readDiscount(
  text: DiscountText,
  at: MoneyContext,
  errors: FieldErrors,
): { input: DiscountInput | null; terms: DiscountTerms | null } {
  if (text.type === 'none') return { input: null, terms: null };
  const description = text.description.trim() || null;
  if (description && description.length > 200) {
    errors.set('discount.description', 'At most 200 characters.');
  }
  if (text.type === 'amount') {
    const amount = typedMoney(text.value, at);
    if (amount === null || amount === 0) {
      errors.set('discount.value', 'Type an amount off, such as 15.00.');
      return { input: null, terms: null };
    }
    return { input: { type: 'amount', amount, description }, terms: { type: 'amount', amount } };
  }
  const value = text.value.trim().replace(',', '.');
  const rate = Math.round(Number(value) * 100);
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value) || rate < 1 || rate > 10_000) {
    errors.set('discount.value', 'A percentage from 0.01 to 100, such as 10.');
    return { input: null, terms: null };
  }
  return { input: { type: 'percent', rate, description }, terms: { type: 'percent', rate } };
}
