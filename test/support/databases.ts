/**
 * The stores every data and API suite runs against: SQLite in memory always, and a fresh
 * PostgreSQL database per suite when TEST_DATABASE_URL names a server (CI sets it).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  type DatabaseOptions,
  type Db,
  migrateToLatest,
  openDatabase,
} from '../../server/db/database.ts';

export interface TestStore {
  name: 'sqlite' | 'postgres';
  /** `options.log` sees every query (test/api/portal-queries.test.ts counts them). */
  open(options?: DatabaseOptions): Promise<{ db: Db; close(): Promise<void> }>;
}

const sqlite: TestStore = {
  name: 'sqlite',
  async open(options) {
    const db = openDatabase(':memory:', options);
    await migrateToLatest(db);
    return { db, close: () => db.destroy() };
  },
};

function postgres(adminUrl: string): TestStore {
  return {
    name: 'postgres',
    async open(options) {
      const name = `pay_portal_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const db = openDatabase(url.toString(), options);
      await migrateToLatest(db);
      return {
        db,
        async close() {
          await db.destroy();
          const cleanup = new pg.Client({ connectionString: adminUrl });
          await cleanup.connect();
          await cleanup.query(`drop database if exists ${name} with (force)`);
          await cleanup.end();
        },
      };
    },
  };
}

export const testStores: TestStore[] = process.env.TEST_DATABASE_URL
  ? [sqlite, postgres(process.env.TEST_DATABASE_URL)]
  : [sqlite];
