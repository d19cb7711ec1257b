/** Prefixed ids (`cus_4fJ…`) and the secret tokens of keys and links. */
import { hash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export type IdPrefix =
  | 'biz'
  | 'cus'
  | 'inv'
  | 'est'
  | 'chg'
  | 'crd'
  | 'led'
  | 'lin'
  | 'pay'
  | 'lnk'
  | 'evt'
  | 're'
  | 'pm'
  | 'cns'
  | 'hld'
  | 'sbx'
  | 'msg'
  | 'mlg'
  | 'itx'
  | 'qst'
  | 'rem'
  | 'we'
  | 'whd'
  | 'wha';

/** A new id: prefix, underscore, 20 base-62 characters (~119 random bits). */
export function newId(prefix: IdPrefix): string {
  let out = '';
  while (out.length < 20) {
    // 248 = 4 × 62: dropping bytes at or above it keeps every character equally likely.
    for (const byte of randomBytes(24))
      if (byte < 248 && out.length < 20) out += ALPHABET[byte % 62];
  }
  return `${prefix}_${out}`;
}

/** A secret token: 32 bytes (256 bits) from the CSPRNG, base64url. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens and keys carry 256 random bits, so a plain SHA-256 is enough to store them. Node's one-shot
 * `hash` makes no Hash object: this runs on every portal request (issue 13).
 */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

export function now(): string {
  return new Date().toISOString();
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
