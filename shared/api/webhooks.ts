/**
 * Webhooks out (issue 14; docs/webhooks.md): the business's endpoints, the events sent to them,
 * and each delivery and attempt. Re-exported by ./staff.ts.
 */

/** Every event type, as in the OpenAPI document's `webhooks` section. */
export type EventType =
  | 'payment.succeeded'
  | 'payment.failed'
  | 'payment.refunded'
  | 'payment.disputed'
  | 'invoice.created'
  | 'invoice.sent'
  | 'invoice.viewed'
  | 'invoice.paid'
  | 'invoice.voided'
  | 'invoice.overdue'
  | 'estimate.viewed'
  | 'estimate.approved'
  | 'estimate.declined'
  | 'estimate.question'
  | 'link.viewed'
  | 'customer.sms_opt_out'
  | 'customer.credit_changed';

/** `/v1/webhook_endpoints`: where events go. */
export interface WebhookEndpoint {
  id: string;
  object: 'webhook_endpoint';
  url: string;
  description: string | null;
  /** Event types, or `["*"]` for every one. */
  events: string[];
  enabled: boolean;
  /** Why it was disabled by us (it failed for three days); null otherwise. */
  disabled_reason: string | null;
  /** Since when every delivery has failed; null while healthy. */
  failing_since: string | null;
  /** Until when the secret before the last roll still signs too. */
  previous_secret_expires_at: string | null;
  created: string;
}

/** The answer to creating an endpoint or rolling its secret: the only time the secret is shown. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  /** `whsec_…`: verify with any Standard Webhooks library. */
  secret: string;
}

/** `POST /v1/webhook_endpoints`. */
export interface NewWebhookEndpoint {
  url: string;
  events: string[];
  description?: string | null;
  enabled?: boolean;
}

/** `PATCH /v1/webhook_endpoints/:id`. */
export type WebhookEndpointChanges = Partial<NewWebhookEndpoint>;

/** `GET /v1/events`: what happened, as it is sent. */
export interface WebhookEvent {
  id: string;
  object: 'event';
  type: EventType;
  api_version: string;
  created: string;
  /** `object` as the staff API shows it, and what goes with it (`refund`, `reason`…). */
  data: { object: Record<string, unknown> } & Record<string, unknown>;
}

export interface WebhookAttempt {
  id: string;
  /** The endpoint's HTTP status; null when it gave none (refused, timed out, unreachable). */
  status_code: number | null;
  error: string | null;
  /** The start of the endpoint's answer, at most 4 KB. */
  response_excerpt: string | null;
  duration_ms: number;
  created: string;
}

export interface WebhookDelivery {
  id: string;
  object: 'webhook_delivery';
  endpoint: string;
  /** pending (waiting, or to be tried again), delivered, or failed (given up after ~3 days). */
  state: 'pending' | 'delivered' | 'failed';
  /** True for a resend staff asked for. */
  resend: boolean;
  attempts: WebhookAttempt[];
  next_attempt_at: string | null;
  delivered_at: string | null;
  created: string;
}

/** `GET /v1/events/:id`: the event with its deliveries and their attempts. */
export interface WebhookEventDetail extends WebhookEvent {
  deliveries: WebhookDelivery[];
}

/** `POST /v1/events/:id/resend`: one endpoint, or every enabled endpoint that wants the type. */
export interface ResendRequest {
  endpoint?: string;
}
