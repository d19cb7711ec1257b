import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. Issue 15: "who added it" names the
// person. A business has one API key, so the staff call says who is at the keyboard
// (`added_by_name`, optional); the ledger entry keeps it as it was given. Null for what no person
// named: payments, older entries, integrations that do not send it.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ledger_entries').addColumn('added_by_name', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ledger_entries').dropColumn('added_by_name').execute();
}
