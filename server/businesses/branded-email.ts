/**
 * The frame every customer email shares: the business's name on its brand colour, a white card,
 * paragraphs, an optional button and a footer; inline styles and tables, what mail clients render.
 * The plain-text part is built from the same paragraphs, so the two always say the same thing.
 */

import { escapeHtml } from '../http/html.ts';
import { brandColor, textOn } from './brand-colors.ts';

export interface BrandedEmail {
  business: { name: string; brandColor: string; locale: string };
  /** Paragraphs, in order; the first is the greeting. */
  paragraphs: string[];
  /** A call to action shown as a button (and as the URL on its own line in the text part). */
  button?: { label: string; url: string } | undefined;
  /** Label and value rows (amount due, due date …), after the paragraphs. */
  rows?: [string, string][] | undefined;
  /** Small print after the button. */
  notes?: string[] | undefined;
}

export function brandedText(email: BrandedEmail): string {
  return [
    ...email.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(email.rows?.length
      ? [...email.rows.map(([label, value]) => `${label}: ${value}`), '']
      : []),
    ...(email.button ? [`${email.button.label}: ${email.button.url}`, ''] : []),
    ...(email.notes ?? []).flatMap((note) => [note, '']),
    email.business.name,
  ].join('\n');
}

export function brandedHtml(email: BrandedEmail): string {
  const color = brandColor(email.business.brandColor);
  const on = textOn(color, '#111827');
  const lang = email.business.locale.split('-')[0] ?? 'en';
  const rows = email.rows?.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:0 0 24px">${email.rows
        .map(
          ([label, value]) =>
            `<tr><td style="padding:2px 16px 2px 0;color:#555">${escapeHtml(label)}</td><td style="padding:2px 0;font-weight:bold">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const button = email.button
    ? `<p style="margin:0 0 24px"><a href="${escapeHtml(email.button.url)}" style="display:inline-block;background:${color};color:${on};text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold">${escapeHtml(email.button.label)}</a></p><p style="margin:0 0 16px;color:#555;font-size:13px;word-break:break-all">${escapeHtml(email.button.url)}</p>`
    : '';
  return [
    `<!doctype html><html lang="${escapeHtml(lang)}"><body style="margin:0;background:#f5f5f5;font-family:Helvetica,Arial,sans-serif;color:#222">`,
    '<table role="presentation" style="width:100%;border-collapse:collapse"><tr><td style="padding:24px">',
    '<table role="presentation" style="max-width:560px;margin:0 auto;background:#fff;border-collapse:collapse;width:100%">',
    `<tr><td style="background:${color};color:${on};padding:16px 24px;font-size:20px;font-weight:bold">${escapeHtml(email.business.name)}</td></tr>`,
    '<tr><td style="padding:24px">',
    ...email.paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`),
    rows,
    button,
    ...(email.notes ?? []).map(
      (note) => `<p style="margin:0 0 8px;color:#555;font-size:13px">${escapeHtml(note)}</p>`,
    ),
    '</td></tr></table></td></tr></table></body></html>',
  ].join('');
}

export function isSpanish(locale: string): boolean {
  return locale.toLowerCase().startsWith('es');
}
