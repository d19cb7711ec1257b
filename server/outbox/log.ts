/**
 * Each message's log: what happened to it, in order (queued, each attempt and its error, the
 * provider's statuses, a retry asked by staff). Staff read it with the message
 * (`GET /v1/outbox/:id`), so "why did this text not arrive?" has an answer.
 */
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';

export type MessageLogEvent =
  | 'queued'
  | 'sent'
  | 'attempt_failed'
  | 'gave_up'
  | 'retry'
  | 'status'
  | 'skipped';

export async function logMessage(
  db: Db | Trx,
  messageId: string,
  event: MessageLogEvent,
  detail: Record<string, unknown> | null = null,
  at: string = now(),
) {
  await db
    .insertInto('outbox_message_log')
    .values({
      id: newId('mlg'),
      message_id: messageId,
      event,
      detail: detail ? JSON.stringify(detail) : null,
      created_at: at,
    })
    .execute();
}

/** The message's log, oldest first. */
export async function messageLog(db: Db, messageId: string) {
  const rows = await db
    .selectFrom('outbox_message_log')
    .selectAll()
    .where('message_id', '=', messageId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    event: row.event as MessageLogEvent,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
    created: row.created_at,
  }));
}
