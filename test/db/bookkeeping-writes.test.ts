/**
 * The rate limit's counts are written without waiting for the disk, and nothing else is: around
 * a bookkeeping statement only, restored after one that failed (issue 13).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKKEEPING } from '../../server/db/bookkeeping-writes.ts';
import { type Db, migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { cachingStatements } from '../../server/db/statement-cache.ts';
import { countHit } from '../../server/http/rate-limit.ts';

const FULL = 2;
const NORMAL = 1;

describe('bookkeeping writes on a SQLite file', () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bookkeeping-'));
    db = openDatabase(join(dir, 'portal.sqlite'));
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  // A pragma is never a kept statement (server/db/statement-cache.ts): this reads it afresh.
  const synchronous = async () =>
    (await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows[0]!.synchronous;

  it('commits a bookkeeping statement with synchronous = normal, and nothing else', () => {
    const sqlite = new SQLite(join(dir, 'direct.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = full');
    // What happens on the connection, in order: settings made, statements run.
    const steps: string[] = [];
    const exec = sqlite.exec.bind(sqlite);
    sqlite.exec = (text: string) => {
      // A fresh read (pragma() prepares anew): SQLite applies this pragma when it prepares it.
      const result = exec(text);
      steps.push(`${text} -> ${sqlite.pragma('synchronous', { simple: true })}`);
      return result;
    };
    sqlite.function('step', (name: unknown) => {
      steps.push(String(name));
      return 1;
    });
    const cache = cachingStatements(sqlite);
    try {
      cache.prepare(`${BOOKKEEPING} select step('count')`).get();
      cache.prepare(`select step('ledger')`).get();
      cache.prepare('create table counts (key text primary key)').run();
      const insert = cache.prepare(`${BOOKKEEPING} insert into counts (key) values (?)`);
      insert.run('a');
      expect(() => insert.run('a')).toThrow(/UNIQUE/);
      expect(steps).toEqual([
        `pragma synchronous = normal -> ${NORMAL}`,
        'count',
        `pragma synchronous = full -> ${FULL}`,
        'ledger',
        `pragma synchronous = normal -> ${NORMAL}`,
        `pragma synchronous = full -> ${FULL}`,
        `pragma synchronous = normal -> ${NORMAL}`,
        `pragma synchronous = full -> ${FULL}`,
      ]);
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(FULL);
    } finally {
      cache.close();
    }
  });

  it('counts rate-limit hits and leaves the app connection durable', async () => {
    expect(await synchronous()).toBe(FULL);
    expect((await countHit(db, 'portal:198.51.100.4', 60)).count).toBe(1);
    expect((await countHit(db, 'portal:198.51.100.4', 60)).count).toBe(2);
    expect(await synchronous()).toBe(FULL);
  });
});
