/**
 * Prepared statements kept for reuse on SQLite (issue 13). Kysely's SQLite driver prepares every
 * query again on every call; preparing is SQLite parsing and planning the SQL, about a fifth of a
 * portal read's CPU. The SQL a request sends is one of a few hundred texts (values travel as
 * parameters), so the statements are kept by their text, the least recently used dropped past
 * `limit`. better-sqlite3 runs a statement to completion synchronously, so one statement object
 * serves every caller; SQLite re-prepares a kept statement by itself when a migration changes the
 * schema under it.
 *
 * A bare `limit ?` (what Kysely's `.limit(n)` writes) is prepared as `limit cast(? as integer)`.
 * SQLite reads the value bound to a bare LIMIT parameter while planning, so it marks the statement
 * to be planned again whenever a new value is bound: better-sqlite3 binds on every run, so a kept
 * statement with `limit ?` was parsed and planned anew each time (17 µs of a 23 µs read of one
 * open invoice, docs/performance.md). The cast is an expression, not a bare parameter, and the
 * kept plan stands.
 */
import type { Database, Statement } from 'better-sqlite3';
import { isBookkeeping, withoutWaitingForDisk } from './bookkeeping-writes.ts';

export const STATEMENT_CACHE_LIMIT = 500;

const PRAGMA = /^\s*pragma\b/i;
const BARE_LIMIT = /\b(limit|offset)\s+\?/gi;

/** The SQL prepared for a query's text: a bare LIMIT or OFFSET parameter cast (see above). */
export function withPlannedLimits(sql: string): string {
  return sql.replace(BARE_LIMIT, '$1 cast(? as integer)');
}

/** What Kysely's SqliteDialect asks of a database: `prepare` and `close`. */
export interface CachingDatabase {
  prepare(sql: string): Statement;
  close(): void;
  /** Statements held now (for tests and the benchmark). */
  readonly cachedStatements: number;
}

export function cachingStatements(
  sqlite: Database,
  limit = STATEMENT_CACHE_LIMIT,
): CachingDatabase {
  // A Map iterates in insertion order: a hit moves its statement to the end, so the first key is
  // the least recently used.
  const statements = new Map<string, Statement>();
  return {
    prepare(sql) {
      const kept = statements.get(sql);
      if (kept) {
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const prepared = sqlite.prepare(withPlannedLimits(sql));
      // SQLite applies a setting pragma when it prepares it: one kept and run again may not set
      // it again. So a pragma is prepared anew every time.
      if (PRAGMA.test(sql)) return prepared;
      const statement = isBookkeeping(sql) ? withoutWaitingForDisk(sqlite, prepared) : prepared;
      statements.set(sql, statement);
      if (statements.size > limit) statements.delete(statements.keys().next().value!);
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
    get cachedStatements() {
      return statements.size;
    },
  };
}
