/**
 * A business's uploaded logo (issue 15: "branding with a logo upload or URL"): PNG or JPEG only,
 * told by their first bytes (never by the name or the Content-Type a client sends), at most
 * 256 KB, kept in the database, one per business. It is served from our own origin under the hash
 * of its bytes (`/logos/{hash}.png`), so its URL changes whenever the logo does and browsers may
 * keep it for a year. SVG is refused: a PDF cannot hold it as it is, and an SVG can carry script.
 */
import { createHash } from 'node:crypto';
import type { Db, Trx } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { ApiError, unprocessable } from '../http/errors.ts';

export const MAX_LOGO_UPLOAD = 256 * 1024;

const TYPES = { png: 'image/png', jpeg: 'image/jpeg' } as const;
const EXTENSIONS = { 'image/png': 'png', 'image/jpeg': 'jpg' } as const;

/** PNG or JPEG by their first bytes: the two image kinds a PDF can hold as they are. */
export function imageKind(bytes: Uint8Array): 'png' | 'jpeg' | null {
  const png = [137, 80, 78, 71, 13, 10, 26, 10];
  if (bytes.length >= 8 && png.every((byte, i) => bytes[i] === byte)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/** The path a logo is served at: `/logos/3f…e1.png`. */
export function logoPath(logo: { hash: string; content_type: keyof typeof EXTENSIONS }): string {
  return `/logos/${logo.hash}.${EXTENSIONS[logo.content_type]}`;
}

const UPLOADED = /\/logos\/([0-9a-f]{32})\.(png|jpg)$/;

/** The hash an uploaded logo's URL names, or null for any other URL. */
export function uploadedLogoHash(url: string | null): string | null {
  return url?.match(UPLOADED)?.[1] ?? null;
}

/** 413 `logo_too_large`; the connection closes, as the rest of the body is never read. */
export function logoTooLarge(): ApiError {
  return new ApiError(
    413,
    'invalid_request_error',
    'logo_too_large',
    `The logo is too large: at most ${MAX_LOGO_UPLOAD / 1024} KB.`,
    'logo',
    { connection: 'close' },
  );
}

/**
 * Checks and keeps the business's new logo, in place of any before it; answers its path. Too
 * large is 413 `logo_too_large`, not PNG or JPEG is 422 `logo_unsupported`: nothing is kept.
 */
export async function saveLogo(trx: Trx, businessId: string, bytes: Buffer) {
  if (bytes.length > MAX_LOGO_UPLOAD) throw logoTooLarge();
  const kind = imageKind(bytes);
  if (!kind) {
    throw unprocessable('logo_unsupported', 'The logo must be a PNG or JPEG image.', 'logo');
  }
  const logo = {
    business_id: businessId,
    hash: createHash('sha256').update(bytes).digest('hex').slice(0, 32),
    content_type: TYPES[kind],
    bytes,
    size: bytes.length,
    created_at: now(),
  };
  await trx.deleteFrom('business_logos').where('business_id', '=', businessId).execute();
  await trx.insertInto('business_logos').values(logo).execute();
  return logoPath(logo);
}

export async function removeLogo(trx: Trx, businessId: string): Promise<void> {
  await trx.deleteFrom('business_logos').where('business_id', '=', businessId).execute();
}

/** An uploaded logo by its hash, for serving. */
export function findLogo(db: Db, hash: string) {
  return db
    .selectFrom('business_logos')
    .select(['content_type', 'bytes'])
    .where('hash', '=', hash)
    .executeTakeFirst();
}

/** The business's own uploaded logo's bytes, when `url` names it; else null. */
export async function uploadedLogoBytes(
  db: Db | Trx,
  businessId: string,
  url: string | null,
): Promise<Buffer | null> {
  const hash = uploadedLogoHash(url);
  if (!hash) return null;
  const row = await db
    .selectFrom('business_logos')
    .select('bytes')
    .where('business_id', '=', businessId)
    .where('hash', '=', hash)
    .executeTakeFirst();
  return row ? Buffer.from(row.bytes) : null;
}
