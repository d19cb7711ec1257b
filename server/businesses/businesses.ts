/** Businesses and their secret API keys (only the key's hash is stored). */
import type { Db } from '../db/database.ts';
import { hashSecret, newId, newSecretToken, now } from '../db/ids.ts';
import type { BusinessTable } from '../db/schema.ts';
import { type BusinessSettings, DEFAULT_SETTINGS, parseSettings } from './settings.ts';
import { defaultTimeZone } from './time-zone.ts';

export interface NewBusiness {
  name: string;
  currency: string;
  locale?: string;
  settings?: Partial<BusinessSettings>;
}

/** Creates a business; the returned `apiKey` is the only time its secret key is seen. */
export async function createBusiness(db: Db, input: NewBusiness) {
  const apiKey = `sk_${newSecretToken()}`;
  const business: BusinessTable = {
    id: newId('biz'),
    name: input.name,
    currency: input.currency.toLowerCase(),
    locale: input.locale ?? 'en-US',
    settings: JSON.stringify({ ...DEFAULT_SETTINGS, ...input.settings }),
    api_key_hash: hashSecret(apiKey),
    invoice_counter: 0,
    estimate_counter: 0,
    slug: null,
    created_at: now(),
  };
  await db.insertInto('businesses').values(business).execute();
  return { business, apiKey };
}

export async function findBusinessByApiKey(db: Db, apiKey: string) {
  return db
    .selectFrom('businesses')
    .selectAll()
    .where('api_key_hash', '=', hashSecret(apiKey))
    .executeTakeFirst();
}

export function businessSettings(business: Pick<BusinessTable, 'settings'>): BusinessSettings {
  return parseSettings(business.settings);
}

/**
 * Where the business hears from its customers (estimate decisions, questions), or null when it
 * gave no address at all: the notification email, else its public one.
 */
export function businessInbox(business: Pick<BusinessTable, 'settings'>): string | null {
  const settings = businessSettings(business);
  return settings.notification_email ?? settings.branding.email ?? null;
}

/** The public face of a business in API answers. */
export function businessView(business: BusinessTable) {
  return {
    id: business.id,
    object: 'business' as const,
    name: business.name,
    currency: business.currency,
    locale: business.locale,
    created: business.created_at,
  };
}

/** The zone the business's days and hours are read in (server/businesses/time-zone.ts). */
export function businessTimeZone(
  business: Pick<BusinessTable, 'settings' | 'locale'>,
  settings: Pick<BusinessSettings, 'time_zone'> = businessSettings(business),
): string {
  return settings.time_zone ?? defaultTimeZone(business.locale);
}
