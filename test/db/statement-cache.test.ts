/**
 * The SQLite statement cache (issue 13): a query sent again reuses its prepared statement, the
 * cache stays within its bound, and what it answers is what SQLite answers, across a migration
 * that changes a table under a kept statement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { cachingStatements, withPlannedLimits } from '../../server/db/statement-cache.ts';

describe('statement cache', () => {
  const opened: SQLite.Database[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
  });

  function counting(limit: number) {
    const sqlite = new SQLite(':memory:');
    opened.push(sqlite);
    let prepared = 0;
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      prepared += 1;
      return prepare(text);
    }) as typeof sqlite.prepare;
    return { cache: cachingStatements(sqlite, limit), prepared: () => prepared };
  }

  it('prepares a query once however often it runs', () => {
    const { cache, prepared } = counting(10);
    for (let i = 0; i < 50; i += 1) {
      expect(cache.prepare('select ? + 1 as n').get(i)).toEqual({ n: i + 1 });
    }
    expect(prepared()).toBe(1);
  });

  it('keeps at most its limit, dropping the least recently used', () => {
    const { cache, prepared } = counting(2);
    cache.prepare('select 1');
    cache.prepare('select 2');
    cache.prepare('select 1'); // now the most recent
    cache.prepare('select 3'); // drops "select 2"
    expect(cache.cachedStatements).toBe(2);
    expect(prepared()).toBe(3);
    cache.prepare('select 1');
    expect(prepared()).toBe(3);
    cache.prepare('select 2');
    expect(prepared()).toBe(4);
  });

  it('prepares a pragma anew every time, so that it takes effect every time', () => {
    const { cache, prepared } = counting(10);
    const setting = () => cache.prepare('pragma foreign_keys').get();
    cache.prepare('pragma foreign_keys = on').run();
    expect(setting()).toEqual({ foreign_keys: 1 });
    cache.prepare('pragma foreign_keys = off').run();
    cache.prepare('pragma foreign_keys = on').run();
    expect(setting()).toEqual({ foreign_keys: 1 });
    cache.prepare('pragma foreign_keys = off').run();
    expect(setting()).toEqual({ foreign_keys: 0 });
    expect(prepared()).toBe(7);
    expect(cache.cachedStatements).toBe(0);
  });

  it('keeps one statement for a LIMIT and OFFSET bound anew each run, and honours each value', () => {
    const { cache, prepared } = counting(10);
    cache.prepare('create table visits (n integer)').run();
    const insert = cache.prepare('insert into visits (n) values (?)');
    for (let n = 1; n <= 5; n += 1) insert.run(n);
    const page = (limit: number, offset: number) =>
      cache
        .prepare('select n from visits order by n limit ? offset ?')
        .all(limit, offset)
        .map((row) => (row as { n: number }).n);
    expect(page(2, 0)).toEqual([1, 2]);
    expect(page(3, 1)).toEqual([2, 3, 4]);
    expect(page(10, 4)).toEqual([5]);
    // A negative LIMIT is SQLite's "no limit", as it is without the cast.
    expect(page(-1, 3)).toEqual([4, 5]);
    expect(prepared()).toBe(3);
    expect(withPlannedLimits('select n from visits limit ? offset ?')).toBe(
      'select n from visits limit cast(? as integer) offset cast(? as integer)',
    );
  });

  it('answers with the table as it is after the schema changed under a kept statement', () => {
    const { cache } = counting(10);
    cache.prepare('create table notes (id integer primary key, body text)').run();
    cache.prepare("insert into notes (body) values ('first')").run();
    const read = () => cache.prepare('select * from notes').all();
    expect(read()).toEqual([{ id: 1, body: 'first' }]);
    cache.prepare("alter table notes add column author text default 'staff'").run();
    expect(read()).toEqual([{ id: 1, body: 'first', author: 'staff' }]);
  });

  it('serves the app database: a migrated file answers the same query again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'statement-cache-'));
    const db = openDatabase(join(dir, 'cache.sqlite'));
    try {
      await migrateToLatest(db);
      const count = () => db.selectFrom('businesses').select((eb) => eb.fn.countAll().as('n'));
      expect(await count().executeTakeFirst()).toEqual({ n: 0 });
      expect(await count().executeTakeFirst()).toEqual({ n: 0 });
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
