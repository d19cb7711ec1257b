import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. Square numbers each change of a
// dispute (`version`); kept with the dispute, so a change that arrives after a later one (webhooks
// come in any order) moves neither its status nor its money. Stripe's disputes leave it null.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('disputes').addColumn('provider_version', 'integer').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('disputes').dropColumn('provider_version').execute();
}
