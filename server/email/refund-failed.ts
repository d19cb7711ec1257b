/**
 * The notice to the business that a refund it made failed after the provider first reported it
 * succeeded (Stripe's `refund.failed`, say `expired_or_canceled_card`): the customer did not get
 * the money, it is back in the business's provider balance, and the customer owes again what the
 * refund had given back. The business decides how to return it (issue 10, defect 2).
 */
import type { Receipt } from '../documents/receipt-data.ts';
import { money } from '../documents/receipt-words.ts';
import { escapeHtml } from '../http/html.ts';
import type { EmailContent } from './templates.ts';

export function refundFailedEmail(receipt: Receipt, amount: number, reason: string): EmailContent {
  const refunded = money(receipt, amount);
  const number = receipt.payment.receiptNumber ?? '—';
  const subject = `Refund of ${refunded} to ${receipt.customer.name} failed`;
  const lines = [
    `The refund of ${refunded} to ${receipt.customer.name} (payment ${number}) failed: ${reason}.`,
    'The money is back in your payment processor balance and the customer has not received it.',
    "The customer's account shows the amount as paid again. Contact the customer to return it another way.",
  ];
  const html = `<!doctype html><html lang="en"><body style="font-family:Helvetica,Arial,sans-serif;color:#222">${lines
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('')}</body></html>`;
  return { subject, text: lines.join('\n\n'), html };
}
