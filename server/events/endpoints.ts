/**
 * The business's webhook endpoints: where events go, which ones, and the secret that signs them
 * (Standard Webhooks' `whsec_…`, shown to staff once, when made or rolled; kept sealed, see
 * ./signing-secrets.ts). A roll keeps the old secret signing beside the new one for 24 hours, so
 * receivers can switch without missing events.
 */
import { isIP } from 'node:net';
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { keysetPage, type Page } from '../db/pagination.ts';
import type { WebhookEndpointTable } from '../db/schema.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { isPublicAddress } from '../http/public-address.ts';
import { isEventType } from './catalog.ts';
import { newSigningSecret, sealSigningSecret } from './signing-secrets.ts';

export type WebhookEndpoint = WebhookEndpointTable;

/** How long the secret before a roll keeps signing. */
export const ROLL_OVERLAP_HOURS = 24;

/** What an endpoint URL may be: https in production; private addresses only where allowed. */
export interface UrlRules {
  production: boolean;
  allowPrivateNetworks: boolean;
}

export interface EndpointFields {
  url?: string | undefined;
  description?: string | null | undefined;
  events?: string[] | undefined;
  enabled?: boolean | undefined;
}

/**
 * Refuses (422) a URL we would not deliver to: not http(s), http in production, credentials in
 * it, or an address literal that is not public. Host names are checked again at each delivery,
 * against what they resolve to then (server/webhooks/post.ts).
 */
export function checkEndpointUrl(raw: string, rules: UrlRules): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidUrl('is not a URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidUrl('must be https.');
  if (rules.production && url.protocol !== 'https:') throw invalidUrl('must be https.');
  if (url.username || url.password) throw invalidUrl('must not carry a user name or password.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host) !== 0;
  const local = host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal');
  if (!rules.allowPrivateNetworks && (local || (literal && !isPublicAddress(host)))) {
    throw invalidUrl('must be a public address: not loopback, private, link-local or metadata.');
  }
  return url.toString();
}

function invalidUrl(why: string) {
  return new ApiError(422, 'invalid_request_error', 'url_invalid', `url ${why}`, 'url');
}

function checkEvents(events: string[]): string[] {
  if (events.length === 1 && events[0] === '*') return events;
  const unknown = events.find((type) => !isEventType(type));
  if (unknown !== undefined) {
    throw new ApiError(
      422,
      'invalid_request_error',
      'event_type_unknown',
      `events: ${JSON.stringify(unknown)} is not an event type (see the webhooks catalog), nor "*".`,
      'events',
    );
  }
  return [...new Set(events)];
}

export function endpointWants(endpoint: WebhookEndpoint, type: string): boolean {
  const events = JSON.parse(endpoint.events) as string[];
  return events.includes('*') || events.includes(type);
}

export async function createEndpoint(
  db: Db | Trx,
  businessId: string,
  fields: Required<Pick<EndpointFields, 'url' | 'events'>> & EndpointFields,
  rules: UrlRules,
  appSecret: string,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const at = now();
  const id = newId('we');
  const secret = newSigningSecret();
  const row: WebhookEndpoint = {
    id,
    business_id: businessId,
    url: checkEndpointUrl(fields.url, rules),
    description: fields.description ?? null,
    events: JSON.stringify(checkEvents(fields.events)),
    enabled: fields.enabled === false ? 0 : 1,
    secret: sealSigningSecret(secret, id, appSecret),
    previous_secret: null,
    previous_secret_expires_at: null,
    failing_since: null,
    disabled_reason: null,
    deleted_at: null,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('webhook_endpoints').values(row).execute();
  return { endpoint: row, secret };
}

export async function getEndpoint(db: Db | Trx, businessId: string, id: string, param = 'id') {
  const endpoint = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!endpoint) throw notFound('webhook endpoint', param);
  return endpoint;
}

export async function listEndpoints(db: Db, businessId: string, page: Page) {
  const query = db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('deleted_at', 'is', null);
  return keysetPage(query, page, {
    cursor: (id) => getEndpoint(db, businessId, id, 'starting_after'),
  });
}

/** Changes what staff sent; enabling an endpoint again clears why it was disabled. */
export async function updateEndpoint(
  db: Db | Trx,
  businessId: string,
  id: string,
  fields: EndpointFields,
  rules: UrlRules,
): Promise<WebhookEndpoint> {
  const current = await getEndpoint(db, businessId, id);
  const changes: Partial<WebhookEndpoint> = { updated_at: now() };
  if (fields.url !== undefined) changes.url = checkEndpointUrl(fields.url, rules);
  if (fields.description !== undefined) changes.description = fields.description;
  if (fields.events !== undefined) changes.events = JSON.stringify(checkEvents(fields.events));
  if (fields.enabled !== undefined) {
    changes.enabled = fields.enabled ? 1 : 0;
    if (fields.enabled) Object.assign(changes, { disabled_reason: null, failing_since: null });
  }
  await db.updateTable('webhook_endpoints').set(changes).where('id', '=', current.id).execute();
  return { ...current, ...changes };
}

/** Deleted endpoints get nothing more; their past deliveries stay readable on the events. */
export async function deleteEndpoint(db: Db | Trx, businessId: string, id: string) {
  const current = await getEndpoint(db, businessId, id);
  const at = now();
  await db
    .updateTable('webhook_endpoints')
    .set({ deleted_at: at, enabled: 0, updated_at: at })
    .where('id', '=', current.id)
    .execute();
  await db
    .updateTable('webhook_deliveries')
    .set({ state: 'failed', next_attempt_at: null, last_error: 'endpoint deleted', updated_at: at })
    .where('endpoint_id', '=', current.id)
    .where('state', '=', 'pending')
    .execute();
  return current;
}

/** A new secret, returned in clear; the old one keeps signing for ROLL_OVERLAP_HOURS. */
export async function rollEndpointSecret(
  db: Db | Trx,
  businessId: string,
  id: string,
  appSecret: string,
) {
  const current = await getEndpoint(db, businessId, id);
  const at = new Date();
  const secret = newSigningSecret();
  const changes = {
    secret: sealSigningSecret(secret, current.id, appSecret),
    previous_secret: current.secret,
    previous_secret_expires_at: new Date(
      at.getTime() + ROLL_OVERLAP_HOURS * 3_600_000,
    ).toISOString(),
    updated_at: at.toISOString(),
  };
  await db.updateTable('webhook_endpoints').set(changes).where('id', '=', current.id).execute();
  return { endpoint: { ...current, ...changes }, secret };
}

/** The endpoint as staff see it; `secret` (in clear) only when just made or rolled. */
export function endpointView(endpoint: WebhookEndpoint, secret?: string) {
  return {
    id: endpoint.id,
    object: 'webhook_endpoint' as const,
    url: endpoint.url,
    description: endpoint.description,
    events: JSON.parse(endpoint.events) as string[],
    enabled: endpoint.enabled === 1,
    disabled_reason: endpoint.disabled_reason,
    failing_since: endpoint.failing_since,
    previous_secret_expires_at: endpoint.previous_secret_expires_at,
    created: endpoint.created_at,
    ...(secret === undefined ? {} : { secret }),
  };
}
