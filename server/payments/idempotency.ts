/**
 * `Idempotency-Key` on `POST /v1/portal/:token/payments`, kept in the database (so every server
 * process sees it) for at least KEEP_HOURS, per business:
 * - the same key and the same request replay the first answer, byte for byte;
 * - the same key with another request (another body, or another link) is a 422 idempotency_error;
 * - a request that arrives while the first is still running waits for its answer (a double
 *   click gets one payment and two identical answers), or gets a 409 if it takes too long;
 * - a request that failed before answering leaves the key free to try again, and one that had
 *   already written its payment resumes that same payment (see create.ts).
 */
import { createHash } from 'node:crypto';
import { type Db, isPostgres, type Trx } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { ApiError, conflict } from '../http/errors.ts';

export const KEEP_HOURS = 24;
/** A request holding a key for longer than this is taken to have died with its process. */
const STALE_MS = 30_000;
const WAIT_MS = 10_000;
const POLL_MS = 25;

export type IdempotentStart =
  | { kind: 'started' }
  | { kind: 'resume'; paymentId: string }
  | { kind: 'replay'; status: number; body: string };

/** A stable hash of what the request asks for: object keys sorted, so key order is irrelevant. */
export function requestHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The `Idempotency-Key` header's value: 1 to 255 characters, or a 400 naming the header. */
export function idempotencyKey(header: string | undefined): string {
  const key = header?.trim() ?? '';
  if (key.length === 0 || key.length > 255) {
    throw new ApiError(
      400,
      'invalid_request_error',
      key.length === 0 ? 'idempotency_key_missing' : 'parameter_invalid',
      'Send an Idempotency-Key header of 1 to 255 characters, new for each payment.',
      'Idempotency-Key',
    );
  }
  return key;
}

export interface IdempotentAnswer<T> {
  body: T;
  /** The stored answer of an earlier request with this key: send `Idempotent-Replayed: true`. */
  replayed: boolean;
}

/**
 * Answers `request` once per key: runs `work` and keeps its answer, or replays the answer kept
 * for the same key and request. `work` is given the payment an earlier attempt with this key had
 * already written, to resume it instead of making another. When `work` throws, the key is
 * released (releaseKey) and the error goes on.
 */
export async function idempotent<T>(
  db: Db,
  businessId: string,
  key: string,
  request: unknown,
  work: (resume: { paymentId: string } | null) => Promise<T>,
): Promise<IdempotentAnswer<T>> {
  const start = await beginIdempotent(db, businessId, key, requestHash(request));
  if (start.kind === 'replay') return { body: JSON.parse(start.body) as T, replayed: true };
  try {
    const body = await work(start.kind === 'resume' ? { paymentId: start.paymentId } : null);
    await storeResponse(db, businessId, key, 200, body);
    return { body, replayed: false };
  } catch (error) {
    await releaseKey(db, businessId, key);
    throw error;
  }
}

/** Takes the key for this request, or says what to answer instead. */
export async function beginIdempotent(
  db: Db,
  businessId: string,
  key: string,
  hash: string,
): Promise<IdempotentStart> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const start = await db.transaction().execute((trx) => tryTake(trx, businessId, key, hash));
    if (start !== 'busy') return start;
    if (Date.now() > deadline) {
      throw conflict(
        'idempotency_key_in_use',
        'A request with this Idempotency-Key is still being processed. Try again in a moment.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function tryTake(
  trx: Trx,
  businessId: string,
  key: string,
  hash: string,
): Promise<IdempotentStart | 'busy'> {
  const at = now();
  // A key older than KEEP_HOURS is forgotten, and may start afresh.
  await trx
    .deleteFrom('idempotency_keys')
    .where('business_id', '=', businessId)
    .where('key', '=', key)
    .where('created_at', '<', hoursAgo(KEEP_HOURS))
    .execute();
  const inserted = await trx
    .insertInto('idempotency_keys')
    .values({
      business_id: businessId,
      key,
      request_hash: hash,
      payment_id: null,
      response_status: null,
      response_body: null,
      locked_at: at,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['business_id', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { kind: 'started' };

  let query = trx
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('key', '=', key);
  if (isPostgres(trx)) query = query.forUpdate();
  const row = await query.executeTakeFirstOrThrow();
  if (row.request_hash !== hash) {
    throw new ApiError(
      422,
      'idempotency_error',
      'idempotency_error',
      'This Idempotency-Key was used with a different request. Use a new key for a new payment.',
      'Idempotency-Key',
    );
  }
  if (row.response_status !== null && row.response_body !== null) {
    return { kind: 'replay', status: row.response_status, body: row.response_body };
  }
  if (row.locked_at && Date.parse(row.locked_at) > Date.now() - STALE_MS) return 'busy';
  // Nobody is working on it (an earlier attempt stopped short of an answer): take it.
  await trx
    .updateTable('idempotency_keys')
    .set({ locked_at: at })
    .where('business_id', '=', businessId)
    .where('key', '=', key)
    .execute();
  return row.payment_id ? { kind: 'resume', paymentId: row.payment_id } : { kind: 'started' };
}

/** The payment this key's request has written: a retry resumes it instead of making another. */
export async function attachPayment(trx: Trx, businessId: string, key: string, paymentId: string) {
  await trx
    .updateTable('idempotency_keys')
    .set({ payment_id: paymentId })
    .where('business_id', '=', businessId)
    .where('key', '=', key)
    .execute();
}

/** Keeps the answer, to be replayed for the same key and request. */
export async function storeResponse(
  db: Db | Trx,
  businessId: string,
  key: string,
  status: number,
  body: unknown,
): Promise<string> {
  const text = JSON.stringify(body);
  await db
    .updateTable('idempotency_keys')
    .set({ response_status: status, response_body: text, locked_at: null })
    .where('business_id', '=', businessId)
    .where('key', '=', key)
    .execute();
  return text;
}

/**
 * The request ended without an answer worth replaying. Without a live payment written (none, or
 * one canceled because the provider could not be reached), the key is forgotten: the same key
 * may be tried again with any body. With one, the key stays with its payment, unlocked, so a
 * retry resumes that payment.
 */
export async function releaseKey(db: Db, businessId: string, key: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('idempotency_keys')
      .where('business_id', '=', businessId)
      .where('key', '=', key)
      .where((eb) =>
        eb.or([
          eb('payment_id', 'is', null),
          eb(
            'payment_id',
            'in',
            eb.selectFrom('payments').select('id').where('status', '=', 'canceled'),
          ),
        ]),
      )
      .execute();
    await trx
      .updateTable('idempotency_keys')
      .set({ locked_at: null })
      .where('business_id', '=', businessId)
      .where('key', '=', key)
      .execute();
  });
}

/** Forgets keys older than KEEP_HOURS. */
export async function pruneIdempotencyKeys(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', hoursAgo(KEEP_HOURS))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString();
}
