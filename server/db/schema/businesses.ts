/** Businesses and their customers (migration 2026_11_22_0001_ledger). */
export interface BusinessTable {
  id: string;
  name: string;
  currency: string;
  locale: string;
  /** JSON of `BusinessSettings` (server/businesses/settings.ts). */
  settings: string;
  api_key_hash: string;
  invoice_counter: number;
  estimate_counter: number;
  /** The public "Pay your bill" page's path, /b/{slug}; unique (migration 2026_12_05_0401). */
  slug: string | null;
  created_at: string;
}

export interface CustomerTable {
  id: string;
  business_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  external_id: string | null;
  /** JSON of the postal address, or null. */
  address: string | null;
  /** 'en' or 'es': the language the customer is written to in; null is the business's (2026_12_06_0501). */
  locale: string | null;
  /** IANA zone the customer lives in (their quiet hours); null is the business's (2026_12_06_0801). */
  time_zone: string | null;
  created_at: string;
  updated_at: string;
}

/** A logo uploaded through the staff API, one per business (migration 2026_12_06_0602). */
export interface BusinessLogoTable {
  business_id: string;
  /** The first 32 hex digits of the bytes' SHA-256: the logo's name in its URL. */
  hash: string;
  content_type: 'image/png' | 'image/jpeg';
  bytes: Buffer;
  size: number;
  created_at: string;
}
