/**
 * The emails estimates send the business: a notice of each decision (approved, with who signed
 * and any deposit; declined, with the reason) and each question a customer asks. They go through
 * the outbox in the transaction of what they tell, to the business's notification address (or,
 * without one, its public email), in the business's locale, replying to the customer.
 */

import { formatMoney } from '../../shared/money.ts';
import { brandColor } from '../businesses/brand-colors.ts';
import { businessInbox, businessSettings, businessTimeZone } from '../businesses/businesses.ts';
import type { Trx } from '../db/database.ts';
import type { BusinessTable, CustomerTable, EstimateTable } from '../db/schema.ts';
import { escapeHtml } from '../http/html.ts';
import { enqueueEmail, type OutboxMessage } from '../outbox/outbox.ts';

const EN = {
  approvedSubject: (customer: string, number: string) => `${customer} approved estimate ${number}`,
  declinedSubject: (customer: string, number: string) => `${customer} declined estimate ${number}`,
  questionSubject: (customer: string, number: string) =>
    `Question from ${customer} about estimate ${number}`,
  approvedIntro: (customer: string, number: string, total: string) =>
    `${customer} approved estimate ${number} (${total}).`,
  declinedIntro: (customer: string, number: string, total: string) =>
    `${customer} declined estimate ${number} (${total}).`,
  questionIntro: (customer: string, number: string) =>
    `${customer} asked a question about estimate ${number}:`,
  signedBy: 'Signed by',
  drawnSignature: 'Drawn signature',
  signedAt: 'Signed at',
  decidedAt: 'Date',
  deposit: 'Deposit required',
  reason: 'Reason',
  noReason: 'No reason given.',
  customerEmail: 'Customer email',
  replyHint: 'Reply to this email to answer the customer.',
  noEmailHint: 'The customer has no email on file; contact them another way.',
};

type Words = typeof EN;

const ES: Words = {
  approvedSubject: (customer, number) => `${customer} aprobó el presupuesto ${number}`,
  declinedSubject: (customer, number) => `${customer} rechazó el presupuesto ${number}`,
  questionSubject: (customer, number) => `Pregunta de ${customer} sobre el presupuesto ${number}`,
  approvedIntro: (customer, number, total) =>
    `${customer} aprobó el presupuesto ${number} (${total}).`,
  declinedIntro: (customer, number, total) =>
    `${customer} rechazó el presupuesto ${number} (${total}).`,
  questionIntro: (customer, number) =>
    `${customer} hizo una pregunta sobre el presupuesto ${number}:`,
  signedBy: 'Firmado por',
  drawnSignature: 'Firma manuscrita',
  signedAt: 'Firmado el',
  decidedAt: 'Fecha',
  deposit: 'Depósito requerido',
  reason: 'Motivo',
  noReason: 'Sin motivo indicado.',
  customerEmail: 'Correo del cliente',
  replyHint: 'Responda a este correo para contestar al cliente.',
  noEmailHint: 'El cliente no tiene correo registrado; contáctelo por otro medio.',
};

function wordsFor(locale: string): Words {
  return locale.toLowerCase().startsWith('es') ? ES : EN;
}

export interface EstimateNoticeSubject {
  business: BusinessTable;
  customer: CustomerTable;
  estimate: EstimateTable;
}

export type EstimateNotice =
  | {
      kind: 'approved';
      signer: string | null;
      drawn: boolean;
      decidedAt: string;
      depositDue: number;
    }
  | { kind: 'declined'; reason: string | null; decidedAt: string }
  | { kind: 'question'; message: string };

/** Queues the email to the business; null (nothing queued) when it has no address. */
export async function enqueueEstimateNotice(
  trx: Trx,
  subject: EstimateNoticeSubject,
  notice: EstimateNotice,
): Promise<OutboxMessage | null> {
  const to = businessInbox(subject.business);
  if (!to) return null;
  return enqueueEmail(trx, {
    business_id: subject.business.id,
    kind: notice.kind === 'question' ? 'question' : 'estimate_decision',
    to,
    reply_to: subject.customer.email,
    ...estimateNoticeContent(subject, notice),
  });
}

export function estimateNoticeContent(
  { business, customer, estimate }: EstimateNoticeSubject,
  notice: EstimateNotice,
) {
  const words = wordsFor(business.locale);
  const money = (amount: number) => formatMoney(amount, estimate.currency, business.locale);
  const when = (at: string) =>
    new Intl.DateTimeFormat(business.locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: businessTimeZone(business),
    }).format(new Date(at));
  const total = money(estimate.total);
  let subject: string;
  let intro: string;
  const rows: [string, string][] = [];
  let quote: string | null = null;
  if (notice.kind === 'approved') {
    subject = words.approvedSubject(customer.name, estimate.number);
    intro = words.approvedIntro(customer.name, estimate.number, total);
    const how = notice.drawn ? words.drawnSignature : null;
    rows.push([words.signedBy, [notice.signer, how].filter(Boolean).join(' · ')]);
    rows.push([words.signedAt, `${when(notice.decidedAt)} UTC`]);
    if (notice.depositDue > 0) rows.push([words.deposit, money(notice.depositDue)]);
  } else if (notice.kind === 'declined') {
    subject = words.declinedSubject(customer.name, estimate.number);
    intro = words.declinedIntro(customer.name, estimate.number, total);
    rows.push([words.decidedAt, `${when(notice.decidedAt)} UTC`]);
    quote = notice.reason ?? words.noReason;
  } else {
    subject = words.questionSubject(customer.name, estimate.number);
    intro = words.questionIntro(customer.name, estimate.number);
    quote = notice.message;
  }
  if (customer.email) rows.push([words.customerEmail, customer.email]);
  const hint = customer.email ? words.replyHint : words.noEmailHint;
  const reasonLabel = notice.kind === 'declined' ? `${words.reason}: ` : '';

  const text = [
    intro,
    ...(quote !== null ? ['', `${reasonLabel}${quote}`] : []),
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    hint,
  ].join('\n');

  const color = brandColor(businessSettings(business).branding.brand_color);
  const lang = escapeHtml(business.locale.split('-')[0] ?? 'en');
  const cells = rows
    .map(
      ([label, value]) =>
        `<tr><td style="padding:2px 16px 2px 0;color:#555">${escapeHtml(label)}</td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const blockquote =
    quote === null
      ? ''
      : `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid ${color};background:#f7f7f7;white-space:pre-wrap">${escapeHtml(reasonLabel + quote)}</blockquote>`;
  const html = [
    `<!doctype html><html lang="${lang}"><body style="margin:0;background:#f5f5f5;font-family:Helvetica,Arial,sans-serif;color:#222">`,
    '<table role="presentation" style="width:100%;border-collapse:collapse"><tr><td style="padding:24px">',
    '<table role="presentation" style="max-width:560px;margin:0 auto;background:#fff;border-collapse:collapse;width:100%">',
    `<tr><td style="background:${color};color:#fff;padding:16px 24px;font-size:20px;font-weight:bold">${escapeHtml(business.name)}</td></tr>`,
    '<tr><td style="padding:24px">',
    `<p style="margin:0 0 16px">${escapeHtml(intro)}</p>`,
    blockquote,
    `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${cells}</table>`,
    `<p style="margin:0;color:#555">${escapeHtml(hint)}</p>`,
    '</td></tr></table></td></tr></table></body></html>',
  ].join('');
  return { subject, text, html };
}
