/**
 * Plain SQL on the hot paths (issue 13), where building the query costs more than running it:
 * Kysely's builder makes and compiles an operation tree on every call, about a quarter of a portal
 * read. The text is written once with `?` placeholders (SQLite's) and numbered once for
 * PostgreSQL (`$1`, `$2`, …). On SQLite a read outside a transaction runs straight on the kept
 * statement (./direct-reads.ts); everything else goes through the same Kysely executor as every
 * other query. Transactions, the log hook and the statement cache see both.
 */
import { CompiledQuery } from 'kysely';
import { type Db, isPostgres, type Trx } from './database.ts';
import { readDirectly } from './direct-reads.ts';

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
  const direct = readDirectly<Row>(db, text, parameters);
  if (direct) return direct;
  const query = CompiledQuery.raw(isPostgres(db) ? forPostgres(text) : text, [...parameters]);
  return (await db.executeQuery<Row>(query)).rows;
}

/**
 * plainQuery's rows as their values in the select's order: for a wide row of joined tables, cut
 * into records by position (./columns.ts `recordAt`) rather than read by name.
 */
export async function plainValues(
  db: Db | Trx,
  text: string,
  parameters: readonly unknown[],
): Promise<unknown[][]> {
  const direct = readDirectly<unknown[]>(db, text, parameters, true);
  if (direct) return direct;
  // Column names of a select are unique in our texts, and an object keeps them in select order.
  const rows = await plainQuery<Record<string, unknown>>(db, text, parameters);
  return rows.map((row) => Object.values(row));
}
