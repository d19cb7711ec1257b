import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing from the app. Issue 13: "open invoices with their
// amounts due" in a portal read. A customer's open invoices in the order the portal lists them
// (oldest first), so that a page of them is read straight off the index and stops at its end,
// instead of sorting every open invoice first. Partial: paid and void invoices, most of a long
// history, are not in it.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('invoices_open_idx')
    .on('invoices')
    .columns(['customer_id', 'created_at', 'number'])
    .where(sql.ref('status'), 'in', ['open', 'viewed', 'partially_paid'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invoices_open_idx').execute();
}
