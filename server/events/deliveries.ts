/**
 * Deliveries: one event on its way to one endpoint, with its retry state, and the attempts made.
 * Queued by emitEvent in the change's own transaction (or by a resend); server/webhooks/ claims
 * and sends them.
 */
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import type {
  EventTable,
  WebhookAttemptTable,
  WebhookDeliveryTable,
  WebhookEndpointTable,
} from '../db/schema.ts';
import { conflict } from '../http/errors.ts';
import { endpointWants, getEndpoint } from './endpoints.ts';

/** The business's live endpoints that want events of `type`. */
export async function endpointsWanting(db: Db | Trx, businessId: string, type: string) {
  const endpoints = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('enabled', '=', 1)
    .where('deleted_at', 'is', null)
    .execute();
  return endpoints.filter((endpoint) => endpointWants(endpoint, type));
}

/** One pending delivery of `event` per endpoint, due now. */
export async function queueDeliveries(
  db: Db | Trx,
  event: EventTable,
  endpoints: readonly WebhookEndpointTable[],
  options: { manual: boolean },
): Promise<WebhookDeliveryTable[]> {
  if (endpoints.length === 0) return [];
  const at = now();
  const rows: WebhookDeliveryTable[] = endpoints.map((endpoint) => ({
    id: newId('whd'),
    business_id: event.business_id,
    event_id: event.id,
    endpoint_id: endpoint.id,
    object_id: event.object_id,
    event_created_at: event.created_at,
    manual: options.manual ? 1 : 0,
    state: 'pending',
    attempts: 0,
    next_attempt_at: at,
    last_status: null,
    last_error: null,
    delivered_at: null,
    created_at: at,
    updated_at: at,
  }));
  await db.insertInto('webhook_deliveries').values(rows).execute();
  return rows;
}

/** An event's deliveries, oldest first, each with its attempts. */
export async function deliveriesOf(db: Db | Trx, eventId: string) {
  const [deliveries, attempts] = await Promise.all([
    db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return deliveries.map((delivery) =>
    deliveryView(
      delivery,
      attempts.filter((attempt) => attempt.delivery_id === delivery.id),
    ),
  );
}

export function deliveryView(delivery: WebhookDeliveryTable, attempts: WebhookAttemptTable[]) {
  return {
    id: delivery.id,
    object: 'webhook_delivery' as const,
    endpoint: delivery.endpoint_id,
    state: delivery.state,
    resend: delivery.manual === 1,
    attempts: attempts.map(attemptView),
    next_attempt_at: delivery.next_attempt_at,
    delivered_at: delivery.delivered_at,
    created: delivery.created_at,
  };
}

export function attemptView(attempt: WebhookAttemptTable) {
  return {
    id: attempt.id,
    status_code: attempt.status_code,
    error: attempt.error,
    response_excerpt: attempt.response_excerpt,
    duration_ms: attempt.duration_ms,
    created: attempt.created_at,
  };
}

/**
 * Sends an event again, due now and waiting for no earlier event: to `endpointId`, or to every
 * enabled endpoint that wants its type. 409 when there is nowhere to send it.
 */
export async function resendEvent(
  db: Db,
  event: EventTable,
  endpointId: string | undefined,
): Promise<WebhookDeliveryTable[]> {
  let endpoints: WebhookEndpointTable[];
  if (endpointId) {
    const endpoint = await getEndpoint(db, event.business_id, endpointId, 'endpoint');
    if (endpoint.enabled !== 1) {
      throw conflict('endpoint_disabled', 'The endpoint is disabled: enable it first.', 'endpoint');
    }
    endpoints = [endpoint];
  } else {
    endpoints = await endpointsWanting(db, event.business_id, event.type);
  }
  if (endpoints.length === 0) {
    throw conflict('no_endpoint', 'No enabled webhook endpoint wants this event.', 'endpoint');
  }
  return queueDeliveries(db, event, endpoints, { manual: true });
}
