/**
 * `queueText`: the one door for every text the product sends to a customer (payment links,
 * reminders, portal access). It checks consent, adds the footer every text carries (the
 * business's name and "Reply STOP to opt out"), and queues the text in the outbox, inside the
 * caller's transaction when given one. It never throws for a customer who cannot be texted: it
 * answers `skipped` with the reason, for the caller to record or report. Quiet hours are the
 * caller's to choose (`sendAt`, see ./quiet-hours.ts): a link staff send now goes now.
 * Documented for callers in docs/texts.md.
 */
import { customerLocale } from '../businesses/customer-locale.ts';
import type { Db, Trx } from '../db/database.ts';
import type { OutboxMessage, TextKind } from '../outbox/outbox.ts';
import { enqueueText } from '../outbox/outbox.ts';
import { optedOut, smsConsents } from './consent.ts';
import { toE164 } from './phone.ts';

/** Twilio's limit for one message's body (it is split into segments on the way). */
export const MAX_TEXT_LENGTH = 1600;

export interface QueueTextInput {
  businessId: string;
  customerId: string;
  /** The number, as typed or E.164; default: the customer's most recently consented number. */
  to?: string | null | undefined;
  /** The message, without the footer: queueText adds the business's name and the STOP line. */
  body: string;
  kind: Exclude<TextKind, 'keyword_reply'>;
  paymentLinkId?: string | null | undefined;
  invoiceId?: string | null | undefined;
  /** Not before this instant (a reminder in quiet hours: `nextAllowedTime(…)`); default now. */
  sendAt?: Date | null | undefined;
}

export type SkipReason =
  | 'customer_not_found'
  | 'no_phone'
  | 'invalid_phone'
  | 'no_consent'
  | 'opted_out'
  | 'too_long';

export type QueueTextResult =
  | { status: 'queued'; to: string; message: OutboxMessage }
  | { status: 'skipped'; reason: SkipReason; to: string | null };

export async function queueText(db: Db | Trx, input: QueueTextInput): Promise<QueueTextResult> {
  const found = await db
    .selectFrom('customers')
    .innerJoin('businesses', 'businesses.id', 'customers.business_id')
    .select([
      'customers.phone',
      'customers.locale as customer_locale',
      'businesses.name as business_name',
      'businesses.locale',
    ])
    .where('customers.id', '=', input.customerId)
    .where('customers.business_id', '=', input.businessId)
    .executeTakeFirst();
  if (!found) return { status: 'skipped', reason: 'customer_not_found', to: null };
  const consents = await smsConsents(db, input.businessId, input.customerId);
  const typed = input.to ?? consents[0]?.phone ?? found.phone;
  if (!typed) return { status: 'skipped', reason: 'no_phone', to: null };
  const to = toE164(typed);
  if (!to) return { status: 'skipped', reason: 'invalid_phone', to: typed };
  if (!consents.some((consent) => consent.phone === to)) {
    return { status: 'skipped', reason: 'no_consent', to };
  }
  if (await optedOut(db, to)) return { status: 'skipped', reason: 'opted_out', to };
  const locale = customerLocale(found.locale, found.customer_locale);
  const body = withFooter(input.body, found.business_name, locale);
  if (body.length > MAX_TEXT_LENGTH) return { status: 'skipped', reason: 'too_long', to };
  const message = await enqueueText(db, {
    business_id: input.businessId,
    kind: input.kind,
    to,
    body,
    customer_id: input.customerId,
    payment_link_id: input.paymentLinkId ?? null,
    invoice_id: input.invoiceId ?? null,
    send_at: input.sendAt ? input.sendAt.toISOString() : null,
  });
  return { status: 'queued', to, message };
}

/**
 * The body, then a line with the business's name and how to opt out: carriers and the law ask
 * that every text say who sends it and how to stop. Plain ASCII, so a short text stays one
 * GSM-7 segment (an em dash or a curly quote would make it UCS-2, 70 characters a segment).
 */
export function withFooter(body: string, businessName: string, locale: string): string {
  const stop = locale.toLowerCase().startsWith('es')
    ? 'Responda STOP para darse de baja.'
    : 'Reply STOP to opt out.';
  return `${body.trim()}\n${businessName.trim()}. ${stop}`;
}

/**
 * queueText in the shape the reminders' and portal access's seam expects (issue-12-reminders'
 * `TextSender`): snake_case fields, the message's id when queued, null when skipped. Pass no
 * `to` (or the consented number) to text the number the customer agreed to.
 */
export const textSender = {
  async queueText(
    trx: Db | Trx,
    message: {
      business_id: string;
      customer_id: string;
      to?: string | null;
      body: string;
      kind: string;
    },
  ): Promise<{ id: string } | null> {
    const kind = (['link', 'reminder', 'portal_access'] as const).find((k) => k === message.kind);
    const result = await queueText(trx, {
      businessId: message.business_id,
      customerId: message.customer_id,
      to: message.to,
      body: message.body,
      kind: kind ?? 'reminder',
    });
    return result.status === 'queued' ? { id: result.message.id } : null;
  },
};
