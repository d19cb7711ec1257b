/**
 * The customer's notice that a refund was issued: how much, of which payment (receipt number),
 * to which method, and that banks take a few days. In the business's language and branding, with
 * a plain-text part. Sent once, when the refund is posted (server/payments/refunds.ts).
 */
import {
  type BrandedEmail,
  brandedHtml,
  brandedText,
  isSpanish,
} from '../businesses/branded-email.ts';
import type { Receipt } from '../documents/receipt-data.ts';
import { methodLabel, money, paidOn } from '../documents/receipt-words.ts';
import type { EmailContent } from './templates.ts';

const WORDS = {
  en: {
    subject: (amount: string, business: string) => `${business} refunded you ${amount}`,
    hello: (name: string) => `Hello ${name},`,
    intro: (business: string, amount: string) => `${business} issued you a refund of ${amount}.`,
    refund: 'Refund',
    receipt: 'Original receipt',
    paidOn: 'Paid on',
    method: 'Refunded to',
    timing:
      'Refunds usually reach your account within 5 to 10 business days, depending on your bank.',
  },
  es: {
    subject: (amount: string, business: string) => `${business} le reembolsó ${amount}`,
    hello: (name: string) => `Hola, ${name}:`,
    intro: (business: string, amount: string) => `${business} le emitió un reembolso de ${amount}.`,
    refund: 'Reembolso',
    receipt: 'Recibo original',
    paidOn: 'Fecha del pago',
    method: 'Reembolsado a',
    timing: 'Los reembolsos suelen llegar a su cuenta en 5 a 10 días hábiles, según su banco.',
  },
};

export function refundIssuedEmail(receipt: Receipt, amount: number): EmailContent {
  const w = isSpanish(receipt.business.locale) ? WORDS.es : WORDS.en;
  const refunded = money(receipt, amount);
  const email: BrandedEmail = {
    business: receipt.business,
    paragraphs: [w.hello(receipt.customer.name), w.intro(receipt.business.name, refunded)],
    rows: [
      [w.refund, refunded],
      [w.receipt, receipt.payment.receiptNumber ?? '—'],
      [w.paidOn, paidOn(receipt)],
      [w.method, methodLabel(receipt)],
    ],
    notes: [w.timing],
  };
  return {
    subject: w.subject(refunded, receipt.business.name),
    text: brandedText(email),
    html: brandedHtml(email),
  };
}
