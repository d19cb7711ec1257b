import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. Text messages (issue 12) share the
// email outbox: a message gets its channel (email or sms), the customer, link and invoice it is
// for, and the provider's id and delivery status (Twilio's queued → sent → delivered / failed /
// undelivered). Every message keeps a log of what happened to it. Consents say where they came
// from (the portal's box, or staff with the source they name); opt-outs by keyword (STOP …)
// are kept per number, and the inbound texts that changed them are kept as they came.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbox_messages')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('email'))
    .execute();
  for (const column of [
    'customer_id',
    'payment_link_id',
    'invoice_id',
    'provider_message_id',
    'delivery_status',
    'delivered_at',
    'error_code',
  ]) {
    await db.schema.alterTable('outbox_messages').addColumn(column, 'text').execute();
  }
  // A status callback finds its message by the provider's id.
  await db.schema
    .createIndex('outbox_messages_provider_idx')
    .on('outbox_messages')
    .column('provider_message_id')
    .execute();
  // "Was this number texted lately, and by which business?" (HELP answers with its name).
  await db.schema
    .createIndex('outbox_messages_recipient_idx')
    .on('outbox_messages')
    .columns(['channel', 'to', 'created_at'])
    .execute();

  await db.schema
    .createTable('outbox_message_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('outbox_messages.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outbox_message_log_message_idx')
    .on('outbox_message_log')
    .columns(['message_id', 'created_at'])
    .execute();

  // Where a consent came from: `portal` (the customer ticked the box) or `staff` (with `source`,
  // what staff name: "paper form signed 2026-12-01").
  await db.schema.alterTable('consents').addColumn('source', 'text').execute();
  await db.schema.alterTable('consents').addColumn('recorded_by', 'text').execute();

  await db.schema
    .createTable('text_opt_outs')
    .addColumn('phone', 'text', (c) => c.primaryKey())
    .addColumn('keyword', 'text', (c) => c.notNull())
    .addColumn('inbound_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inbound_texts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider_message_id', 'text', (c) => c.notNull().unique())
    .addColumn('from', 'text', (c) => c.notNull())
    .addColumn('to', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('keyword', 'text')
    .addColumn('business_id', 'text')
    .addColumn('reply_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbound_texts').execute();
  await db.schema.dropTable('text_opt_outs').execute();
  await db.schema.alterTable('consents').dropColumn('recorded_by').execute();
  await db.schema.alterTable('consents').dropColumn('source').execute();
  await db.schema.dropTable('outbox_message_log').execute();
  await db.schema.dropIndex('outbox_messages_recipient_idx').execute();
  await db.schema.dropIndex('outbox_messages_provider_idx').execute();
  for (const column of [
    'error_code',
    'delivered_at',
    'delivery_status',
    'provider_message_id',
    'invoice_id',
    'payment_link_id',
    'customer_id',
    'channel',
  ]) {
    await db.schema.alterTable('outbox_messages').dropColumn(column).execute();
  }
}
