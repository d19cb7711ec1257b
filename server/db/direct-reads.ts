/**
 * Plain reads run straight on SQLite (issue 13). Kysely's executor takes every query through its
 * connection provider, the driver's connection lock, its plugins and the result transformer: in
 * the production server that costs about 20 µs a statement, as much as the portal's link lookup
 * itself. A read of plain SQL (./plain-sql.ts) on SQLite skips all of it when nothing can be
 * between it and the committed data: better-sqlite3 runs the statement synchronously on the one
 * connection, so nothing else runs meanwhile.
 *
 * It waits its turn through Kysely whenever a transaction is open on the connection (one request's
 * transaction spans its awaits; a read from another request must not see its uncommitted rows),
 * when the database was handed a Transaction, and for anything that writes. Kysely's log hook
 * hears of a direct read as of any other query, so the query-count tests count it.
 */
import type { Statement } from 'better-sqlite3';
import { CompiledQuery, type LogConfig, type LogEvent } from 'kysely';

export interface DirectSqlite {
  /** The kept statement of `sql` (./statement-cache.ts). */
  prepare(sql: string): Statement;
  /** Whether a transaction is open on the connection now. */
  inTransaction(): boolean;
  log?: (event: LogEvent) => void;
}

const handles = new WeakMap<object, DirectSqlite>();

/**
 * Lets plain reads of `db` (the Kysely instance, never a Transaction) run on `sqlite`. A log given
 * as levels (Kysely's console logging) keeps every query on Kysely's path, as it prints them.
 */
export function allowDirectReads(
  db: object,
  sqlite: Omit<DirectSqlite, 'log'>,
  log: LogConfig | undefined,
): void {
  if (log !== undefined && typeof log !== 'function') return;
  handles.set(db, { ...sqlite, ...(log ? { log } : {}) });
}

/**
 * The rows of the read `sql` run now on `db`'s SQLite connection, or undefined when it must go
 * through Kysely (see the file's comment). `asValues`: each row as its values in the select's
 * order, not an object (a wide joined row is made several times faster).
 */
export function readDirectly<Row>(
  db: object,
  sql: string,
  parameters: readonly unknown[],
  asValues = false,
): Row[] | undefined {
  const sqlite = handles.get(db);
  if (!sqlite || sqlite.inTransaction()) return undefined;
  const { log } = sqlite;
  const started = log ? performance.now() : 0;
  let rows: Row[];
  try {
    const statement = sqlite.prepare(sql);
    if (!statement.reader) return undefined;
    rows = all(statement, parameters, asValues) as Row[];
  } catch (error) {
    log?.({ level: 'error', error, ...timed(sql, parameters, started) });
    throw error;
  }
  log?.({ level: 'query', ...timed(sql, parameters, started) });
  return rows;
}

/** The query and its time, as Kysely's log hook hears them. */
function timed(sql: string, parameters: readonly unknown[], started: number) {
  return {
    query: CompiledQuery.raw(sql, [...parameters]),
    queryDurationMillis: performance.now() - started,
  };
}

/** The statement's rows; as values, its mode put back after (the kept statement is shared). */
function all(statement: Statement, parameters: readonly unknown[], asValues: boolean): unknown[] {
  if (!asValues) return statement.all(parameters);
  statement.raw(true);
  try {
    return statement.all(parameters);
  } finally {
    statement.raw(false);
  }
}
