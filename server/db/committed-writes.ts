/**
 * In-process news of rows committed to a table, for a worker that would otherwise wait for its
 * next poll (issue 14: a payment's webhook should not wait out the delivery loop's interval). The
 * driver is watched: an `insert into "table"` marks its connection, and once that connection's
 * transaction commits (or, outside a transaction, once the statement is done) the table's
 * listeners are told. A rolled-back transaction tells nothing: listeners hear only of rows that
 * exist. Other processes hear nothing: they still poll.
 */
import type { DatabaseConnection, Dialect, Driver } from 'kysely';

export type CommitListener = () => void;

/** The listeners of one database, by table. */
export class CommittedWrites {
  private readonly listeners = new Map<string, Set<CommitListener>>();

  /** Calls `listener` after each commit that inserted into `table`; returns the unsubscribe. */
  listen(table: string, listener: CommitListener): () => void {
    const set = this.listeners.get(table) ?? new Set();
    set.add(listener);
    this.listeners.set(table, set);
    return () => set.delete(listener);
  }

  watches(table: string): boolean {
    return (this.listeners.get(table)?.size ?? 0) > 0;
  }

  tell(tables: Iterable<string>): void {
    for (const table of tables) {
      for (const listener of this.listeners.get(table) ?? []) listener();
    }
  }
}

const INSERT = /^\s*insert\s+into\s+"([a-z_]+)"/i;

/** The dialect, its driver watched for inserts committed, told to `writes`. */
export function watchingCommits(dialect: Dialect, writes: CommittedWrites): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => watchedDriver(dialect.createDriver(), writes),
  };
}

interface Watched extends DatabaseConnection {
  inner: DatabaseConnection;
  /** Tables inserted into since the transaction began (or the connection was taken). */
  inserted: Set<string>;
  inTransaction: boolean;
}

function watchedDriver(driver: Driver, writes: CommittedWrites): Driver {
  const unwrap = (connection: DatabaseConnection) => (connection as Watched).inner;
  const tell = (connection: Watched) => {
    const tables = [...connection.inserted];
    connection.inserted.clear();
    if (tables.length > 0) writes.tell(tables);
  };
  const watched: Driver = {
    init: () => driver.init(),
    destroy: () => driver.destroy(),
    async acquireConnection() {
      const inner = await driver.acquireConnection();
      const connection: Watched = {
        inner,
        inserted: new Set(),
        inTransaction: false,
        executeQuery(query) {
          const table = INSERT.exec(query.sql)?.[1];
          if (table && writes.watches(table)) connection.inserted.add(table);
          return inner.executeQuery(query);
        },
        streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize),
      };
      return connection;
    },
    async beginTransaction(connection, settings) {
      await driver.beginTransaction(unwrap(connection), settings);
      (connection as Watched).inTransaction = true;
      (connection as Watched).inserted.clear();
    },
    async commitTransaction(connection) {
      await driver.commitTransaction(unwrap(connection));
      (connection as Watched).inTransaction = false;
      tell(connection as Watched);
    },
    async rollbackTransaction(connection) {
      (connection as Watched).inTransaction = false;
      (connection as Watched).inserted.clear();
      await driver.rollbackTransaction(unwrap(connection));
    },
    async releaseConnection(connection) {
      const watchedConnection = connection as Watched;
      // Statements outside a transaction were each committed as they ran.
      if (!watchedConnection.inTransaction) tell(watchedConnection);
      await driver.releaseConnection(unwrap(connection));
    },
  };
  if (driver.savepoint) {
    watched.savepoint = (connection, name, compile) =>
      driver.savepoint!(unwrap(connection), name, compile);
  }
  if (driver.rollbackToSavepoint) {
    watched.rollbackToSavepoint = (connection, name, compile) =>
      driver.rollbackToSavepoint!(unwrap(connection), name, compile);
  }
  if (driver.releaseSavepoint) {
    watched.releaseSavepoint = (connection, name, compile) =>
      driver.releaseSavepoint!(unwrap(connection), name, compile);
  }
  return watched;
}

const byDatabase = new WeakMap<object, CommittedWrites>();

/** Registers the listeners of a database opened by openDatabase. */
export function registerCommittedWrites(db: object, writes: CommittedWrites): void {
  byDatabase.set(db, writes);
}

/**
 * Calls `listener` after each commit in this process that inserted into `table`; a database not
 * opened by openDatabase tells nothing. Returns the unsubscribe.
 */
export function onCommittedInsert(db: object, table: string, listener: CommitListener): () => void {
  return byDatabase.get(db)?.listen(table, listener) ?? (() => {});
}
