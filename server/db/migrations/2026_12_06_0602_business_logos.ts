import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file imports nothing from the app. Issue 15: a logo uploaded through the
// staff API (PNG or JPEG), kept in the database beside its business, one per business, and found
// by the hash of its bytes, which names it in its URL (/logos/{hash}.png), so a browser may keep it
// for good: a new logo is a new URL.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  // Raw image bytes: bytea on PostgreSQL, blob on SQLite (both read back as a Buffer).
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('business_logos')
    .addColumn('business_id', 'text', (c) => c.primaryKey().references('businesses.id'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', bytes, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('business_logos_hash_idx')
    .on('business_logos')
    .column('hash')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('business_logos').execute();
}
