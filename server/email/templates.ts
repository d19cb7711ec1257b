/**
 * The emails about a payment: the receipt to the customer and the notice to the business. Each
 * is a subject, a plain-text body and an HTML body (inline styles, tables: what mail clients
 * render), in the business's locale, with every figure formatted by shared/money.ts.
 */

import { brandColor, textOn } from '../businesses/brand-colors.ts';
import type { Receipt } from '../documents/receipt-data.ts';
import { lineLabel, methodLabel, money, paidOn, receiptWords } from '../documents/receipt-words.ts';
import { escapeHtml } from '../http/html.ts';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** The receipt to the customer: business, receipt number, what was paid, tip, fee, method, date. */
export function receiptEmail(receipt: Receipt): EmailContent {
  const words = receiptWords(receipt.business.locale);
  const total = money(receipt, receipt.payment.total);
  const rows = figureRows(receipt);
  const contact = receipt.business.email ?? receipt.business.phone;
  const footer = [receipt.business.name, receipt.business.address, receipt.business.phone]
    .filter(Boolean)
    .join(' · ');
  const text = [
    words.thanks(receipt.business.name),
    '',
    `${words.receiptNumber}: ${receipt.payment.receiptNumber ?? '—'}`,
    `${words.date}: ${paidOn(receipt)}`,
    `${words.paymentMethod}: ${methodLabel(receipt)}`,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    words.pdfAttached,
    ...(contact ? ['', `${words.questions} ${contact}.`] : []),
    '',
    footer,
  ].join('\n');
  const html = layout(receipt, [
    `<p style="margin:0 0 16px">${escapeHtml(words.thanks(receipt.business.name))}</p>`,
    detailTable([
      [words.receiptNumber, receipt.payment.receiptNumber ?? '—'],
      [words.date, paidOn(receipt)],
      [words.paymentMethod, methodLabel(receipt)],
    ]),
    figureTable(rows),
    `<p style="margin:16px 0 0;color:#555">${escapeHtml(words.pdfAttached)}</p>`,
    contact
      ? `<p style="margin:8px 0 0;color:#555">${escapeHtml(`${words.questions} ${contact}.`)}</p>`
      : '',
    `<p style="margin:24px 0 0;color:#888;font-size:12px">${escapeHtml(footer)}</p>`,
  ]);
  return { subject: words.receiptSubject(receipt.business.name, total), text, html };
}

/** The notice to the business: who paid what, for which invoices, how, and the receipt number. */
export function paymentNoticeEmail(receipt: Receipt): EmailContent {
  const words = receiptWords(receipt.business.locale);
  const total = money(receipt, receipt.payment.total);
  const rows = figureRows(receipt);
  const details: [string, string][] = [
    [words.billedTo, receipt.customer.name],
    ...(receipt.customer.email
      ? [[words.customerEmail, receipt.customer.email] as [string, string]]
      : []),
    [words.receiptNumber, receipt.payment.receiptNumber ?? '—'],
    [words.date, paidOn(receipt)],
    [words.paymentMethod, methodLabel(receipt)],
  ];
  const text = [
    words.noticeIntro(receipt.customer.name, total),
    '',
    ...details.map(([label, value]) => `${label}: ${value}`),
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
  ].join('\n');
  const html = layout(receipt, [
    `<p style="margin:0 0 16px">${escapeHtml(words.noticeIntro(receipt.customer.name, total))}</p>`,
    detailTable(details),
    figureTable(rows),
  ]);
  return { subject: words.noticeSubject(receipt.customer.name, total), text, html };
}

/** What was paid line by line, then tip, fee and the total: label and formatted amount. */
function figureRows(receipt: Receipt): [string, string, boolean?][] {
  const words = receiptWords(receipt.business.locale);
  const rows: [string, string, boolean?][] = receipt.lines.map((line) => [
    lineLabel(line, receipt.business.locale),
    money(receipt, line.amount),
  ]);
  if (receipt.payment.tip > 0) rows.push([words.tip, money(receipt, receipt.payment.tip)]);
  if (receipt.payment.fee > 0) rows.push([words.fee, money(receipt, receipt.payment.fee)]);
  rows.push([words.total, money(receipt, receipt.payment.total), true]);
  if (receipt.refunded > 0) rows.push([words.refunded, money(receipt, -receipt.refunded)]);
  return rows;
}

function detailTable(rows: [string, string][]): string {
  const cells = rows
    .map(
      ([label, value]) =>
        `<tr><td style="padding:2px 16px 2px 0;color:#555">${escapeHtml(label)}</td><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${cells}</table>`;
}

function figureTable(rows: [string, string, boolean?][]): string {
  const cells = rows
    .map(([label, value, strong]) => {
      const style = strong ? 'font-weight:bold;border-top:1px solid #ddd;padding-top:8px' : '';
      return `<tr><td style="padding:4px 0;${style}">${escapeHtml(label)}</td><td style="padding:4px 0;text-align:right;${style}">${escapeHtml(value)}</td></tr>`;
    })
    .join('');
  return `<table role="presentation" style="border-collapse:collapse;width:100%">${cells}</table>`;
}

/** The branded frame every email about a payment shares: the business's colour band and name. */
export function emailLayout(receipt: Receipt, blocks: string[]): string {
  return layout(receipt, blocks);
}

function layout(receipt: Receipt, blocks: string[]): string {
  const color = brandColor(receipt.business.brandColor);
  const ink = textOn(color);
  const lang = receipt.business.locale.split('-')[0] ?? 'en';
  return [
    `<!doctype html><html lang="${escapeHtml(lang)}"><body style="margin:0;background:#f5f5f5;font-family:Helvetica,Arial,sans-serif;color:#222">`,
    '<table role="presentation" style="width:100%;border-collapse:collapse"><tr><td style="padding:24px">',
    '<table role="presentation" style="max-width:560px;margin:0 auto;background:#fff;border-collapse:collapse;width:100%">',
    `<tr><td style="background:${color};color:${ink};padding:16px 24px;font-size:20px;font-weight:bold">${escapeHtml(receipt.business.name)}</td></tr>`,
    `<tr><td style="padding:24px">${blocks.join('')}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('');
}
