/**
 * Payments as the staff API shows them (GET /v1/payments) and events carry them: the fields the
 * portal shows too, the invoices paid, refunds with staff's reasons, and a dispute.
 */
import type { Db, Trx } from '../db/database.ts';
import type { RefundTable } from '../db/schema.ts';
import { disputesOf, disputeView } from './disputes.ts';
import {
  amountRefunded,
  invoiceAllocations,
  type Payment,
  paymentFields,
  refundsOf,
  refundView,
} from './payments.ts';

/** The refund as staff see it: the customer's view (refundView) and staff's reason. */
export function staffRefundView(refund: RefundTable, currency: string) {
  return { ...refundView(refund, currency), reason: refund.reason };
}

export async function staffPaymentViews(db: Db | Trx, payments: Payment[]) {
  const ids = payments.map((payment) => payment.id);
  const [allocations, refunds, disputes] = await Promise.all([
    invoiceAllocations(db, ids),
    refundsOf(db, ids),
    disputesOf(db, ids),
  ]);
  return payments.map((payment) => {
    const given = refunds.get(payment.id) ?? [];
    return {
      ...paymentFields(payment),
      customer: payment.customer_id,
      payment_link: payment.payment_link_id,
      provider_payment_id: payment.provider_payment_id,
      invoices: allocations.get(payment.id) ?? [],
      amount_refunded: amountRefunded(given),
      refunds: given.map((refund) => staffRefundView(refund, payment.currency)),
      dispute: disputeView(disputes.get(payment.id)),
    };
  });
}
