/**
 * "Send portal access": a fresh customer link, queued in the outbox to the customer, with `sent`
 * in the link's activity: the no-password way back in (issue 12). Used by the public "Pay your
 * bill" page when a customer asks, and by staff for one customer or many. Email now; a text goes
 * through the `texts` seam (only to a number with consent) once the text channel exists.
 */
import { businessSettings } from '../businesses/businesses.ts';
import { customerLocale } from '../businesses/customer-locale.ts';
import type { Trx } from '../db/database.ts';
import type { BusinessTable, CustomerTable } from '../db/schema.ts';
import { enqueueEmail } from '../outbox/outbox.ts';
import { optedOut, smsConsents } from '../texts/consent.ts';
import { toE164 } from '../texts/phone.ts';
import { paymentLinkEmail } from './link-email.ts';
import { recordLinkEvent } from './link-events.ts';
import { createPaymentLink } from './payment-links.ts';

export type AccessChannel = 'email' | 'sms';

/** The text channel, when there is one (issue 12's "Text messages"): null when not allowed. */
export interface AccessTexts {
  queueText(
    trx: Trx,
    message: {
      business_id: string;
      customer_id: string;
      to?: string | null;
      body: string;
      kind: string;
    },
  ): Promise<{ id: string } | null>;
}

export type AccessOutcome =
  | { status: 'queued'; channel: AccessChannel; link: string; message: string; to: string }
  | { status: 'skipped'; reason: 'no_email' | 'no_phone' | 'no_consent' | 'sms_unavailable' };

export async function sendPortalAccess(
  trx: Trx,
  business: BusinessTable,
  customer: CustomerTable,
  options: {
    channel: AccessChannel;
    publicUrl: string;
    appSecret: string;
    texts?: AccessTexts | undefined;
    /** For a text: the number asked for (the public form); default the consented one. */
    to?: string | undefined;
  },
): Promise<AccessOutcome> {
  if (options.channel === 'email' && !customer.email)
    return { status: 'skipped', reason: 'no_email' };
  let number: string | null = null;
  if (options.channel === 'sms') {
    if (!options.texts) return { status: 'skipped', reason: 'sms_unavailable' };
    // Checked before a link is made: a customer who cannot be texted gets no new link either.
    const consents = await smsConsents(trx, business.id, customer.id);
    if (consents.length === 0 && !customer.phone) return { status: 'skipped', reason: 'no_phone' };
    const wanted = options.to ? toE164(options.to) : null;
    number = (wanted ? consents.find((c) => c.phone === wanted) : consents[0])?.phone ?? null;
    if (!number || (await optedOut(trx, number)))
      return { status: 'skipped', reason: 'no_consent' };
  }
  const { link, token } = await createPaymentLink(
    trx,
    business,
    { customer: customer.id },
    options.appSecret,
  );
  const url = `${options.publicUrl}/p/${token}`;
  const { branding } = businessSettings(business);
  const email = paymentLinkEmail({
    business: {
      name: business.name,
      locale: customerLocale(business.locale, customer.locale),
      brandColor: branding.brand_color,
      contact: branding.email ?? branding.phone,
    },
    customerName: customer.name,
    kind: 'customer',
    documentNumber: null,
    url,
  });
  if (options.channel === 'sms') {
    const text = await options.texts!.queueText(trx, {
      business_id: business.id,
      customer_id: customer.id,
      to: number,
      body: `${email.subject}: ${url}`,
      kind: 'portal_access',
    });
    if (!text) return { status: 'skipped', reason: 'no_consent' };
    await recordLinkEvent(trx, link, 'sent', {
      channel: 'sms',
      detail: { to: number, message: text.id },
    });
    return {
      status: 'queued',
      channel: 'sms',
      link: link.id,
      message: text.id,
      to: number!,
    };
  }
  const to = customer.email!;
  const message = await enqueueEmail(trx, {
    business_id: business.id,
    kind: 'portal_access',
    to,
    reply_to: branding.email,
    ...email,
  });
  await recordLinkEvent(trx, link, 'sent', {
    channel: 'email',
    detail: { to, message: message.id },
  });
  return { status: 'queued', channel: 'email', link: link.id, message: message.id, to };
}

/** An email (case aside) or a phone number (digits only, a leading + kept): what is compared. */
export function normalizeContact(value: string): { kind: 'email' | 'phone'; value: string } | null {
  const trimmed = value.trim();
  if (trimmed.includes('@')) {
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) && trimmed.length <= 254
      ? { kind: 'email', value: trimmed.toLowerCase() }
      : null;
  }
  const digits = trimmed.replace(/[^\d]/g, '');
  if (!/^\+?[\d\s().-]{7,24}$/.test(trimmed) || digits.length < 7 || digits.length > 15)
    return null;
  return { kind: 'phone', value: digits };
}

/** The business's customers with this email, or this phone number (compared on digits). */
export async function customersByContact(
  trx: Trx,
  businessId: string,
  contact: { kind: 'email' | 'phone'; value: string },
): Promise<CustomerTable[]> {
  if (contact.kind === 'email') {
    return trx
      .selectFrom('customers')
      .selectAll()
      .where('business_id', '=', businessId)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', contact.value))
      .execute();
  }
  const rows = await trx
    .selectFrom('customers')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('phone', 'is not', null)
    .execute();
  // "5550102000" and "+1 555 010 2000" are one number: compare the national digits' end.
  return rows.filter((row) => {
    const digits = row.phone!.replace(/[^\d]/g, '');
    return digits.endsWith(contact.value) || contact.value.endsWith(digits);
  });
}
