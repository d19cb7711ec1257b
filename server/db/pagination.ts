/**
 * Keyset pagination for lists ordered by (created_at, id): newest first for every staff list,
 * oldest first for an activity log. One row-value comparison, which SQLite and PostgreSQL both
 * read, and which stays right when two rows share a timestamp.
 */
import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';

/** What a list request asks for: how many, and after which row (by id). */
export interface Page {
  limit: number;
  starting_after?: string | undefined;
}

export interface Cursor {
  created_at: string;
  id: string;
}

export interface KeysetOptions {
  /** Where the page's rows come from: the row `starting_after` names (a 404 naming it if none). */
  cursor: (id: string) => Promise<Cursor>;
  /** `desc` (newest first, the default) or `asc` (oldest first). */
  order?: 'asc' | 'desc';
  /** The table whose `created_at` and `id` order the rows, when the query joins others. */
  table?: string;
}

/**
 * One page of `query`, in (created_at, id) order after the cursor row: `limit + 1` rows, so the
 * caller can tell whether more follow (http/lists.ts turns them into the list answer).
 */
export async function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: Page,
  { cursor, order = 'desc', table }: KeysetOptions,
): Promise<O[]> {
  const createdAt = sql.ref(table ? `${table}.created_at` : 'created_at');
  const id = sql.ref(table ? `${table}.id` : 'id');
  let rows = query
    .orderBy(createdAt, order)
    .orderBy(id, order)
    .limit(page.limit + 1);
  if (page.starting_after)
    rows = rows.where(beyond(await cursor(page.starting_after), order, table));
  return rows.execute();
}

/** The rows that come after `cursor` in `created_at desc, id desc` order. */
export function olderThan(cursor: Cursor, table?: string): Expression<SqlBool> {
  return beyond(cursor, 'desc', table);
}

function beyond(cursor: Cursor, order: 'asc' | 'desc', table?: string): Expression<SqlBool> {
  const createdAt = sql.ref(table ? `${table}.created_at` : 'created_at');
  const id = sql.ref(table ? `${table}.id` : 'id');
  const after = order === 'desc' ? sql`<` : sql`>`;
  return sql<SqlBool>`(${createdAt}, ${id}) ${after} (${cursor.created_at}, ${cursor.id})`;
}
