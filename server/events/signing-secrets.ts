/**
 * Webhook signing secrets at rest (issue 14). Standard Webhooks signs with HMAC-SHA256 under the
 * secret itself, so the server must read it back at every delivery: it cannot keep only a hash,
 * as it does for API keys and link tokens. It keeps it sealed instead (db/sealing.ts: AES-256-GCM
 * under a key derived from APP_SECRET, bound to the endpoint's id), so a copy of the database, a
 * backup or a replica alone signs nothing. Staff see the secret once, in clear, when it is made or
 * rolled. Rows written before sealing hold `whsec_…` in clear: they still sign, and
 * `sealClearSigningSecrets` (run at every start) seals them. If APP_SECRET changes, the sealed
 * secrets no longer open: deliveries fail with that reason until staff roll the secret.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { WebhookEndpointTable } from '../db/schema.ts';
import { isSealed, type SealingKey, seal, unseal } from '../db/sealing.ts';

const PURPOSE = 'pay-portal/webhook-signing-secret/v1';

const keyOf = (appSecret: string): SealingKey => ({ appSecret, purpose: PURPOSE });

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The secret as stored for the endpoint `endpointId`. */
export function sealSigningSecret(secret: string, endpointId: string, appSecret: string): string {
  return seal(secret, endpointId, keyOf(appSecret));
}

/** The secret in clear: a sealed one opened, one stored before sealing as it is; else null. */
export function openSigningSecret(
  stored: string,
  endpointId: string,
  appSecret: string,
): string | null {
  if (!isSealed(stored)) return stored.startsWith('whsec_') ? stored : null;
  return unseal(stored, endpointId, keyOf(appSecret));
}

/**
 * The secrets that sign a delivery now, in clear: the current one, and the previous one within
 * its overlap after a roll. One that does not open (APP_SECRET changed) is left out.
 */
export function signingSecrets(
  endpoint: Pick<
    WebhookEndpointTable,
    'id' | 'secret' | 'previous_secret' | 'previous_secret_expires_at'
  >,
  appSecret: string,
  at = new Date(),
): string[] {
  const stored = [endpoint.secret];
  if (
    endpoint.previous_secret &&
    endpoint.previous_secret_expires_at &&
    endpoint.previous_secret_expires_at > at.toISOString()
  ) {
    stored.push(endpoint.previous_secret);
  }
  return stored
    .map((value) => openSigningSecret(value, endpoint.id, appSecret))
    .filter((secret): secret is string => secret !== null);
}

/**
 * Seals the secrets written in clear before sealing (the way an existing installation moves
 * over: run at start, idempotent, safe with several processes: a row is only ever changed from
 * clear to sealed). Returns how many endpoints it sealed.
 */
export async function sealClearSigningSecrets(db: Db, appSecret: string): Promise<number> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select(['id', 'secret', 'previous_secret'])
    .where((eb) => eb.or([eb('secret', 'like', 'whsec%'), eb('previous_secret', 'like', 'whsec%')]))
    .execute();
  let sealed = 0;
  for (const row of rows) {
    const changes: { secret?: string; previous_secret?: string } = {};
    if (!isSealed(row.secret)) changes.secret = sealSigningSecret(row.secret, row.id, appSecret);
    if (row.previous_secret && !isSealed(row.previous_secret)) {
      changes.previous_secret = sealSigningSecret(row.previous_secret, row.id, appSecret);
    }
    let update = db.updateTable('webhook_endpoints').set(changes).where('id', '=', row.id);
    if (changes.secret) update = update.where('secret', '=', row.secret);
    const result = await update.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) sealed += 1;
  }
  return sealed;
}
