/**
 * Writes whose loss in a power cut harms nothing (rate-limit counters), made without waiting for
 * the disk (issue 13). SQLite in WAL mode with `synchronous = FULL` (our default, for the ledger)
 * syncs the log to disk on every commit: 3-6 ms on the machines we measured, more than all the
 * rest of a portal read. A statement whose text starts with BOOKKEEPING commits with
 * `synchronous = NORMAL`, which SQLite documents as always consistent in WAL mode, only not
 * durable until the next sync: a power cut may forget the last few counts, never corrupt the
 * file nor touch a ledger write. The setting is changed and restored around the one statement in
 * the same synchronous call (./statement-cache.ts), while Kysely holds its one connection, so
 * nothing else ever runs with it. PostgreSQL reads the marker as a comment.
 */
import type { Database, Statement } from 'better-sqlite3';

export const BOOKKEEPING = '/* bookkeeping */';

export function isBookkeeping(sql: string): boolean {
  return sql.startsWith(BOOKKEEPING);
}

/** `statement`, run with the connection's commits not waiting for the disk. */
export function withoutWaitingForDisk(sqlite: Database, statement: Statement): Statement {
  // Never a kept statement: SQLite applies `pragma synchronous = …` when it prepares it, so a
  // prepared one run again does not reliably set it again. exec() prepares it each time.
  const around =
    <Args extends unknown[], Result>(run: (...args: Args) => Result) =>
    (...args: Args): Result => {
      sqlite.exec('pragma synchronous = normal');
      try {
        return run(...args);
      } finally {
        sqlite.exec('pragma synchronous = full');
      }
    };
  // What Kysely's SQLite driver uses of a statement; `reader` is read once, it never changes.
  return {
    reader: statement.reader,
    all: around(statement.all.bind(statement)),
    get: around(statement.get.bind(statement)),
    run: around(statement.run.bind(statement)),
    iterate: statement.iterate.bind(statement),
  } as unknown as Statement;
}
