/**
 * Plain SQL on the hot paths (server/db/plain-sql.ts), on every store: what it reads, in rows or
 * in values, is what the database holds and has committed. On SQLite a read outside a transaction
 * runs straight on the connection (server/db/direct-reads.ts); these tests hold it to what going
 * through Kysely gave: it never sees another request's uncommitted rows, Kysely's log hook hears
 * it, and an error reaches the caller.
 */
import type { LogEvent } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/database.ts';
import { plainQuery, plainValues } from '../../server/db/plain-sql.ts';
import { testStores } from '../support/databases.ts';

describe.each(testStores)('plain reads on $name', (store) => {
  const events: LogEvent[] = [];
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await store.open({
      log: (event) => {
        events.push(event);
      },
    }));
    await db
      .insertInto('rate_limits')
      .values([
        { key: 'plain:a', window_start: 100, count: 1 },
        { key: 'plain:b', window_start: 200, count: 2 },
      ])
      .execute();
  });
  afterAll(() => close());

  const COUNTS = `select key, window_start, count from rate_limits
    where key like ? order by key`;

  it('reads rows by name and the same rows as values in the select order', async () => {
    expect(await plainQuery(db, COUNTS, ['plain:%'])).toEqual([
      { key: 'plain:a', window_start: 100, count: 1 },
      { key: 'plain:b', window_start: 200, count: 2 },
    ]);
    expect(await plainValues(db, COUNTS, ['plain:%'])).toEqual([
      ['plain:a', 100, 1],
      ['plain:b', 200, 2],
    ]);
    // The kept statement read as values goes back to rows for the next caller.
    expect(await plainQuery(db, COUNTS, ['plain:b'])).toEqual([
      { key: 'plain:b', window_start: 200, count: 2 },
    ]);
  });

  it('reads the same inside a transaction, where it sees the transaction’s own rows', async () => {
    await db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('rate_limits')
          .values({ key: 'plain:c', window_start: 1, count: 3 })
          .execute();
        expect(await plainValues(trx, COUNTS, ['plain:c'])).toEqual([['plain:c', 1, 3]]);
        expect(await plainQuery(trx, COUNTS, ['plain:c'])).toEqual([
          { key: 'plain:c', window_start: 1, count: 3 },
        ]);
        throw new RollBack();
      })
      .catch((error) => {
        if (!(error instanceof RollBack)) throw error;
      });
    expect(await plainQuery(db, COUNTS, ['plain:c'])).toEqual([]);
  });

  it('never reads what another request’s open transaction wrote and then rolled back', async () => {
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    let rollBack!: () => void;
    const rolledBackYet = new Promise<void>((resolve) => {
      rollBack = resolve;
    });
    const writer = db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('rate_limits')
          .values({ key: 'plain:uncommitted', window_start: 1, count: 9 })
          .execute();
        inserted();
        await rolledBackYet;
        throw new RollBack();
      })
      .catch((error) => {
        if (!(error instanceof RollBack)) throw error;
      });
    await insertedYet;
    // Read while the writer's transaction is open: as rows and as values.
    const rows = plainQuery(db, COUNTS, ['plain:uncommitted']);
    const values = plainValues(db, COUNTS, ['plain:uncommitted']);
    rollBack();
    await writer;
    expect(await rows).toEqual([]);
    expect(await values).toEqual([]);
  });

  it('reads what another request committed once it has committed', async () => {
    let committing!: () => void;
    const commitYet = new Promise<void>((resolve) => {
      committing = resolve;
    });
    const writer = db.transaction().execute(async (trx) => {
      await trx
        .insertInto('rate_limits')
        .values({ key: 'plain:committed', window_start: 1, count: 4 })
        .execute();
      await commitYet;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const read = plainQuery(db, COUNTS, ['plain:committed']);
    committing();
    await writer;
    const seen = await read;
    // SQLite's one connection waits for the commit; PostgreSQL's other connection reads the
    // committed state of its moment (before or after the commit, as the pool hands it out).
    const committed = [{ key: 'plain:committed', window_start: 1, count: 4 }];
    if (store.name === 'sqlite') expect(seen).toEqual(committed);
    else expect([[], committed]).toContainEqual(seen);
    expect(await plainQuery(db, COUNTS, ['plain:committed'])).toEqual([
      { key: 'plain:committed', window_start: 1, count: 4 },
    ]);
  });

  it('tells the log hook of every read, with its text', async () => {
    events.length = 0;
    await plainQuery(db, COUNTS, ['plain:a']);
    await plainValues(db, COUNTS, ['plain:a']);
    const queries = events.filter((event) => event.level === 'query');
    expect(queries).toHaveLength(2);
    for (const event of queries) expect(event.query.sql).toContain('from rate_limits');
  });

  it('gives a failing read’s error to the caller and to the log hook', async () => {
    events.length = 0;
    await expect(plainQuery(db, 'select missing from no_such_table', [])).rejects.toThrow(
      /no_such_table/,
    );
    await expect(plainValues(db, 'select missing from no_such_table', [])).rejects.toThrow(
      /no_such_table/,
    );
    expect(events.filter((event) => event.level === 'error')).toHaveLength(2);
  });
});

class RollBack extends Error {}
