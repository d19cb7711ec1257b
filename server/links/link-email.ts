/**
 * The email that carries a payment link to its customer: who sends it, what it opens (the
 * account, one invoice, one estimate) and the link, in the business's language (English or
 * Spanish), as plain text and as simple inline-styled HTML that mail clients render.
 */
import { brandColor, textOn } from '../businesses/brand-colors.ts';
import { escapeHtml } from '../http/html.ts';

export interface LinkEmailInput {
  business: { name: string; locale: string; brandColor: string; contact: string | null };
  customerName: string;
  kind: 'customer' | 'invoice' | 'estimate';
  /** The invoice's or estimate's number, for those links. */
  documentNumber: string | null;
  url: string;
}

const words = {
  en: {
    subject: {
      customer: (b: string) => `Your account with ${b}`,
      invoice: (b: string, n: string) => `Invoice ${n} from ${b}`,
      estimate: (b: string, n: string) => `Estimate ${n} from ${b}`,
    },
    hello: (name: string) => `Hello ${name},`,
    what: {
      customer: 'see your balance and pay online',
      invoice: (n: string) => `see invoice ${n} and pay online`,
      estimate: (n: string) => `review estimate ${n} and approve or decline it`,
    },
    sent: (b: string, what: string) => `${b} sent you a secure link to ${what}:`,
    button: { customer: 'View and pay', invoice: 'View invoice', estimate: 'Review estimate' },
    personal: 'This link is personal to you: please do not forward it.',
    questions: (contact: string) => `Questions? Contact us at ${contact}.`,
  },
  es: {
    subject: {
      customer: (b: string) => `Su cuenta con ${b}`,
      invoice: (b: string, n: string) => `Factura ${n} de ${b}`,
      estimate: (b: string, n: string) => `Presupuesto ${n} de ${b}`,
    },
    hello: (name: string) => `Hola, ${name}:`,
    what: {
      customer: 'ver su saldo y pagar en línea',
      invoice: (n: string) => `ver la factura ${n} y pagar en línea`,
      estimate: (n: string) => `revisar el presupuesto ${n} y aprobarlo o rechazarlo`,
    },
    sent: (b: string, what: string) => `${b} le envió un enlace seguro para ${what}:`,
    button: { customer: 'Ver y pagar', invoice: 'Ver factura', estimate: 'Revisar presupuesto' },
    personal: 'Este enlace es personal: no lo reenvíe.',
    questions: (contact: string) => `¿Preguntas? Escríbanos o llámenos: ${contact}.`,
  },
};

export function paymentLinkEmail(input: LinkEmailInput) {
  const w = input.business.locale.toLowerCase().startsWith('es') ? words.es : words.en;
  const business = input.business.name;
  const number = input.documentNumber ?? '';
  const subject =
    input.kind === 'customer'
      ? w.subject.customer(business)
      : w.subject[input.kind](business, number);
  const what = input.kind === 'customer' ? w.what.customer : w.what[input.kind](number);
  const intro = w.sent(business, what);
  const contact = input.business.contact ? w.questions(input.business.contact) : null;
  const text = [
    w.hello(input.customerName),
    '',
    intro,
    '',
    input.url,
    '',
    w.personal,
    ...(contact ? ['', contact] : []),
    '',
    business,
  ].join('\n');
  const color = brandColor(input.business.brandColor);
  const on = textOn(color, '#111827');
  const html = [
    '<!doctype html><html><body style="margin:0;background:#f5f5f5;font-family:Helvetica,Arial,sans-serif;color:#222">',
    '<table role="presentation" style="width:100%;border-collapse:collapse"><tr><td style="padding:24px">',
    '<table role="presentation" style="max-width:560px;margin:0 auto;background:#fff;border-collapse:collapse;width:100%">',
    `<tr><td style="background:${color};color:${on};padding:16px 24px;font-size:20px;font-weight:bold">${escapeHtml(business)}</td></tr>`,
    '<tr><td style="padding:24px">',
    `<p style="margin:0 0 16px">${escapeHtml(w.hello(input.customerName))}</p>`,
    `<p style="margin:0 0 24px">${escapeHtml(intro)}</p>`,
    `<p style="margin:0 0 24px"><a href="${escapeHtml(input.url)}" style="display:inline-block;background:${color};color:${on};text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold">${escapeHtml(w.button[input.kind])}</a></p>`,
    `<p style="margin:0 0 8px;color:#555;font-size:13px;word-break:break-all">${escapeHtml(input.url)}</p>`,
    `<p style="margin:0;color:#555;font-size:13px">${escapeHtml(w.personal)}</p>`,
    contact ? `<p style="margin:16px 0 0;color:#555">${escapeHtml(contact)}</p>` : '',
    '</td></tr></table></td></tr></table></body></html>',
  ].join('');
  return { subject, text, html };
}
