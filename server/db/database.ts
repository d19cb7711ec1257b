/**
 * Opens the store that `DATABASE_URL` names and brings it to the latest migration: a SQLite file
 * (a path or `sqlite:` URL, or `:memory:`) by default, PostgreSQL for `postgres://…`.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type Dialect,
  Kysely,
  type LogConfig,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type Transaction,
} from 'kysely';
import type Pg from 'pg';
import { CommittedWrites, registerCommittedWrites, watchingCommits } from './committed-writes.ts';
import { allowDirectReads } from './direct-reads.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { cachingStatements } from './statement-cache.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

let pgDriver: typeof Pg | null = null;

/** The PostgreSQL driver, loaded with the first PostgreSQL store (a SQLite server never needs it). */
function postgresDriver(): typeof Pg {
  if (!pgDriver) {
    pgDriver = createRequire(import.meta.url)('pg') as typeof Pg;
    // bigint columns hold minor units well below 2^53; read them as numbers, not strings.
    pgDriver.types.setTypeParser(pgDriver.types.builtins.INT8, (value) => Number(value));
  }
  return pgDriver;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export interface DatabaseOptions {
  /** Kysely's log hook: sees every query the database runs (the query-count tests use it). */
  log?: LogConfig;
}

export function openDatabase(url: string, { log }: DatabaseOptions = {}): Db {
  if (isPostgresUrl(url)) {
    const pool = new (postgresDriver().Pool)({ connectionString: url, max: 10 });
    // An idle client whose connection dies (a PostgreSQL restart, a failover, a test database
    // dropped `with (force)`) emits 'error'; the pool discards it and connects afresh on next use.
    // Without a listener Node would treat it as unhandled and end the whole process.
    pool.on('error', () => {});
    return watched(new PostgresDialect({ pool }), log);
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // Every commit is on disk before it returns (the ledger's); see bookkeeping-writes.ts for the
  // few writes that need not be.
  sqlite.pragma('synchronous = full');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const statements = cachingStatements(sqlite);
  const db = watched(new ImmediateSqliteDialect({ database: statements }), log);
  allowDirectReads(
    db,
    { prepare: (sql) => statements.prepare(sql), inTransaction: () => sqlite.inTransaction },
    log,
  );
  return db;
}

/** The database, its commits told to in-process listeners (./committed-writes.ts). */
function watched(dialect: Dialect, log: LogConfig | undefined): Db {
  const writes = new CommittedWrites();
  const db = new Kysely<Database>({
    dialect: watchingCommits(dialect, writes),
    ...(log ? { log } : {}),
  });
  registerCommittedWrites(db, writes);
  return db;
}

/**
 * SQLite transactions that read before they write must take the write lock at BEGIN, or two
 * processes on one file can both read the same balance and then one fails on commit.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver() {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

export function isPostgres(db: Db | Trx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => migrations,
};

export async function migrateToLatest(db: Db): Promise<void> {
  // Migrations of work done side by side are named by prefixes given out ahead of time (webhooks'
  // 2026_12_05_02xx may land after texts' 2026_12_05_03xx): a store that already ran a later name
  // still runs an earlier one it has not. Each migration stands alone (its own tables).
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
