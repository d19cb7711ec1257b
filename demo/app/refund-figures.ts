/**
 * What a refund gives back, part by part, by the business's rule (shared/refund-split.ts, the
 * same function the server posts the refund by), and the card it goes back to. For the refund
 * dialog's figures.
 */
import type { Payment } from '../../shared/api/staff.ts';
import { type RefundSplit, type RefundTipAndFee, refundSplit } from '../../shared/refund-split.ts';

export type RefundParts = RefundSplit;

export function refundParts(payment: Payment, amount: number, mode: RefundTipAndFee): RefundParts {
  return refundSplit(payment, payment.amount_refunded, amount, mode);
}

/** "Visa •••• 4242" or "the bank account". */
export function paymentMethodText(payment: Payment): string {
  if (payment.card) {
    // Stripe names brands in lower case ("visa", "amex").
    const brand = payment.card.brand ?? 'card';
    return `${brand[0]!.toUpperCase()}${brand.slice(1)} •••• ${payment.card.last4}`;
  }
  if (payment.method === 'paypal') return 'PayPal';
  return payment.method === 'us_bank_account' ? 'the bank account' : payment.method;
}
