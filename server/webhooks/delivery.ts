/**
 * Delivers the webhook queue (server/events/deliveries.ts). Each pass takes the deliveries that
 * are due, whose endpoint is enabled, and that wait for no earlier event about the same object to
 * the same endpoint (so one invoice's `created`, `sent`, `paid` arrive in that order; a resend
 * staff ask for waits for nothing). Each is claimed with a conditional update, so several server
 * processes on one database send it once per attempt; then signed, posted (post.ts), and its
 * attempt kept. A failure is tried again on schedule.ts's backoff for about three days.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { WebhookDeliveryTable } from '../db/schema.ts';
import { eventView } from '../events/events.ts';
import { signingSecrets } from '../events/signing-secrets.ts';
import { noteFailure, noteSuccess } from './endpoint-health.ts';
import { type PostOutcome, type PostRules, postWebhook } from './post.ts';
import { retryDelayMs } from './schedule.ts';
import { signedHeaders } from './signing.ts';

/** How long a claimed delivery is left alone: longer than a post can take (10 s). */
const CLAIM_MS = 60_000;

export interface WebhookPassOptions extends PostRules {
  /** Opens the endpoints' sealed signing secrets (events/signing-secrets.ts). */
  appSecret: string;
  at?: Date;
  limit?: number;
  logger?: Logger;
}

export interface WebhookPassResult {
  delivered: number;
  retrying: number;
  failed: number;
}

/** One pass over the queue: sends what is due now, several at once. */
export async function deliverDueWebhooks(
  db: Db,
  options: WebhookPassOptions,
): Promise<WebhookPassResult> {
  const at = options.at ?? new Date();
  const due = await dueDeliveries(db, at, options.limit ?? 20);
  const result: WebhookPassResult = { delivered: 0, retrying: 0, failed: 0 };
  await Promise.all(
    due.map(async (delivery) => {
      if (!(await claim(db, delivery, at))) return;
      const state = await attempt(db, delivery, delivery.attempts + 1, at, options);
      result[state] += 1;
    }),
  );
  return result;
}

async function dueDeliveries(db: Db, at: Date, limit: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .selectAll('d')
    .where('d.state', '=', 'pending')
    .where('d.next_attempt_at', '<=', at.toISOString())
    .where('e.enabled', '=', 1)
    .where('e.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('d.manual', '=', 1),
        eb.not(
          eb.exists(
            eb
              .selectFrom('webhook_deliveries as earlier')
              .select('earlier.id')
              .whereRef('earlier.endpoint_id', '=', 'd.endpoint_id')
              .whereRef('earlier.object_id', '=', 'd.object_id')
              .where('earlier.state', '=', 'pending')
              .where('earlier.manual', '=', 0)
              .where((inner) =>
                inner.or([
                  inner('earlier.event_created_at', '<', inner.ref('d.event_created_at')),
                  inner.and([
                    inner('earlier.event_created_at', '=', inner.ref('d.event_created_at')),
                    inner('earlier.id', '<', inner.ref('d.id')),
                  ]),
                ]),
              ),
          ),
        ),
      ]),
    )
    .orderBy('d.event_created_at')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

/** Takes the delivery for this process: one attempt more, hidden from other passes a while. */
async function claim(db: Db, delivery: WebhookDeliveryTable, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({
      attempts: delivery.attempts + 1,
      next_attempt_at: new Date(at.getTime() + CLAIM_MS).toISOString(),
      updated_at: at.toISOString(),
    })
    .where('id', '=', delivery.id)
    .where('state', '=', 'pending')
    .where('attempts', '=', delivery.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

type Outcome = keyof WebhookPassResult;

async function attempt(
  db: Db,
  delivery: WebhookDeliveryTable,
  attempts: number,
  at: Date,
  rules: WebhookPassOptions,
): Promise<Outcome> {
  const [event, endpoint] = await Promise.all([
    db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', delivery.event_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', delivery.endpoint_id)
      .executeTakeFirstOrThrow(),
  ]);
  const body = JSON.stringify(eventView(event));
  const sentAt = new Date();
  const secrets = signingSecrets(endpoint, rules.appSecret, sentAt);
  // Nothing unsigned is sent: a secret that no longer opens (APP_SECRET changed) fails the
  // attempt with the reason, until staff roll the secret.
  const outcome: PostOutcome =
    secrets.length === 0
      ? {
          status: null,
          error: 'signing secret unreadable (APP_SECRET changed?): roll the secret',
          excerpt: null,
          durationMs: 0,
        }
      : await postWebhook(
          endpoint.url,
          body,
          signedHeaders(event.id, body, secrets, sentAt),
          rules,
        );
  const ok = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
  const delay = retryDelayMs(attempts);
  const state: Outcome = ok ? 'delivered' : delay === null ? 'failed' : 'retrying';
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values(attemptRow(delivery, outcome, sentAt))
      .execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({
        state: state === 'retrying' ? 'pending' : state,
        next_attempt_at:
          state === 'retrying' ? new Date(at.getTime() + delay!).toISOString() : null,
        last_status: outcome.status,
        last_error: ok ? null : (outcome.error ?? `HTTP ${outcome.status}`),
        delivered_at: ok ? new Date().toISOString() : null,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', delivery.id)
      .execute();
    if (ok) await noteSuccess(trx, endpoint.id);
    else await noteFailure(trx, endpoint.id, at, state === 'failed');
  });
  if (!ok) {
    rules.logger?.warn(
      { delivery: delivery.id, event: event.id, attempts, status: outcome.status },
      'webhook not delivered',
    );
  }
  return state;
}

function attemptRow(delivery: WebhookDeliveryTable, outcome: PostOutcome, at: Date) {
  return {
    id: newId('wha'),
    delivery_id: delivery.id,
    event_id: delivery.event_id,
    endpoint_id: delivery.endpoint_id,
    status_code: outcome.status,
    error: outcome.error,
    response_excerpt: outcome.excerpt,
    duration_ms: outcome.durationMs,
    created_at: at.toISOString(),
  };
}
