/**
 * What a reminder says, in the customer's language (the business's: customers have no language
 * of their own yet): the link, the amount due and the due date for an invoice; the estimate and
 * its validity for an estimate; a plain nudge for a link not opened yet.
 */
import { formatMoney } from '../../shared/money.ts';
import {
  type BrandedEmail,
  brandedHtml,
  brandedText,
  isSpanish,
} from '../businesses/branded-email.ts';
import type { ReminderKind } from '../db/schema.ts';

export interface ReminderEmailInput {
  kind: ReminderKind;
  business: { name: string; locale: string; brandColor: string; contact: string | null };
  customerName: string;
  url: string;
  /** The invoice or estimate, when the link opens one. */
  document: {
    type: 'invoice' | 'estimate';
    number: string;
    currency: string;
    /** What the invoice still asks for, or the estimate's total. */
    amount: number;
    /** The invoice's due date or the estimate's last valid day, YYYY-MM-DD. */
    date: string | null;
  } | null;
  /** Days from the due date (invoice reminders): negative before, 0 on the day. */
  offsetDays?: number;
}

const EN = {
  hello: (name: string) => `Hello ${name},`,
  invoiceSubject: (business: string, number: string, offset: number) =>
    offset < 0
      ? `Reminder: invoice ${number} from ${business} is due soon`
      : offset === 0
        ? `Invoice ${number} from ${business} is due today`
        : `Invoice ${number} from ${business} is past due`,
  invoiceIntro: (number: string, offset: number) =>
    offset < 0
      ? `A friendly reminder that invoice ${number} is due soon.`
      : offset === 0
        ? `Invoice ${number} is due today.`
        : `Invoice ${number} is past its due date. If you have already paid, thank you and please ignore this message.`,
  estimateSubject: (business: string, number: string) =>
    `Estimate ${number} from ${business} is waiting for you`,
  estimateIntro: (number: string) =>
    `Estimate ${number} is still waiting for your decision: you can approve or decline it online.`,
  expirySubject: (business: string, number: string) =>
    `Estimate ${number} from ${business} expires soon`,
  expiryIntro: (number: string) =>
    `Estimate ${number} expires soon. Approve it online to keep its prices.`,
  notOpenedSubject: (business: string) => `${business} sent you a link`,
  notOpenedIntro: (business: string) =>
    `${business} sent you a secure link a few days ago, and it has not been opened yet.`,
  amountDue: 'Amount due',
  dueDate: 'Due date',
  total: 'Total',
  validUntil: 'Valid until',
  pay: 'View and pay',
  review: 'Review estimate',
  open: 'Open your link',
  personal: 'This link is personal to you: please do not forward it.',
  questions: (contact: string) => `Questions? Contact us at ${contact}.`,
};

const ES: typeof EN = {
  hello: (name) => `Hola, ${name}:`,
  invoiceSubject: (business, number, offset) =>
    offset < 0
      ? `Recordatorio: la factura ${number} de ${business} vence pronto`
      : offset === 0
        ? `La factura ${number} de ${business} vence hoy`
        : `La factura ${number} de ${business} está vencida`,
  invoiceIntro: (number, offset) =>
    offset < 0
      ? `Le recordamos que la factura ${number} vence pronto.`
      : offset === 0
        ? `La factura ${number} vence hoy.`
        : `La factura ${number} ya venció. Si ya la pagó, gracias y no tenga en cuenta este mensaje.`,
  estimateSubject: (business, number) =>
    `El presupuesto ${number} de ${business} espera su respuesta`,
  estimateIntro: (number) =>
    `El presupuesto ${number} sigue esperando su decisión: puede aprobarlo o rechazarlo en línea.`,
  expirySubject: (business, number) => `El presupuesto ${number} de ${business} vence pronto`,
  expiryIntro: (number) =>
    `El presupuesto ${number} vence pronto. Apruébelo en línea para mantener sus precios.`,
  notOpenedSubject: (business) => `${business} le envió un enlace`,
  notOpenedIntro: (business) =>
    `${business} le envió un enlace seguro hace unos días y todavía no lo ha abierto.`,
  amountDue: 'Importe pendiente',
  dueDate: 'Fecha de vencimiento',
  total: 'Total',
  validUntil: 'Válido hasta',
  pay: 'Ver y pagar',
  review: 'Revisar presupuesto',
  open: 'Abrir su enlace',
  personal: 'Este enlace es personal: no lo reenvíe.',
  questions: (contact) => `¿Preguntas? Escríbanos o llámenos: ${contact}.`,
};

/** A calendar day (YYYY-MM-DD) as the locale writes it: "December 15, 2026". */
export function calendarDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/**
 * The text's body (queueText adds the business's name and "Reply STOP to opt out"): what it is,
 * the amount due and the due date (or the estimate's total and last day), and the link.
 */
export function reminderText(input: ReminderEmailInput): string {
  const w = isSpanish(input.business.locale) ? ES : EN;
  const { subject } = reminderEmail(input);
  const document = input.document;
  const figures = document
    ? [
        `${document.type === 'invoice' ? w.amountDue : w.total}: ${formatMoney(document.amount, document.currency, input.business.locale)}`,
        ...(document.date
          ? [
              `${document.type === 'invoice' ? w.dueDate : w.validUntil}: ${calendarDay(document.date, input.business.locale)}`,
            ]
          : []),
      ]
    : [];
  return [subject, ...figures, input.url].join('\n');
}

export function reminderEmail(input: ReminderEmailInput) {
  const w = isSpanish(input.business.locale) ? ES : EN;
  const { business, document } = input;
  const locale = business.locale;
  const number = document?.number ?? '';
  const offset = input.offsetDays ?? 0;
  let subject: string;
  let intro: string;
  let label = w.open;
  const rows: [string, string][] = [];
  if (input.kind === 'invoice' && document) {
    subject = w.invoiceSubject(business.name, number, offset);
    intro = w.invoiceIntro(number, offset);
    label = w.pay;
  } else if (input.kind === 'estimate_follow_up' || input.kind === 'estimate_expiry') {
    subject = (input.kind === 'estimate_expiry' ? w.expirySubject : w.estimateSubject)(
      business.name,
      number,
    );
    intro = (input.kind === 'estimate_expiry' ? w.expiryIntro : w.estimateIntro)(number);
    label = w.review;
  } else {
    subject = w.notOpenedSubject(business.name);
    intro = w.notOpenedIntro(business.name);
  }
  if (document?.type === 'invoice') {
    rows.push([w.amountDue, formatMoney(document.amount, document.currency, locale)]);
    if (document.date) rows.push([w.dueDate, calendarDay(document.date, locale)]);
    if (input.kind !== 'invoice') label = w.pay;
  } else if (document?.type === 'estimate') {
    rows.push([w.total, formatMoney(document.amount, document.currency, locale)]);
    if (document.date) rows.push([w.validUntil, calendarDay(document.date, locale)]);
    label = w.review;
  }
  const email: BrandedEmail = {
    business,
    paragraphs: [w.hello(input.customerName), intro],
    rows,
    button: { label, url: input.url },
    notes: [w.personal, ...(business.contact ? [w.questions(business.contact)] : [])],
  };
  return { subject, text: brandedText(email), html: brandedHtml(email) };
}
