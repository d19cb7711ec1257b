/**
 * The email that takes a customer's question about an invoice to the business (through the
 * outbox, in the transaction that records the question), in the business's locale, replying to
 * the customer: the estimate's question email (server/estimates/emails.ts) for an invoice.
 */
import { formatMoney } from '../../shared/money.ts';
import { brandColor } from '../businesses/brand-colors.ts';
import { businessInbox, businessSettings } from '../businesses/businesses.ts';
import type { Trx } from '../db/database.ts';
import type { BusinessTable, CustomerTable, InvoiceTable } from '../db/schema.ts';
import { escapeHtml } from '../http/html.ts';
import { enqueueEmail, type OutboxMessage } from '../outbox/outbox.ts';

const EN = {
  subject: (customer: string, number: string) =>
    `Question from ${customer} about invoice ${number}`,
  intro: (customer: string, number: string, total: string) =>
    `${customer} asked a question about invoice ${number} (${total}):`,
  customerEmail: 'Customer email',
  replyHint: 'Reply to this email to answer the customer.',
  noEmailHint: 'The customer has no email on file; contact them another way.',
};

const ES: typeof EN = {
  subject: (customer, number) => `Pregunta de ${customer} sobre la factura ${number}`,
  intro: (customer, number, total) =>
    `${customer} hizo una pregunta sobre la factura ${number} (${total}):`,
  customerEmail: 'Correo del cliente',
  replyHint: 'Responda a este correo para contestar al cliente.',
  noEmailHint: 'El cliente no tiene correo registrado; contáctelo por otro medio.',
};

export interface InvoiceQuestionSubject {
  business: BusinessTable;
  customer: CustomerTable;
  invoice: InvoiceTable;
}

/** Queues the question to the business; null (nothing queued) when it has no address. */
export async function enqueueInvoiceQuestion(
  trx: Trx,
  subject: InvoiceQuestionSubject,
  message: string,
): Promise<OutboxMessage | null> {
  const to = businessInbox(subject.business);
  if (!to) return null;
  return enqueueEmail(trx, {
    business_id: subject.business.id,
    kind: 'question',
    to,
    reply_to: subject.customer.email,
    ...invoiceQuestionContent(subject, message),
  });
}

export function invoiceQuestionContent(
  { business, customer, invoice }: InvoiceQuestionSubject,
  message: string,
) {
  const words = business.locale.toLowerCase().startsWith('es') ? ES : EN;
  const total = formatMoney(invoice.total, invoice.currency, business.locale);
  const subject = words.subject(customer.name, invoice.number);
  const intro = words.intro(customer.name, invoice.number, total);
  const hint = customer.email ? words.replyHint : words.noEmailHint;
  const contact = customer.email ? `${words.customerEmail}: ${customer.email}` : null;
  const text = [intro, '', message, '', ...(contact ? [contact, ''] : []), hint].join('\n');
  const color = brandColor(businessSettings(business).branding.brand_color);
  const lang = escapeHtml(business.locale.split('-')[0] ?? 'en');
  const html = [
    `<!doctype html><html lang="${lang}"><body style="margin:0;background:#f5f5f5;font-family:Helvetica,Arial,sans-serif;color:#222">`,
    '<table role="presentation" style="max-width:560px;margin:24px auto;background:#fff;border-collapse:collapse;width:100%">',
    `<tr><td style="background:${color};color:#fff;padding:16px 24px;font-size:20px;font-weight:bold">${escapeHtml(business.name)}</td></tr>`,
    '<tr><td style="padding:24px">',
    `<p style="margin:0 0 16px">${escapeHtml(intro)}</p>`,
    `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid ${color};background:#f7f7f7;white-space:pre-wrap">${escapeHtml(message)}</blockquote>`,
    contact ? `<p style="margin:0 0 16px">${escapeHtml(contact)}</p>` : '',
    `<p style="margin:0;color:#555">${escapeHtml(hint)}</p>`,
    '</td></tr></table></body></html>',
  ].join('');
  return { subject, text, html };
}
