/**
 * Payment link tokens. A token is 256 bits from the CSPRNG (base64url); the database keeps its
 * SHA-256, which is the only form in which a token is looked up, and a sealed copy.
 *
 * Why a sealed copy: staff must be able to copy or send an existing link again (the demo page
 * and `GET /v1/payment_links/:id` show its URL), and a business expects a link it sent last week
 * to be the link it can send again today. The copy is sealed with AES-256-GCM under a key derived
 * from `APP_SECRET`, with the link's id as associated data, so a copy of the database alone
 * reveals no token and a sealed value moved to another link does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { hashSecret, newSecretToken } from '../db/ids.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface LinkToken {
  /** The secret itself: goes into the URL given to staff, never into storage or logs. */
  token: string;
  hash: string;
  sealed: string;
}

/** A fresh token for the link `linkId`, with its hash and sealed copy. */
export function newLinkToken(linkId: string, appSecret: string): LinkToken {
  const token = newSecretToken();
  return { token, hash: hashLinkToken(token), sealed: sealToken(token, linkId, appSecret) };
}

/** The lookup key of a token. Any string hashes, so unknown and malformed tokens cost the same. */
export function hashLinkToken(token: string): string {
  return hashSecret(token);
}

export function sealToken(token: string, linkId: string, appSecret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(appSecret), iv);
  cipher.setAAD(Buffer.from(linkId));
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

/** The token, or null when the copy was sealed under another secret or for another link. */
export function unsealToken(sealed: string, linkId: string, appSecret: string): string | null {
  const [version, body] = sealed.split('.');
  if (version !== VERSION || !body) return null;
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      sealingKey(appSecret),
      bytes.subarray(0, IV_BYTES),
    );
    decipher.setAAD(Buffer.from(linkId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const token = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
    return token.toString('utf8');
  } catch {
    return null;
  }
}

const keys = new Map<string, Buffer>();

/** A key used for nothing else, derived from the app secret (HKDF-SHA-256). */
function sealingKey(appSecret: string): Buffer {
  let key = keys.get(appSecret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', appSecret, '', 'pay-portal/link-token-seal/v1', 32));
    keys.set(appSecret, key);
  }
  return key;
}
