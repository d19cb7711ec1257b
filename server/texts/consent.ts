/**
 * Consent to texts, as the law asks (TCPA in the US, CASL in Canada): a number is texted only
 * when its customer agreed, on record. Two records count: the portal's "Text me payment
 * reminders" box (a `consents` row of kind `sms`, with the exact words shown, when, from where,
 * through which link: server/payments/consents.ts), and a consent staff record through the API
 * with the source they name ("paper form signed 2026-12-01"). A number that replied STOP (or
 * another opt-out word) is texted nothing, whatever was recorded, until it replies START.
 */
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { toE164 } from './phone.ts';

export interface SmsConsent {
  id: string;
  phone: string;
  /** `portal` (the customer's box) or `staff`. */
  recorded_by: 'portal' | 'staff';
  /** What staff named as the consent's source; for the portal, the link it came through. */
  source: string | null;
  text: string;
  created: string;
}

/** The customer's SMS consents with their numbers in E.164, newest first. */
export async function smsConsents(
  db: Db | Trx,
  businessId: string,
  customerId: string,
): Promise<SmsConsent[]> {
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'sms')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const consents: SmsConsent[] = [];
  for (const row of rows) {
    const phone = row.phone ? toE164(row.phone) : null;
    if (!phone) continue;
    consents.push({
      id: row.id,
      phone,
      recorded_by: row.recorded_by === 'staff' ? 'staff' : 'portal',
      source: row.source ?? (row.payment_link_id ? `payment link ${row.payment_link_id}` : null),
      text: row.text,
      created: row.created_at,
    });
  }
  return consents;
}

/** Staff record a consent the customer gave elsewhere (in person, on paper, by phone). */
export async function recordStaffConsent(
  db: Db | Trx,
  input: {
    businessId: string;
    customerId: string;
    phone: string;
    source: string;
    text: string;
    clientAddress: string;
    userAgent: string | null;
  },
) {
  const row = {
    id: newId('cns'),
    kind: 'sms' as const,
    business_id: input.businessId,
    customer_id: input.customerId,
    payment_link_id: null,
    payment_id: null,
    phone: input.phone,
    text: input.text,
    client_address: input.clientAddress,
    user_agent: input.userAgent,
    created_at: now(),
    source: input.source,
    recorded_by: 'staff',
  };
  await db.insertInto('consents').values(row).execute();
  return row;
}

/** The opt-out word this number replied, if it is opted out now. */
export async function optedOut(db: Db | Trx, phone: string) {
  return (
    (await db
      .selectFrom('text_opt_outs')
      .selectAll()
      .where('phone', '=', phone)
      .executeTakeFirst()) ?? null
  );
}
