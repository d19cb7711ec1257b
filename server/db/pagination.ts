/** Keyset pagination for lists ordered newest first by (created_at, id). */
import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * The rows that come after `cursor` in `created_at desc, id desc` order: one row-value comparison,
 * which SQLite and PostgreSQL both read, and which stays right when two rows share a timestamp.
 */
export function olderThan(cursor: { created_at: string; id: string }): Expression<SqlBool> {
  return sql<SqlBool>`(created_at, id) < (${cursor.created_at}, ${cursor.id})`;
}
