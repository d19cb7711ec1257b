/**
 * The emails a recorded payment sends: a receipt to the customer when an email is on file, and a
 * notice to the business's notification address when it has one. Called by record.ts inside the
 * transaction that posts the payment, so they go out exactly when the payment is recorded, once.
 */
import { forCustomer } from '../businesses/customer-locale.ts';
import type { Trx } from '../db/database.ts';
import { loadReceipt } from '../documents/receipt-data.ts';
import { paymentNoticeEmail, receiptEmail } from '../email/templates.ts';
import { enqueueEmail, type OutboxMessage } from '../outbox/outbox.ts';

export async function enqueuePaymentEmails(trx: Trx, paymentId: string): Promise<OutboxMessage[]> {
  const receipt = await loadReceipt(trx, paymentId);
  const queued: OutboxMessage[] = [];
  if (receipt.customer.email) {
    queued.push(
      await enqueueEmail(trx, {
        business_id: receipt.business.id,
        kind: 'receipt',
        to: receipt.customer.email,
        reply_to: receipt.business.email,
        payment_id: paymentId,
        ...receiptEmail({ ...receipt, business: forCustomer(receipt.business, receipt.customer) }),
      }),
    );
  }
  if (receipt.business.notificationEmail) {
    queued.push(
      await enqueueEmail(trx, {
        business_id: receipt.business.id,
        kind: 'payment_notice',
        to: receipt.business.notificationEmail,
        reply_to: receipt.customer.email,
        payment_id: paymentId,
        ...paymentNoticeEmail(receipt),
      }),
    );
  }
  return queued;
}
