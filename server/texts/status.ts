/**
 * Twilio's status callbacks for a text we sent: `queued → sent → delivered`, or `failed` /
 * `undelivered` with an error code (30003 unreachable handset, 30006 landline …). Callbacks can
 * come more than once and out of order, so a status never moves a text backwards: a late `sent`
 * after `delivered` is logged and changes nothing. A text that failed or was undelivered is
 * `failed` in the outbox, for staff to see and retry.
 */
import type { Db } from '../db/database.ts';
import { now } from '../db/ids.ts';
import type { TextDeliveryStatus } from '../db/schema.ts';
import { logMessage } from '../outbox/log.ts';

const RANK: Record<TextDeliveryStatus, number> = {
  accepted: 0,
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  undelivered: 3,
  failed: 3,
};

export interface StatusReport {
  providerMessageId: string;
  status: string;
  errorCode: string | null;
}

/** What became of the report: applied, stale (older than what we know), or unknown message. */
export async function applyStatusReport(
  db: Db,
  report: StatusReport,
): Promise<'applied' | 'stale' | 'unknown'> {
  if (!(report.status in RANK)) return 'stale';
  const status = report.status as TextDeliveryStatus;
  return db.transaction().execute(async (trx) => {
    const message = await trx
      .selectFrom('outbox_messages')
      .selectAll()
      .where('channel', '=', 'sms')
      .where('provider_message_id', '=', report.providerMessageId)
      .executeTakeFirst();
    if (!message) return 'unknown';
    const at = now();
    const current = message.delivery_status;
    const detail = { status, error_code: report.errorCode };
    // Older than what we know, the same again, or after a final status: logged, nothing moves.
    if (current && (RANK[status] < RANK[current] || status === current || RANK[current] === 3)) {
      await logMessage(trx, message.id, 'status', { ...detail, stale: true }, at);
      return 'stale';
    }
    const failed = status === 'failed' || status === 'undelivered';
    await trx
      .updateTable('outbox_messages')
      .set({
        delivery_status: status,
        updated_at: at,
        ...(status === 'delivered' ? { delivered_at: at } : {}),
        ...(failed
          ? {
              state: 'failed' as const,
              error_code: report.errorCode,
              last_error: `Twilio reported the text ${status}${report.errorCode ? ` (error ${report.errorCode})` : ''}.`,
            }
          : {}),
      })
      .where('id', '=', message.id)
      .execute();
    await logMessage(trx, message.id, 'status', detail, at);
    return 'applied';
  });
}
