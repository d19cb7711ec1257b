/**
 * Plain SQL on the hot paths (issue 13), where building the query costs more than running it:
 * Kysely's builder makes and compiles an operation tree on every call, about a quarter of a portal
 * read. The text is written once with `?` placeholders (SQLite's) and numbered once for
 * PostgreSQL (`$1`, `$2`, …); it runs through the same Kysely executor as every other query, so
 * transactions, the log hook and the statement cache see it.
 */
import { CompiledQuery } from 'kysely';
import { type Db, isPostgres, type Trx } from './database.ts';

const numbered = new Map<string, string>();

function forPostgres(text: string): string {
  let out = numbered.get(text);
  if (out === undefined) {
    let index = 0;
    // Our texts hold no `?` inside string literals.
    out = text.replace(/\?/g, () => `$${++index}`);
    numbered.set(text, out);
  }
  return out;
}

export async function plainQuery<Row>(
  db: Db | Trx,
  text: string,
  parameters: readonly unknown[],
): Promise<Row[]> {
  const query = CompiledQuery.raw(isPostgres(db) ? forPostgres(text) : text, [...parameters]);
  return (await db.executeQuery<Row>(query)).rows;
}
