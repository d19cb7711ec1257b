/**
 * The email to the customer when the business refunds them (issue 11, "Refunds the customer can
 * see"): how much, of which payment, where it goes back (the card or account they paid with) and
 * when banks usually show it; in the business's locale (English, Spanish). Staff's reason for the
 * refund is theirs and never appears here. The receipt PDF, which shows the refund, is attached
 * by the sender.
 */
import type { Receipt } from '../documents/receipt-data.ts';
import { methodLabel, money } from '../documents/receipt-words.ts';
import { escapeHtml } from '../http/html.ts';
import { type EmailContent, emailLayout } from './templates.ts';

const EN = {
  subject: (business: string, amount: string) => `Your refund from ${business}: ${amount}`,
  intro: (business: string, amount: string, receipt: string) =>
    `${business} has refunded ${amount} of your payment ${receipt}.`,
  whereTo: (method: string) => `The money goes back to ${method}.`,
  bankDelay: 'Banks usually take 5 to 10 business days to show a refund on your statement.',
  total: (amount: string) => `Refunded of this payment so far: ${amount}.`,
  testMode: 'Test mode: this payment was made with test keys; no real money moved.',
  attached: 'The updated receipt is attached as a PDF.',
  questions: 'Questions? Reply to this email or contact',
};

type Words = typeof EN;

const ES: Words = {
  subject: (business, amount) => `Su reembolso de ${business}: ${amount}`,
  intro: (business, amount, receipt) =>
    `${business} le ha reembolsado ${amount} de su pago ${receipt}.`,
  whereTo: (method) => `El dinero vuelve a ${method}.`,
  bankDelay: 'Los bancos suelen tardar de 5 a 10 días hábiles en mostrar un reembolso.',
  total: (amount) => `Reembolsado de este pago hasta ahora: ${amount}.`,
  testMode: 'Modo de prueba: este pago se hizo con claves de prueba; no se movió dinero real.',
  attached: 'El recibo actualizado va adjunto en PDF.',
  questions: '¿Preguntas? Responda a este correo o escriba a',
};

function refundWords(locale: string): Words {
  return locale.toLowerCase().startsWith('es') ? ES : EN;
}

/** `amount` is this refund's; `receipt.refunded` counts it with every earlier one. */
export function refundEmail(receipt: Receipt, amount: number): EmailContent {
  const words = refundWords(receipt.business.locale);
  const refunded = money(receipt, amount);
  const number = receipt.payment.receiptNumber ?? receipt.payment.id;
  const contact = receipt.business.email ?? receipt.business.phone;
  const paragraphs = [
    words.intro(receipt.business.name, refunded, number),
    `${words.whereTo(methodLabel(receipt))} ${words.bankDelay}`,
    ...(receipt.refunded > amount ? [words.total(money(receipt, receipt.refunded))] : []),
    ...(receipt.payment.testMode ? [words.testMode] : []),
    words.attached,
    ...(contact ? [`${words.questions} ${contact}.`] : []),
  ];
  const footer = [receipt.business.name, receipt.business.address, receipt.business.phone]
    .filter(Boolean)
    .join(' · ');
  return {
    subject: words.subject(receipt.business.name, refunded),
    text: [...paragraphs, footer].join('\n\n'),
    html: emailLayout(receipt, [
      ...paragraphs.map((line) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`),
      `<p style="margin:24px 0 0;color:#888;font-size:12px">${escapeHtml(footer)}</p>`,
    ]),
  };
}
