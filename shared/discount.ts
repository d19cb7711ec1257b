/**
 * An invoice's discount (issue 11: "subtotal, discounts if any, tax"), priced the one way the
 * server, the staff page and the element all show it:
 *
 * - A percent discount is `subtotal × rate ÷ 10 000`, rounded half away from zero at the minor
 *   unit (shared/money.ts's one rule); an amount discount is taken as it is, at most the subtotal.
 * - It applies before tax: the discount is spread over the lines in proportion to their amounts
 *   (largest remainder, so the lines' shares add up to the discount exactly), and each line's tax
 *   is its rate on what is left of it, rounded per line as without a discount.
 * - total = subtotal − discount + tax, so every figure stays a whole number of minor units.
 */
import { allocateInProportion, applyBasisPoints } from './money.ts';

export type DiscountType = 'amount' | 'percent';

/** What staff ask for: an amount off (minor units) or a rate off (basis points: 1 000 is 10 %). */
export type DiscountTerms = { type: 'amount'; amount: number } | { type: 'percent'; rate: number };

export interface PricedDocument {
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  /** Per line, in order: its share of the discount and its tax on what is left. */
  lines: { discount: number; tax: number }[];
}

/** The discount in minor units on `subtotal`, never more than the subtotal. */
export function discountAmount(subtotal: number, terms: DiscountTerms | null): number {
  if (!terms) return 0;
  const amount = terms.type === 'percent' ? applyBasisPoints(subtotal, terms.rate) : terms.amount;
  return Math.min(Math.max(amount, 0), subtotal);
}

/** Prices a document's lines (amount before tax, tax rate in basis points) with its discount. */
export function priceWithDiscount(
  lines: readonly { amount: number; tax_rate: number }[],
  terms: DiscountTerms | null,
): PricedDocument {
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const discount = discountAmount(subtotal, terms);
  const shares = allocateInProportion(
    discount,
    lines.map((line) => line.amount),
  );
  const priced = lines.map((line, index) => {
    const share = shares[index] ?? 0;
    return { discount: share, tax: applyBasisPoints(line.amount - share, line.tax_rate) };
  });
  const tax = priced.reduce((sum, line) => sum + line.tax, 0);
  return { subtotal, discount, tax, total: subtotal - discount + tax, lines: priced };
}
