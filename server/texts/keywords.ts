/**
 * What a customer texts back. Carriers and the law (CTIA's guidelines, the TCPA) ask that STOP
 * and its kin end all texts at once, with one confirmation and nothing after; that HELP answer
 * with who is texting and how to reach them; and START undo a STOP. The product sends from one
 * number (or one messaging service) for every business, so an opt-out is the number's, for
 * every business: that is how carriers and Twilio see it too. A HELP answer names the business
 * that texted the number last. Each inbound text is kept once (by Twilio's message id), so a
 * webhook delivered twice does nothing twice.
 */

import { businessSettings } from '../businesses/businesses.ts';
import { emitCustomerSmsOptOut } from '../businesses/customer-events.ts';
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { enqueueText } from '../outbox/outbox.ts';
import { optedOut } from './consent.ts';
import { toE164 } from './phone.ts';
import { withFooter } from './queue.ts';

export const OPT_OUT_WORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'] as const;
export const OPT_IN_WORDS = ['START', 'UNSTOP', 'YES'] as const;
export const HELP_WORDS = ['HELP', 'INFO'] as const;

export type Keyword = 'opt_out' | 'opt_in' | 'help';

/** The keyword a text is, if it is one: the whole message, any case, trailing punctuation aside. */
export function keywordOf(body: string): { word: string; meaning: Keyword } | null {
  const word = body
    .trim()
    .replace(/[.!]+$/, '')
    .toUpperCase();
  if ((OPT_OUT_WORDS as readonly string[]).includes(word)) return { word, meaning: 'opt_out' };
  if ((OPT_IN_WORDS as readonly string[]).includes(word)) return { word, meaning: 'opt_in' };
  if ((HELP_WORDS as readonly string[]).includes(word)) return { word, meaning: 'help' };
  return null;
}

export interface InboundText {
  providerMessageId: string;
  from: string;
  to: string;
  body: string;
}

export type InboundOutcome =
  | 'duplicate'
  | 'opted_out'
  | 'already_opted_out'
  | 'opted_in'
  | 'not_opted_out'
  | 'help'
  | 'no_keyword';

export async function receiveText(db: Db, text: InboundText): Promise<InboundOutcome> {
  return db.transaction().execute(async (trx) => {
    const seen = await trx
      .selectFrom('inbound_texts')
      .select('id')
      .where('provider_message_id', '=', text.providerMessageId)
      .executeTakeFirst();
    if (seen) return 'duplicate';
    const keyword = keywordOf(text.body);
    const business = await lastBusinessToText(trx, text.from);
    const inbound = {
      id: newId('itx'),
      provider_message_id: text.providerMessageId,
      from: text.from,
      to: text.to,
      body: text.body.slice(0, 1600),
      keyword: keyword?.word ?? null,
      business_id: business?.id ?? null,
      reply_id: null as string | null,
      created_at: now(),
    };
    const { outcome, reply } = await answer(trx, keyword, text.from, inbound.id, business);
    if (reply && business) {
      const message = await enqueueText(trx, {
        business_id: business.id,
        kind: 'keyword_reply',
        to: text.from,
        body: reply,
      });
      inbound.reply_id = message.id;
    }
    await trx.insertInto('inbound_texts').values(inbound).execute();
    return outcome;
  });
}

interface TextingBusiness {
  id: string;
  name: string;
  locale: string;
  contact: string | null;
}

async function answer(
  trx: Trx,
  keyword: ReturnType<typeof keywordOf>,
  phone: string,
  inboundId: string,
  business: TextingBusiness | null,
): Promise<{ outcome: InboundOutcome; reply: string | null }> {
  const name = business?.name ?? 'Pay Portal';
  if (!keyword) return { outcome: 'no_keyword', reply: null };
  if (keyword.meaning === 'opt_out') {
    if (await optedOut(trx, phone)) return { outcome: 'already_opted_out', reply: null };
    await trx
      .insertInto('text_opt_outs')
      .values({ phone, keyword: keyword.word, inbound_id: inboundId, created_at: now() })
      .execute();
    await tellOptOut(trx, phone);
    return {
      outcome: 'opted_out',
      reply: `${name}: You are unsubscribed and will get no more texts from this number. Reply START to resubscribe.`,
    };
  }
  if (keyword.meaning === 'opt_in') {
    if (!(await optedOut(trx, phone))) return { outcome: 'not_opted_out', reply: null };
    await trx.deleteFrom('text_opt_outs').where('phone', '=', phone).execute();
    return {
      outcome: 'opted_in',
      reply: withFooter(
        `${name}: You are subscribed to texts again. Reply HELP for help.`,
        name,
        business?.locale ?? 'en',
      ),
    };
  }
  const contact = business?.contact ? ` Contact us: ${business.contact}.` : '';
  return {
    outcome: 'help',
    reply: `${name}: payment links and reminders.${contact} Reply STOP to opt out.`,
  };
}

/** The business that texted this number last: the one a reply speaks for. */
async function lastBusinessToText(trx: Trx, phone: string): Promise<TextingBusiness | null> {
  const row = await trx
    .selectFrom('outbox_messages')
    .innerJoin('businesses', 'businesses.id', 'outbox_messages.business_id')
    .select(['businesses.id', 'businesses.name', 'businesses.locale', 'businesses.settings'])
    .where('outbox_messages.channel', '=', 'sms')
    .where('outbox_messages.to', '=', phone)
    .orderBy('outbox_messages.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const { branding } = businessSettings(row);
  return {
    id: row.id,
    name: row.name,
    locale: row.locale,
    contact: [branding.phone, branding.email].filter(Boolean).join(', ') || null,
  };
}

/**
 * An opt-out is the number's, for every business: each customer who agreed to texts at this
 * number is told to their business's systems once (`customer.sms_opt_out`, docs/webhooks.md).
 */
async function tellOptOut(trx: Trx, phone: string) {
  const consents = await trx
    .selectFrom('consents')
    .select(['customer_id', 'phone'])
    .where('kind', '=', 'sms')
    .where('phone', 'is not', null)
    .execute();
  const customerIds = [
    ...new Set(consents.filter((c) => toE164(c.phone ?? '') === phone).map((c) => c.customer_id)),
  ];
  if (customerIds.length === 0) return;
  const customers = await trx
    .selectFrom('customers')
    .selectAll()
    .where('id', 'in', customerIds)
    .orderBy('id')
    .execute();
  for (const customer of customers) await emitCustomerSmsOptOut(trx, customer, phone);
}
