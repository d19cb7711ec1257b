/** Webhooks out (migration 2026_12_05_0201; server/events/, server/webhooks/). */

/** An address the business's other systems listen at, with the secret that signs what we send. */
export interface WebhookEndpointTable {
  id: string;
  business_id: string;
  url: string;
  description: string | null;
  /** JSON array of event types, or `["*"]` for all. */
  events: string;
  /** 1 or 0. */
  enabled: number;
  /** `whsec_…` (Standard Webhooks): kept in clear because every delivery is signed with it. */
  secret: string;
  /** The secret before the last roll, still signing beside the new one until it expires. */
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  /** When deliveries started failing without a success since; null while healthy. */
  failing_since: string | null;
  disabled_reason: string | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Something that happened, as the business's other systems are told. */
export interface EventTable {
  id: string;
  business_id: string;
  type: string;
  object_id: string;
  api_version: string;
  /** JSON `{object, …}`. */
  data: string;
  once_key: string | null;
  created_at: string;
}

export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';

/** One event on its way to one endpoint. */
export interface WebhookDeliveryTable {
  id: string;
  business_id: string;
  event_id: string;
  endpoint_id: string;
  object_id: string;
  event_created_at: string;
  manual: number;
  state: WebhookDeliveryState;
  attempts: number;
  next_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One try at a delivery: what the endpoint answered, or why nothing was answered. */
export interface WebhookAttemptTable {
  id: string;
  delivery_id: string;
  event_id: string;
  endpoint_id: string;
  status_code: number | null;
  error: string | null;
  response_excerpt: string | null;
  duration_ms: number;
  created_at: string;
}
