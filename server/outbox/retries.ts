/**
 * How every delivery loop (email, texts) tries a message again: each wait twice the one before,
 * from a minute to at most an hour, MAX_ATTEMPTS in all; and how a pass takes a message for
 * itself, so several server processes on one database never send a message twice at once.
 */
import type { Db } from '../db/database.ts';
import type { OutboxMessage } from './outbox.ts';

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 60;
const LONGEST_RETRY_SECONDS = 3_600;
/** How long a claimed message is left alone; a process that died sending it is retried after. */
const CLAIM_SECONDS = 120;

/** Seconds to wait after the `attempts`-th failure: 1, 2, 4, 8 … minutes, at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_SECONDS);
}

/** Takes the message for this process: one attempt more, and hidden from other passes a while. */
export async function claimMessage(db: Db, message: OutboxMessage, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('outbox_messages')
    .set({
      attempts: message.attempts + 1,
      next_attempt_at: new Date(at.getTime() + CLAIM_SECONDS * 1000).toISOString(),
      updated_at: at.toISOString(),
    })
    .where('id', '=', message.id)
    .where('state', '=', 'pending')
    .where('attempts', '=', message.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateMessage(db: Db, id: string, changes: Partial<OutboxMessage>) {
  await db
    .updateTable('outbox_messages')
    .set({ ...changes, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}
