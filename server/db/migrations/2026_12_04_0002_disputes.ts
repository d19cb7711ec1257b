import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. A cardholder's dispute of a payment, as
// the provider tells it (Stripe's charge.dispute.* events): its status, and whether its funds are
// withdrawn from the business now, so each withdrawal and reinstatement is posted once.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disputes')
    .addColumn('provider_dispute_id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('funds_withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disputes_payment_idx').on('disputes').column('payment_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disputes').execute();
}
