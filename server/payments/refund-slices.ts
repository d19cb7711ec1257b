/**
 * The ledger's view of one refund: which parts of the payment it gives back. The split between
 * what was owed, the tip and the fee is the business's rule (shared/refund-split.ts); what was
 * owed comes back account first (credit, in effect), then the invoices, last paid first.
 */
import { type RefundTipAndFee, refundedBy, refundSplit } from '../../shared/refund-split.ts';
import { businessSettings } from '../businesses/businesses.ts';
import type { Trx } from '../db/database.ts';
import type { Payment } from './payments.ts';

export interface RefundSlice {
  part: 'account' | 'invoice' | 'tip' | 'fee';
  invoice: string | null;
  amount: number;
}

/**
 * The business's rule as it stands when the refund is posted. A rule changed between two part
 * refunds of one payment applies from the next one, computed over the whole payment as if it had
 * held throughout (docs/api.md, "Payments and refunds", says what that means).
 */
export async function refundTipAndFee(trx: Trx, businessId: string): Promise<RefundTipAndFee> {
  const business = await trx
    .selectFrom('businesses')
    .select('settings')
    .where('id', '=', businessId)
    .executeTakeFirstOrThrow();
  return businessSettings(business).refund_tip_and_fee;
}

/** The parts `[alreadyGiven, alreadyGiven + amount)` of the payment cover. */
export function refundSlices(
  payment: Pick<Payment, 'subtotal' | 'tip' | 'fee'>,
  allocations: readonly { invoice: string; amount: number }[],
  alreadyGiven: number,
  amount: number,
  mode: RefundTipAndFee,
): RefundSlice[] {
  const parts = {
    subtotal: Number(payment.subtotal),
    tip: Number(payment.tip),
    fee: Number(payment.fee),
  };
  const split = refundSplit(parts, alreadyGiven, amount, mode);
  const invoiced = allocations.reduce((sum, allocation) => sum + allocation.amount, 0);
  const owedParts: RefundSlice[] = [
    { part: 'account', invoice: null, amount: parts.subtotal - invoiced },
    ...[...allocations].reverse().map((allocation) => ({
      part: 'invoice' as const,
      invoice: allocation.invoice,
      amount: allocation.amount,
    })),
  ];
  const slices: RefundSlice[] = [];
  const start = refundedBy(parts, alreadyGiven, mode).owed;
  const end = start + split.owed;
  let offset = 0;
  for (const part of owedParts) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + part.amount);
    if (to > from) slices.push({ ...part, amount: to - from });
    offset += part.amount;
  }
  if (split.tip > 0) slices.push({ part: 'tip', invoice: null, amount: split.tip });
  if (split.fee > 0) slices.push({ part: 'fee', invoice: null, amount: split.fee });
  return slices;
}
