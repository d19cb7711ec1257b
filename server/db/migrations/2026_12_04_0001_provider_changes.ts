import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. A count of the changes asked of the
// provider for a payment (a new amount when the card's funding changes the fee), bumped in the
// transaction that decides the change, before the provider is called: each distinct attempt gets
// an idempotency key of its own (`<payment>:change:<n>`), so Stripe never replays an older change
// for a new one (issue 10, defect 1).

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('payments')
    .addColumn('provider_changes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('payments').dropColumn('provider_changes').execute();
}
