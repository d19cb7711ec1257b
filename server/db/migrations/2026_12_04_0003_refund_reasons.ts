// biome-ignore-all lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. Why staff refunded a payment, in their
// words, kept with the refund for the business's records (issue 15); never shown to the customer.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('refunds').addColumn('reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('refunds').dropColumn('reason').execute();
}
