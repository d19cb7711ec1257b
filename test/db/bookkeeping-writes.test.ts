/**
 * The rate limit's counts are written without waiting for the disk, and nothing else is: after
 * the write, and after one that failed, the connection commits durably again (issue 13).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutWaitingForDisk } from '../../server/db/bookkeeping-writes.ts';
import { type Db, migrateToLatest, openDatabase } from '../../server/db/database.ts';
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

  const synchronous = async (on: Db) =>
    (await sql<{ synchronous: number }>`pragma synchronous`.execute(on)).rows[0]!.synchronous;

  it('counts with synchronous = normal and leaves the connection durable', async () => {
    expect(await synchronous(db)).toBe(FULL);
    const seen = await withoutWaitingForDisk(db, (connection) => synchronous(connection));
    expect(seen).toBe(NORMAL);
    expect((await countHit(db, 'portal:198.51.100.4', 60)).count).toBe(1);
    expect((await countHit(db, 'portal:198.51.100.4', 60)).count).toBe(2);
    expect(await synchronous(db)).toBe(FULL);
  });

  it('restores durability when the write fails', async () => {
    await expect(
      withoutWaitingForDisk(db, (connection) =>
        sql`insert into no_such_table values (1)`.execute(connection),
      ),
    ).rejects.toThrow(/no_such_table/);
    expect(await synchronous(db)).toBe(FULL);
  });
});
