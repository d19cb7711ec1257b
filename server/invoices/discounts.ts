/**
 * An invoice's discount in the staff API (issue 11): what staff send (an amount off or a rate
 * off, with a description), what the invoice keeps of it, and how the API shows it. The pricing
 * itself (before tax, spread over the lines, rounded half away from zero) is shared/discount.ts,
 * so the staff page's editor shows the figures the server will compute.
 */
import { z } from '@hono/zod-openapi';
import type { DiscountTerms } from '../../shared/discount.ts';
import type { InvoiceTable } from '../db/schema.ts';
import { positiveAmount } from '../http/schemas.ts';

const description = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .openapi({ description: 'Printed beside "Discount", such as "Spring offer".' });

export const DiscountInput = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('amount'),
      amount: positiveAmount.openapi({ description: 'Minor units off, at most the subtotal.' }),
      description,
    }),
    z.strictObject({
      type: z.literal('percent'),
      rate: z.number().int().min(1).max(10_000).openapi({
        description:
          'Basis points off the subtotal: 1000 is 10 %. The amount is rounded half away from zero.',
      }),
      description,
    }),
  ])
  .openapi('DiscountInput');

export type DiscountChoice = z.output<typeof DiscountInput>;

export const Discount = z
  .object({
    type: z.enum(['amount', 'percent']),
    rate: z.number().int().nullable().openapi({ description: 'Basis points, for `percent`.' }),
    amount: z.number().int().openapi({ description: 'What it came to, in minor units.' }),
    description: z.string().nullable(),
  })
  .openapi('Discount');

export function discountTerms(choice: DiscountChoice | null | undefined): DiscountTerms | null {
  if (!choice) return null;
  return choice.type === 'percent'
    ? { type: 'percent', rate: choice.rate }
    : { type: 'amount', amount: choice.amount };
}

/** The invoice's discount terms as stored, for pricing its lines again (a draft edited). */
export function storedDiscount(
  invoice: Pick<InvoiceTable, 'discount_type' | 'discount_rate' | 'discount_description'> & {
    discount_amount: number;
  },
): DiscountChoice | null {
  if (invoice.discount_type === 'percent') {
    return {
      type: 'percent',
      rate: Number(invoice.discount_rate),
      description: invoice.discount_description,
    };
  }
  if (invoice.discount_type === 'amount') {
    return {
      type: 'amount',
      amount: Number(invoice.discount_amount),
      description: invoice.discount_description,
    };
  }
  return null;
}

/** The invoice's columns for a discount that came to `amount`. */
export function discountColumns(choice: DiscountChoice | null | undefined, amount: number) {
  return {
    discount_type: choice?.type ?? null,
    discount_rate: choice?.type === 'percent' ? choice.rate : null,
    discount_amount: choice ? amount : 0,
    discount_description: choice?.description || null,
  };
}

export function discountView(invoice: InvoiceTable) {
  if (!invoice.discount_type) return null;
  return {
    type: invoice.discount_type,
    rate: invoice.discount_rate === null ? null : Number(invoice.discount_rate),
    amount: Number(invoice.discount_amount),
    description: invoice.discount_description,
  };
}
