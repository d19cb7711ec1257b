/**
 * Payment link tokens. A token is 256 bits from the CSPRNG (base64url); the database keeps its
 * SHA-256, which is the only form in which a token is looked up, and a sealed copy.
 *
 * Why a sealed copy: staff must be able to copy or send an existing link again (the demo page
 * and `GET /v1/payment_links/:id` show its URL), and a business expects a link it sent last week
 * to be the link it can send again today. The copy is sealed (db/sealing.ts: AES-256-GCM under a key
 * derived from `APP_SECRET`) with the link's id as associated data, so a copy of the database alone
 * reveals no token and a sealed value moved to another link does not open.
 */
import { hashSecret, newSecretToken } from '../db/ids.ts';
import { seal, unseal } from '../db/sealing.ts';

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

const PURPOSE = 'pay-portal/link-token-seal/v1';

export function sealToken(token: string, linkId: string, appSecret: string): string {
  return seal(token, linkId, { appSecret, purpose: PURPOSE });
}

/** The token, or null when the copy was sealed under another secret or for another link. */
export function unsealToken(sealed: string, linkId: string, appSecret: string): string | null {
  return unseal(sealed, linkId, { appSecret, purpose: PURPOSE });
}
