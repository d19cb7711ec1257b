import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. Issue 12: "in the customer's language".
// A customer may speak another language than the business ('en' or 'es'); null means the
// business's. Reminders, texts, emails and the portal speak it.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('locale', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').dropColumn('locale').execute();
}
