import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. Issue 12: "Quiet hours: no reminder
// texts before 8:00 or after 21:00 in the customer's time zone (the business's when unknown)".
// A customer may live in another zone than the business: an IANA name; null means the business's.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('time_zone', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('customers').dropColumn('time_zone').execute();
}
