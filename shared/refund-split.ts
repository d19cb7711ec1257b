/**
 * How a refund divides between what the customer had owed, the tip and the card fee (issue 15:
 * "tip and fee refunded in proportion or not, as the business chooses"). The server posts a
 * refund to the ledger by it; the staff page shows the same figures before staff confirm.
 *
 * - `last` (the default): what was owed comes back first, the tip and then the fee only once all
 *   of it has been refunded. A part refund reopens as much of the invoice as it gives back.
 * - `in_proportion`: every refund gives back the tip and the fee in the share they had of the
 *   payment; a $50 refund of a $100 payment with a $15 tip gives back $7.50 of the tip.
 *
 * Each is written as what the first `given` minor units refunded have given back, part by part,
 * rising with `given` and exact at the whole payment, so several part refunds always add up to
 * the payment and a failed one can be taken back by the same rule. Rounding is down on the fee,
 * then the tip, so a cent left over goes to what was owed.
 */

export type RefundTipAndFee = 'in_proportion' | 'last';

export const REFUND_TIP_AND_FEE: readonly RefundTipAndFee[] = ['last', 'in_proportion'];

export interface PaymentParts {
  /** What went to the account and its invoices. */
  subtotal: number;
  tip: number;
  fee: number;
}

export interface RefundSplit {
  /** Back onto the customer's balance: what it paid is owed again. */
  owed: number;
  tip: number;
  fee: number;
}

/** `a × b ÷ c` rounded down, exact beyond 2^53. */
function share(a: number, b: number, c: number): number {
  return c === 0 ? 0 : Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** What the first `given` minor units refunded of a payment give back, part by part. */
export function refundedBy(
  payment: PaymentParts,
  given: number,
  mode: RefundTipAndFee,
): RefundSplit {
  const { subtotal, tip, fee } = payment;
  if (mode === 'last') {
    const owed = Math.min(given, subtotal);
    const tipBack = Math.min(given - owed, tip);
    return { owed, tip: tipBack, fee: Math.min(given - owed - tipBack, fee) };
  }
  const total = subtotal + tip + fee;
  const feeBack = share(fee, given, total);
  const rest = given - feeBack;
  const tipBack = share(tip, rest, total - fee);
  return { owed: rest - tipBack, tip: tipBack, fee: feeBack };
}

/** What a refund of `amount` gives back, after `alreadyGiven` has been refunded before it. */
export function refundSplit(
  payment: PaymentParts,
  alreadyGiven: number,
  amount: number,
  mode: RefundTipAndFee,
): RefundSplit {
  const before = refundedBy(payment, alreadyGiven, mode);
  const after = refundedBy(payment, alreadyGiven + amount, mode);
  return {
    owed: after.owed - before.owed,
    tip: after.tip - before.tip,
    fee: after.fee - before.fee,
  };
}
