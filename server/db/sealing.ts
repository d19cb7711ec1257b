/**
 * Secrets the server must read again, kept sealed: AES-256-GCM (node:crypto) under a key derived
 * from `APP_SECRET` by HKDF-SHA-256, one key per purpose, with what the secret belongs to (a
 * link's id, an endpoint's id) as associated data, so a copy of the database alone reveals none
 * and a sealed value moved to another row does not open. Written `v1.` + base64url(iv | tag |
 * ciphertext). Used for payment link tokens (links/tokens.ts) and webhook signing secrets
 * (events/signing-secrets.ts).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealingKey {
  appSecret: string;
  /** HKDF's `info`: a key used for nothing else ("pay-portal/link-token-seal/v1"). */
  purpose: string;
}

export function seal(plaintext: string, boundTo: string, key: SealingKey): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', derivedKey(key), iv);
  cipher.setAAD(Buffer.from(boundTo));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

/** The plaintext, or null when sealed under another secret or purpose, or for another row. */
export function unseal(sealed: string, boundTo: string, key: SealingKey): string | null {
  const [version, body] = sealed.split('.');
  if (version !== VERSION || !body) return null;
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', derivedKey(key), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
}

/** Whether a stored value is sealed (else it was written in clear, before sealing). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(`${VERSION}.`);
}

const keys = new Map<string, Buffer>();

function derivedKey({ appSecret, purpose }: SealingKey): Buffer {
  const id = `${purpose}\u0000${appSecret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', appSecret, '', purpose, 32));
    keys.set(id, key);
  }
  return key;
}
