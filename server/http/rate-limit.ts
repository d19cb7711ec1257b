/**
 * Fixed-window counters in the `rate_limits` table. One upsert counts a hit and returns the count,
 * atomically on SQLite and PostgreSQL alike, so the limit holds across several server processes
 * on one database. Requests count through ./rate-windows.ts, which uses this table on PostgreSQL
 * (or when RATE_LIMIT_STORE=database) and the process's memory on SQLite.
 */
import { sql } from 'kysely';
import { BOOKKEEPING } from '../db/bookkeeping-writes.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from './errors.ts';

export interface WindowCount {
  count: number;
  /** Whole seconds until the window ends (at least 1): the `Retry-After` of a refusal. */
  retryAfter: number;
}

/** The fixed window `atMs` falls in: its start (whole seconds) and the seconds left in it. */
export function windowOf(windowSeconds: number, atMs: number) {
  const start = Math.floor(atMs / 1000 / windowSeconds) * windowSeconds;
  const retryAfter = Math.max(1, Math.ceil(((start + windowSeconds) * 1000 - atMs) / 1000));
  return { start, retryAfter };
}

/** Counts one hit on `key` in the current window and returns the window's count so far. */
export async function countHit(
  db: Db,
  key: string,
  windowSeconds: number,
  atMs = Date.now(),
): Promise<WindowCount> {
  return (await countHitAndPeek(db, { key, windowSeconds }, null, atMs)).hit;
}

export interface RateWindow {
  key: string;
  windowSeconds: number;
}

/**
 * Counts one hit on `hit` and reads `peek`'s count, in one statement: the portal guard's whole
 * bookkeeping is one round trip (issue 13), and on SQLite a commit that does not wait for the
 * disk (BOOKKEEPING: a lost count harms nothing; ../db/bookkeeping-writes.ts).
 */
export async function countHitAndPeek(
  db: Db,
  hit: RateWindow,
  peek: RateWindow | null,
  atMs = Date.now(),
): Promise<{ hit: WindowCount; peek: WindowCount }> {
  const hitWindow = windowOf(hit.windowSeconds, atMs);
  const peekWindow = windowOf(peek?.windowSeconds ?? hit.windowSeconds, atMs);
  // A row from an older window starts again at 1; a row from a newer window (a process whose
  // clock is behind) keeps counting in the newer one. The peeked key is another row, so the
  // subquery reads it as it was before this statement on both databases.
  const peeked = peek
    ? sql<number>`(select count from rate_limits where key = ${peek.key} and window_start >= ${peekWindow.start})`
    : sql<null>`null`;
  const { rows } = await sql<{ count: number; peeked: number | null }>`${sql.raw(BOOKKEEPING)}
      insert into rate_limits (key, window_start, count) values (${hit.key}, ${hitWindow.start}, 1)
      on conflict (key) do update set
        count = case when rate_limits.window_start >= excluded.window_start
          then rate_limits.count + 1 else 1 end,
        window_start = case when rate_limits.window_start >= excluded.window_start
          then rate_limits.window_start else excluded.window_start end
      returning count, ${peeked} as peeked`.execute(db);
  const row = rows[0]!;
  return {
    hit: { count: Number(row.count), retryAfter: hitWindow.retryAfter },
    peek: { count: Number(row.peeked ?? 0), retryAfter: peekWindow.retryAfter },
  };
}

/** The current window's count for `key`, without counting. */
export async function peekCount(
  db: Db,
  key: string,
  windowSeconds: number,
  atMs = Date.now(),
): Promise<WindowCount> {
  const window = windowOf(windowSeconds, atMs);
  const row = await db
    .selectFrom('rate_limits')
    .select('count')
    .where('key', '=', key)
    .where('window_start', '>=', window.start)
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), retryAfter: window.retryAfter };
}

/** Forgets windows that ended more than `olderThanSeconds` ago. */
export async function pruneRateLimits(db: Db, olderThanSeconds: number, atMs = Date.now()) {
  await db
    .deleteFrom('rate_limits')
    .where('window_start', '<', Math.floor(atMs / 1000) - olderThanSeconds)
    .execute();
}

export function rateLimited(retryAfter: number): ApiError {
  return new ApiError(
    429,
    'rate_limit_error',
    'rate_limited',
    'Too many requests. Try again later.',
    null,
    { 'Retry-After': String(retryAfter) },
  );
}

/** Questions one document (an estimate, an invoice) takes in an hour: enough for a conversation, too few to flood a mailbox. */
export const QUESTIONS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

/** The start of the hour that ends now, as the ISO time stored rows are compared with. */
export function hourAgo(at = Date.now()): string {
  return new Date(at - HOUR_MS).toISOString();
}

/**
 * Refuses (429, with when to try again) what was already done `limit` times in the last hour:
 * `recent` are those times, oldest first (rows since hourAgo()).
 */
export function refuseOverHourlyLimit(
  recent: readonly { created_at: string }[],
  limit: number,
  at = Date.now(),
): void {
  if (recent.length < limit) return;
  const oldest = Date.parse(recent[0]!.created_at);
  throw rateLimited(Math.max(1, Math.ceil((oldest + HOUR_MS - at) / 1000)));
}
