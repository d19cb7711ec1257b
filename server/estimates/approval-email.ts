/**
 * The customer's confirmation of an approved estimate: thanks, what was approved, who signed and
 * when, any deposit due, with the signed estimate's PDF attached by the delivery loop (the message
 * names the estimate). In the business's language and branding, with a plain-text part.
 */
import { formatMoney } from '../../shared/money.ts';
import {
  type BrandedEmail,
  brandedHtml,
  brandedText,
  isSpanish,
} from '../businesses/branded-email.ts';
import { businessSettings, businessTimeZone } from '../businesses/businesses.ts';
import { forCustomer } from '../businesses/customer-locale.ts';
import type { Trx } from '../db/database.ts';
import type { BusinessTable, CustomerTable, EstimateTable } from '../db/schema.ts';
import { enqueueEmail } from '../outbox/outbox.ts';

const WORDS = {
  en: {
    subject: (number: string, business: string) =>
      `You approved estimate ${number} from ${business}`,
    hello: (name: string) => `Hello ${name},`,
    thanks: (number: string, business: string) =>
      `Thank you: you approved estimate ${number}. ${business} has been told and will be in touch.`,
    total: 'Total',
    signedBy: 'Signed by',
    signedAt: 'Signed at',
    deposit: 'Deposit due now',
    attached: 'The signed estimate is attached as a PDF.',
  },
  es: {
    subject: (number: string, business: string) => `Aprobó el presupuesto ${number} de ${business}`,
    hello: (name: string) => `Hola, ${name}:`,
    thanks: (number: string, business: string) =>
      `Gracias: aprobó el presupuesto ${number}. Ya avisamos a ${business}, que se pondrá en contacto.`,
    total: 'Total',
    signedBy: 'Firmado por',
    signedAt: 'Fecha de la firma',
    deposit: 'Depósito a pagar ahora',
    attached: 'Adjuntamos el presupuesto firmado en PDF.',
  },
};

export function estimateApprovedContent(
  business: BusinessTable,
  customer: Pick<CustomerTable, 'name'>,
  estimate: EstimateTable,
  approval: { signer: string | null; decidedAt: string; depositDue: number },
) {
  const w = isSpanish(business.locale) ? WORDS.es : WORDS.en;
  const money = (amount: number) => formatMoney(amount, estimate.currency, business.locale);
  const zone = businessTimeZone(business);
  const signedAt = `${new Intl.DateTimeFormat(business.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: zone,
  }).format(new Date(approval.decidedAt))} (${zone})`;
  const rows: [string, string][] = [[w.total, money(estimate.total)]];
  if (approval.signer) rows.push([w.signedBy, approval.signer]);
  rows.push([w.signedAt, signedAt]);
  if (approval.depositDue > 0) rows.push([w.deposit, money(approval.depositDue)]);
  const email: BrandedEmail = {
    business: {
      name: business.name,
      locale: business.locale,
      brandColor: businessSettings(business).branding.brand_color,
    },
    paragraphs: [w.hello(customer.name), w.thanks(estimate.number, business.name)],
    rows,
    notes: [w.attached],
  };
  return {
    subject: w.subject(estimate.number, business.name),
    text: brandedText(email),
    html: brandedHtml(email),
  };
}

/** Queues the confirmation when the customer has an email; nothing otherwise. */
export async function enqueueEstimateApproved(
  trx: Trx,
  subject: { business: BusinessTable; customer: CustomerTable; estimate: EstimateTable },
  approval: { signer: string | null; decidedAt: string; depositDue: number },
) {
  if (!subject.customer.email) return null;
  return enqueueEmail(trx, {
    business_id: subject.business.id,
    kind: 'estimate_approved',
    to: subject.customer.email,
    reply_to: businessSettings(subject.business).branding.email,
    estimate_id: subject.estimate.id,
    ...estimateApprovedContent(
      forCustomer(subject.business, subject.customer),
      subject.customer,
      subject.estimate,
      approval,
    ),
  });
}
