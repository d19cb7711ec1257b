/**
 * Events: what happened, as the business's other systems are told (issue 14). An event is written
 * by `emitEvent` inside the transaction of the change it tells of, with one delivery per endpoint
 * that wants it, so it exists if and only if the change was committed; server/webhooks/ delivers
 * it. Staff read events for 30 days through GET /v1/events.
 */
import type { Db, Trx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { keysetPage, type Page } from '../db/pagination.ts';
import type { EventTable } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { API_VERSION, type EventType } from './catalog.ts';
import { endpointsWanting, queueDeliveries } from './deliveries.ts';

/** How long events can be listed and fetched (an integrator that was down catches up by then). */
export const EVENT_DAYS = 30;
const DAY_MS = 86_400_000;

export interface NewEvent {
  business_id: string;
  type: EventType;
  /** The object as the staff API shows it. */
  object: { object: string } & Record<string, unknown>;
  /**
   * What the event is about, by id: one object's events reach an endpoint in order. Default: the
   * object's `id` (a balance, which has none, names its customer).
   */
  object_id?: string;
  /** What goes with the object in `data` (a refund, a reason, a question, a channel…). */
  extra?: Record<string, unknown>;
  /** Told at most once per key (an invoice overdue): a second emit with it writes nothing. */
  once_key?: string;
}

let lastMs = 0;
/**
 * Now, never earlier than the last event this process wrote: two events about one object in one
 * transaction keep their order. (Changes to one object from two processes are already ordered by
 * the locks they take.)
 */
function eventTime(): string {
  lastMs = Math.max(Date.now(), lastMs + 1);
  return new Date(lastMs).toISOString();
}

/**
 * Records an event and queues it for every enabled endpoint that wants its type. Call it inside
 * the transaction of the change. Returns null when `once_key` was told before.
 */
export async function emitEvent(trx: Trx | Db, event: NewEvent): Promise<EventTable | null> {
  const row: EventTable = {
    id: newId('evt'),
    business_id: event.business_id,
    type: event.type,
    object_id: event.object_id ?? String(event.object.id),
    api_version: API_VERSION,
    data: JSON.stringify({ object: event.object, ...event.extra }),
    once_key: event.once_key ?? null,
    created_at: eventTime(),
  };
  const inserted = await trx
    .insertInto('events')
    .values(row)
    .onConflict((conflict) => conflict.column('once_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 1n) === 0) return null;
  const endpoints = await endpointsWanting(trx, event.business_id, event.type);
  await queueDeliveries(trx, row, endpoints, { manual: false });
  return row;
}

export async function getEvent(db: Db | Trx, businessId: string, id: string, param = 'id') {
  const event = await db
    .selectFrom('events')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('id', '=', id)
    .where('created_at', '>=', listableSince())
    .executeTakeFirst();
  if (!event) throw notFound('event', param);
  return event;
}

export function listableSince(at = Date.now()): string {
  return new Date(at - EVENT_DAYS * DAY_MS).toISOString();
}

export async function listEvents(
  db: Db,
  businessId: string,
  page: Page & { type?: string | undefined; object?: string | undefined },
) {
  let query = db
    .selectFrom('events')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('created_at', '>=', listableSince());
  if (page.type) query = query.where('type', '=', page.type);
  if (page.object) query = query.where('object_id', '=', page.object);
  return keysetPage(query, page, {
    cursor: (id) => getEvent(db, businessId, id, 'starting_after'),
  });
}

/** The event as it is sent and as staff see it. */
export function eventView(event: EventTable) {
  return {
    id: event.id,
    object: 'event' as const,
    type: event.type as EventType,
    api_version: event.api_version,
    created: event.created_at,
    data: JSON.parse(event.data) as { object: Record<string, unknown> } & Record<string, unknown>,
  };
}
