/**
 * Where the rate limits count (issue 13): in this process's memory, or in the `rate_limits` table.
 *
 * - **memory** (the default on SQLite): a SQLite store is served by one process, so its counts
 *   need not be shared with another; counting in a Map costs nothing, where the table costs a
 *   write on every portal request. One set of windows per database handle, so two apps over one
 *   handle (a test, the staff preview) share them as two processes share the table. A restart
 *   forgets the counts: a client gets a fresh minute, harmless.
 * - **database** (the default on PostgreSQL, and `RATE_LIMIT_STORE=database` on SQLite): the
 *   table, one upsert per request (./rate-limit.ts), so that several processes on one database
 *   hold one limit.
 *
 * Both count the same way: fixed windows, a row from an older window starts again at 1, a newer
 * one (a clock behind) keeps counting.
 */
import type { Config } from '../config.ts';
import { type Db, isPostgres } from '../db/database.ts';
import {
  countHitAndPeek,
  pruneRateLimits,
  type RateWindow,
  type WindowCount,
  windowOf,
} from './rate-limit.ts';

export type RateLimitStore = 'memory' | 'database';

export interface RateCounter {
  /** Counts a hit on `hit` and reads `peek`'s count without counting it. */
  countHitAndPeek(
    hit: RateWindow,
    peek: RateWindow | null,
    atMs?: number,
  ): Promise<{ hit: WindowCount; peek: WindowCount }>;
  countHit(key: string, windowSeconds: number, atMs?: number): Promise<WindowCount>;
  /** Forgets windows that ended more than `olderThanSeconds` ago. */
  prune(olderThanSeconds: number, atMs?: number): Promise<void>;
}

/** Past this many keys, windows long over are swept out (and, in a flood, the oldest keys). */
export const MAX_MEMORY_KEYS = 100_000;

interface Window {
  start: number;
  count: number;
}

/** Counts kept in a Map: the same arithmetic as the table's upsert. */
export function memoryCounter(maxKeys = MAX_MEMORY_KEYS): RateCounter {
  const windows = new Map<string, Window>();
  const peekAt = (peek: RateWindow, atMs: number): WindowCount => {
    const { start, retryAfter } = windowOf(peek.windowSeconds, atMs);
    const kept = windows.get(peek.key);
    return { count: kept && kept.start >= start ? kept.count : 0, retryAfter };
  };
  const hitAt = (hit: RateWindow, atMs: number): WindowCount => {
    const { start, retryAfter } = windowOf(hit.windowSeconds, atMs);
    const kept = windows.get(hit.key);
    if (kept && kept.start >= start) {
      kept.count += 1;
      return { count: kept.count, retryAfter };
    }
    if (!kept && windows.size >= maxKeys) sweep(windows, atMs, maxKeys);
    windows.set(hit.key, { start, count: 1 });
    return { count: 1, retryAfter };
  };
  return {
    async countHitAndPeek(hit, peek, atMs = Date.now()) {
      // The peeked key is read as it was before the hit, as the table's statement reads it.
      const peeked = peek ? peekAt(peek, atMs) : null;
      const counted = hitAt(hit, atMs);
      return { hit: counted, peek: peeked ?? { count: 0, retryAfter: counted.retryAfter } };
    },
    async countHit(key, windowSeconds, atMs = Date.now()) {
      return hitAt({ key, windowSeconds }, atMs);
    },
    async prune(olderThanSeconds, atMs = Date.now()) {
      const before = Math.floor(atMs / 1000) - olderThanSeconds;
      for (const [key, window] of windows) if (window.start < before) windows.delete(key);
    },
  };
}

/**
 * Makes room: drops windows that started over a day ago (no limit's window is that long), then,
 * if a flood of addresses still fills the map, the oldest-inserted tenth. Memory stays bounded;
 * a flooding client may lose its count, which no longer matters once that many are counted.
 */
function sweep(windows: Map<string, Window>, atMs: number, maxKeys: number) {
  const dayAgo = Math.floor(atMs / 1000) - 86_400;
  for (const [key, window] of windows) if (window.start < dayAgo) windows.delete(key);
  if (windows.size < maxKeys) return;
  let drop = Math.ceil(maxKeys / 10);
  for (const key of windows.keys()) {
    if (drop-- <= 0) break;
    windows.delete(key);
  }
}

/** Counts in the `rate_limits` table (./rate-limit.ts). */
export function databaseCounter(db: Db): RateCounter {
  return {
    countHitAndPeek: (hit, peek, atMs) => countHitAndPeek(db, hit, peek, atMs),
    async countHit(key, windowSeconds, atMs) {
      return (await countHitAndPeek(db, { key, windowSeconds }, null, atMs)).hit;
    },
    prune: (olderThanSeconds, atMs) => pruneRateLimits(db, olderThanSeconds, atMs),
  };
}

/** The store `config` names, else memory on SQLite and the table on PostgreSQL. */
export function rateLimitStore(db: Db, config: Pick<Config, 'rateLimit'>): RateLimitStore {
  return config.rateLimit.store ?? (isPostgres(db) ? 'database' : 'memory');
}

const counters = new WeakMap<Db, Partial<Record<RateLimitStore, RateCounter>>>();

/** The one counter of this database handle and store, made on first use. */
export function rateCounter(db: Db, config: Pick<Config, 'rateLimit'>): RateCounter {
  const store = rateLimitStore(db, config);
  const byStore = counters.get(db) ?? {};
  counters.set(db, byStore);
  let counter = byStore[store];
  if (!counter) {
    counter = store === 'memory' ? memoryCounter() : databaseCounter(db);
    byStore[store] = counter;
  }
  return counter;
}
