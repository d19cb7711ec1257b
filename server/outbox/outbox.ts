/**
 * The email outbox. A message is written here inside the transaction of what it tells of (a
 * payment recorded, an estimate decided), so it is sent if and only if that happened; the
 * delivery loop (./sender.ts) takes it from here. Staff read it through GET /v1/outbox.
 */
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { keysetPage, type Page } from '../db/pagination.ts';
import type { EmailKind, OutboxMessageTable } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';

export type { EmailKind } from '../db/schema.ts';

export interface NewEmail {
  business_id: string;
  kind: EmailKind;
  to: string;
  reply_to?: string | null;
  subject: string;
  text: string;
  html: string;
  payment_id?: string | null;
}

export type OutboxMessage = OutboxMessageTable;

/** Queues a message for delivery. Call it inside the transaction of what the message tells. */
export async function enqueueEmail(trx: Db | Trx, message: NewEmail): Promise<OutboxMessage> {
  const at = now();
  const row: OutboxMessage = {
    id: newId('msg'),
    business_id: message.business_id,
    kind: message.kind,
    to: message.to,
    reply_to: message.reply_to ?? null,
    subject: message.subject,
    text: message.text,
    html: message.html,
    payment_id: message.payment_id ?? null,
    state: 'pending',
    attempts: 0,
    last_error: null,
    next_attempt_at: at,
    sent_at: null,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('outbox_messages').values(row).execute();
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
    kind?: EmailKind | undefined;
  },
) {
  let query = db.selectFrom('outbox_messages').selectAll().where('business_id', '=', businessId);
  if (page.state) query = query.where('state', '=', page.state);
  if (page.kind) query = query.where('kind', '=', page.kind);
  return keysetPage(query, page, {
    cursor: (id) => getOutboxMessage(db, businessId, id, 'starting_after'),
  });
}

/** Puts a message the loop gave up on back in the queue, to be tried at once. */
export async function retryOutboxMessage(db: Db, businessId: string, id: string) {
  const message = await getOutboxMessage(db, businessId, id);
  if (message.state !== 'failed') return message;
  const at = now();
  const changes = { state: 'pending' as const, next_attempt_at: at, updated_at: at };
  await db
    .updateTable('outbox_messages')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .execute();
  return { ...message, ...changes };
}

/** The message as staff see it in the API; `detail` adds the bodies. */
export function outboxMessageView(message: OutboxMessage, detail = false) {
  return {
    id: message.id,
    object: 'email' as const,
    kind: message.kind,
    to: message.to,
    reply_to: message.reply_to,
    subject: message.subject,
    payment: message.payment_id,
    state: message.state,
    attempts: message.attempts,
    last_error: message.last_error,
    next_attempt_at: message.next_attempt_at,
    sent_at: message.sent_at,
    created: message.created_at,
    ...(detail ? { text: message.text, html: message.html } : {}),
  };
}
