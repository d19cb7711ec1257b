/**
 * Writes whose loss in a power cut harms nothing (rate-limit counters), made without waiting for
 * the disk (issue 13). SQLite in WAL mode with `synchronous = FULL` (our default, for the ledger)
 * syncs the log to disk on every commit: about 3-6 ms on the machines we measured, more than all
 * the rest of a portal read. For these writes the connection commits with `synchronous = NORMAL`,
 * which SQLite documents as always consistent in WAL mode, only not durable until the next sync:
 * a power cut may forget the last few counts, never corrupt the file nor touch a ledger write.
 * Kysely's one SQLite connection is held for the three statements, so no other query runs with
 * the relaxed setting. PostgreSQL commits in groups and is left as it is.
 */
import { sql } from 'kysely';
import { type Db, isPostgres } from './database.ts';

export async function withoutWaitingForDisk<T>(db: Db, write: (db: Db) => Promise<T>): Promise<T> {
  if (isPostgres(db)) return write(db);
  return db.connection().execute(async (connection) => {
    await sql`pragma synchronous = normal`.execute(connection);
    try {
      return await write(connection);
    } finally {
      await sql`pragma synchronous = full`.execute(connection);
    }
  });
}
