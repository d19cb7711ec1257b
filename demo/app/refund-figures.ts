/**
 * What a refund gives back, part by part, as the server gives it (server/payments/refunds.ts):
 * first what went to the account and invoices, then the tip, then the fee; earlier refunds have
 * taken the first parts already. For the refund dialog's figures only: the server decides.
 */
import type { Payment } from '../../shared/api/staff.ts';

export interface RefundParts {
  /** Back onto the customer's balance: what it paid is owed again. */
  owed: number;
  tip: number;
  fee: number;
}

export function refundParts(payment: Payment, amount: number): RefundParts {
  let skip = payment.amount_refunded;
  let left = amount;
  const take = (part: number) => {
    const skipped = Math.min(skip, part);
    skip -= skipped;
    const given = Math.min(left, part - skipped);
    left -= given;
    return given;
  };
  const owed = take(payment.subtotal);
  const tip = take(payment.tip);
  return { owed, tip, fee: take(payment.fee) };
}

/** "Visa •••• 4242" or "the bank account". */
export function paymentMethodText(payment: Payment): string {
  if (payment.card) {
    // Stripe names brands in lower case ("visa", "amex").
    const brand = payment.card.brand ?? 'card';
    return `${brand[0]!.toUpperCase()}${brand.slice(1)} •••• ${payment.card.last4}`;
  }
  return payment.method === 'us_bank_account' ? 'the bank account' : payment.method;
}
