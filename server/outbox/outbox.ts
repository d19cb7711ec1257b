/**
 * The outbox: every message the product sends, by email or by text. A message is written here
 * inside the transaction of what it tells of (a payment recorded, a link sent), so it is sent if
 * and only if that happened; the delivery loops (server/email/sender.ts for email,
 * server/texts/delivery.ts for texts) take it from here. Staff read it through GET /v1/outbox.
 */
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { keysetPage, type Page } from '../db/pagination.ts';
import type { EmailKind, MessageChannel, OutboxMessageTable, TextKind } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { logMessage } from './log.ts';

export type { EmailKind, MessageChannel, TextKind } from '../db/schema.ts';

export interface NewEmail {
  business_id: string;
  kind: EmailKind;
  to: string;
  reply_to?: string | null;
  subject: string;
  text: string;
  html: string;
  payment_id?: string | null;
  estimate_id?: string | null;
}

export interface NewText {
  business_id: string;
  kind: TextKind;
  /** E.164. */
  to: string;
  body: string;
  customer_id?: string | null;
  payment_link_id?: string | null;
  invoice_id?: string | null;
  /** Not before this instant (quiet hours); default now. */
  send_at?: string | null;
}

export type OutboxMessage = OutboxMessageTable;

const NO_TEXT_FIELDS = {
  customer_id: null,
  payment_link_id: null,
  invoice_id: null,
  provider_message_id: null,
  delivery_status: null,
  delivered_at: null,
  error_code: null,
} as const;

/** Queues an email for delivery. Call it inside the transaction of what the message tells. */
export async function enqueueEmail(trx: Db | Trx, message: NewEmail): Promise<OutboxMessage> {
  const at = now();
  const row: OutboxMessage = {
    id: newId('msg'),
    business_id: message.business_id,
    channel: 'email',
    kind: message.kind,
    to: message.to,
    reply_to: message.reply_to ?? null,
    subject: message.subject,
    text: message.text,
    html: message.html,
    payment_id: message.payment_id ?? null,
    estimate_id: message.estimate_id ?? null,
    state: 'pending',
    attempts: 0,
    last_error: null,
    next_attempt_at: at,
    sent_at: null,
    created_at: at,
    updated_at: at,
    ...NO_TEXT_FIELDS,
  };
  await trx.insertInto('outbox_messages').values(row).execute();
  await logMessage(trx, row.id, 'queued', null, at);
  return row;
}

/**
 * Queues a text for delivery, as it is: consent, the footer and quiet hours are the caller's
 * (server/texts/queue.ts `queueText` is the one door for everything but keyword replies).
 */
export async function enqueueText(trx: Db | Trx, message: NewText): Promise<OutboxMessage> {
  const at = now();
  const row: OutboxMessage = {
    id: newId('msg'),
    business_id: message.business_id,
    channel: 'sms',
    kind: message.kind,
    to: message.to,
    reply_to: null,
    subject: '',
    text: message.body,
    html: '',
    payment_id: null,
    state: 'pending',
    attempts: 0,
    last_error: null,
    next_attempt_at: message.send_at && message.send_at > at ? message.send_at : at,
    sent_at: null,
    created_at: at,
    updated_at: at,
    ...NO_TEXT_FIELDS,
    estimate_id: null,
    customer_id: message.customer_id ?? null,
    payment_link_id: message.payment_link_id ?? null,
    invoice_id: message.invoice_id ?? null,
  };
  await trx.insertInto('outbox_messages').values(row).execute();
  await logMessage(trx, row.id, 'queued', { not_before: row.next_attempt_at }, at);
  return row;
}

export async function getOutboxMessage(db: Db, businessId: string, id: string, param = 'id') {
  const message = await db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!message) throw notFound('message', param);
  return message;
}

export async function listOutboxMessages(
  db: Db,
  businessId: string,
  page: Page & {
    state?: OutboxMessage['state'] | undefined;
    kind?: OutboxMessage['kind'] | undefined;
    channel?: MessageChannel | undefined;
  },
) {
  let query = db.selectFrom('outbox_messages').selectAll().where('business_id', '=', businessId);
  if (page.state) query = query.where('state', '=', page.state);
  if (page.kind) query = query.where('kind', '=', page.kind);
  if (page.channel) query = query.where('channel', '=', page.channel);
  return keysetPage(query, page, {
    cursor: (id) => getOutboxMessage(db, businessId, id, 'starting_after'),
  });
}

/** Puts a message the loop gave up on back in the queue, to be tried at once. */
export async function retryOutboxMessage(db: Db, businessId: string, id: string) {
  const message = await getOutboxMessage(db, businessId, id);
  if (message.state !== 'failed') return message;
  const at = now();
  const changes = {
    state: 'pending' as const,
    next_attempt_at: at,
    updated_at: at,
    // A text tried again is a new message at the provider: its old id and status no longer hold.
    ...(message.channel === 'sms'
      ? { provider_message_id: null, delivery_status: null, error_code: null }
      : {}),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('outbox_messages')
      .set(changes)
      .where('id', '=', id)
      .where('state', '=', 'failed')
      .execute();
    await logMessage(trx, id, 'retry', { by: 'staff' }, at);
  });
  return { ...message, ...changes };
}
