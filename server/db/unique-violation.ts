/**
 * A write refused by a unique index. A check before a write ("is this slug free?") cannot see a
 * row another request has written but not yet committed; the index sees it, and refuses the second
 * write. The caller turns that refusal into its own answer (a 409 with the API's error shape)
 * instead of a 500. SQLite (better-sqlite3) says `SQLITE_CONSTRAINT_UNIQUE`, "UNIQUE constraint
 * failed: businesses.slug"; PostgreSQL (pg) says `23505` (unique_violation) and names the index.
 */

/** The index, by its name (PostgreSQL) and its table and column (SQLite names the column). */
export interface UniqueIndex {
  name: string;
  table: string;
  column: string;
}

export function isUniqueViolation(error: unknown, index: UniqueIndex): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint, message } = error as {
    code?: unknown;
    constraint?: unknown;
    message?: unknown;
  };
  if (code === '23505') return constraint === index.name;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string') {
    return message.includes(`${index.table}.${index.column}`);
  }
  return false;
}
