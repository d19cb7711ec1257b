/**
 * The business as its documents show it: name, colour, contact details and logo. The logo is the
 * business's `https` URL, fetched when a document is drawn: only from public addresses (a logo URL
 * must not reach into the server's own network), at most 1 MB, PNG or JPEG (what PDF can hold),
 * within 3 seconds, and remembered for 10 minutes. A logo uploaded through the staff API
 * (server/businesses/logos.ts) is read from the database instead. Without one, the documents show
 * the name alone.
 */

import { request } from 'node:https';
import { isIP } from 'node:net';
import { brandColor } from '../businesses/brand-colors.ts';
import { businessSettings, businessTimeZone } from '../businesses/businesses.ts';
import { imageKind, uploadedLogoBytes, uploadedLogoHash } from '../businesses/logos.ts';
import type { Db, Trx } from '../db/database.ts';
import type { BusinessTable } from '../db/schema.ts';
import { isPublicAddress, publicLookup } from '../http/public-address.ts';

export { imageKind } from '../businesses/logos.ts';
// Kept where callers found it before the guard moved to http/ (webhooks share it).
export { isPublicAddress } from '../http/public-address.ts';

export interface DocumentBrand {
  name: string;
  locale: string;
  /** IANA zone the documents' moments are shown in. */
  timeZone: string;
  color: string;
  logo: Buffer | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export async function documentBrand(db: Db | Trx, business: BusinessTable): Promise<DocumentBrand> {
  const { branding } = businessSettings(business);
  const url = branding.logo_url;
  return {
    name: business.name,
    locale: business.locale,
    timeZone: businessTimeZone(business),
    color: brandColor(branding.brand_color),
    logo: await businessLogo(db, business.id, url),
    address: branding.address,
    phone: branding.phone,
    email: branding.email,
  };
}

/** The logo's bytes: uploaded (from the database) or by `https` URL; null without one. */
export async function businessLogo(
  db: Db | Trx,
  businessId: string,
  url: string | null,
): Promise<Buffer | null> {
  return (
    (uploadedLogoHash(url) ? await uploadedLogoBytes(db, businessId, url) : null) ??
    (url?.startsWith('https:') ? await fetchLogo(url) : null)
  );
}

const MAX_LOGO_BYTES = 1024 * 1024;
const TIMEOUT_MS = 3000;
const KEEP_MS = 10 * 60_000;
const cache = new Map<string, { at: number; logo: Buffer | null }>();

/** The logo's bytes, or null when it cannot be had (or is not PNG or JPEG); never throws. */
export async function fetchLogo(url: string): Promise<Buffer | null> {
  const kept = cache.get(url);
  if (kept && Date.now() - kept.at < KEEP_MS) return kept.logo;
  const logo = await download(url).catch(() => null);
  cache.set(url, { at: Date.now(), logo });
  if (cache.size > 200) cache.delete(cache.keys().next().value!);
  return logo;
}

function download(url: string): Promise<Buffer | null> {
  const target = new URL(url);
  if (target.protocol !== 'https:') return Promise.resolve(null);
  if (isIP(target.hostname.replace(/^\[|\]$/g, '')) && !isPublicAddress(target.hostname)) {
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const req = request(target, { lookup: publicLookup, timeout: TIMEOUT_MS }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        return resolve(null);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_LOGO_BYTES) {
          req.destroy();
          return resolve(null);
        }
        chunks.push(chunk);
      });
      response.on('end', () =>
        resolve(imageKind(Buffer.concat(chunks)) ? Buffer.concat(chunks) : null),
      );
      response.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('logo timed out')));
    req.on('error', reject);
    req.end();
  });
}
