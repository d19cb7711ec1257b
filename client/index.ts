/**
 * `pay-portal-client`: a typed client for Pay Portal's staff API, and webhook verification.
 * The types (./schema.ts) are generated from the server's OpenAPI document; the calls are
 * openapi-fetch's, so every path, parameter, body and answer is checked by TypeScript.
 *
 *     const payPortal = createPayPortalClient({ baseUrl, apiKey });
 *     const { data, error } = await payPortal.POST('/v1/customers', { body: { name: 'Dana' } });
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import { Webhook } from 'standardwebhooks';
import type { components, paths, webhooks } from './schema.ts';

export type { components, paths, webhooks } from './schema.ts';

export interface PayPortalClientOptions extends Omit<ClientOptions, 'baseUrl' | 'headers'> {
  /** Your Pay Portal server, e.g. `https://pay.example.com`. */
  baseUrl: string;
  /** The business's secret API key (`sk_…`). Keep it on your server, never in a browser. */
  apiKey: string;
}

export type PayPortalClient = Client<paths>;

export function createPayPortalClient({
  baseUrl,
  apiKey,
  ...options
}: PayPortalClientOptions): PayPortalClient {
  return createClient<paths>({
    ...options,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `Bearer ${apiKey}` },
  });
}

/** Every event type, and one event's body by its type (`PayPortalEvent<'invoice.paid'>`). */
export type EventType = keyof webhooks;
export type PayPortalEvent<T extends EventType = EventType> = NonNullable<
  webhooks[T]['post']['requestBody']
>['content']['application/json'];

/**
 * Verifies a delivery (Standard Webhooks) and returns its event; throws when it is forged,
 * altered or more than five minutes old. `body` is the raw request body, before any parsing.
 */
export function verifyWebhook(
  secret: string,
  body: string,
  headers: Record<string, string | string[] | undefined> | Headers,
): PayPortalEvent {
  const plain: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value !== undefined)
      plain[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return new Webhook(secret).verify(body, plain) as PayPortalEvent;
}

export type Schemas = components['schemas'];
