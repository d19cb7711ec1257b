/**
 * Delivers the outbox's texts through the SMS provider. A pass takes the pending texts that are
 * due, claims each (server/outbox/retries.ts: never sent twice by two processes), checks the
 * number has not opted out since the text was queued, and hands it to the provider: accepted,
 * the text is `sent` with the provider's id and status (delivery is reported later by status
 * callbacks, ./status.ts). A refusal that cannot get better (an invalid number, Twilio's 21211)
 * fails the text at once; any other error is tried again later, as email is. With SMS_PROVIDER
 * =outbox nothing is started and texts stay pending in the outbox for staff to read.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { logMessage } from '../outbox/log.ts';
import type { OutboxMessage } from '../outbox/outbox.ts';
import { idleLoop, type PollingLoop, startPollingLoop } from '../outbox/polling-loop.ts';
import {
  claimMessage,
  describeError,
  MAX_ATTEMPTS,
  retryDelaySeconds,
  updateMessage,
} from '../outbox/retries.ts';
import { optedOut } from './consent.ts';
import { type SmsProvider, smsProvider, TextNotSent } from './provider.ts';

/** Where Twilio reports a text's delivery: built from PUBLIC_URL, never from a request. */
export function statusCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/webhooks/twilio/status`;
}

export interface TextDeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

export async function deliverDueTexts(
  db: Db,
  options: { provider: SmsProvider; publicUrl: string; at?: Date; limit?: number; logger?: Logger },
): Promise<TextDeliveryResult> {
  const send = options.provider.send;
  const result: TextDeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  if (!send) return result;
  const at = options.at ?? new Date();
  const due = await db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('channel', '=', 'sms')
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', at.toISOString())
    .orderBy('next_attempt_at')
    .limit(options.limit ?? 20)
    .execute();
  for (const message of due) {
    if (!(await claimMessage(db, message, at))) continue;
    const attempt = message.attempts + 1;
    // A keyword reply answers the number's own text (its STOP confirmation included).
    if (message.kind !== 'keyword_reply' && (await optedOut(db, message.to))) {
      await giveUp(
        db,
        message,
        attempt,
        'opted_out',
        'The number replied STOP after this text was queued.',
      );
      result.failed += 1;
      continue;
    }
    try {
      const accepted = await send({
        to: message.to,
        body: message.text,
        statusCallback: statusCallbackUrl(options.publicUrl),
      });
      await updateMessage(db, message.id, {
        state: 'sent',
        sent_at: new Date().toISOString(),
        next_attempt_at: null,
        last_error: null,
        error_code: null,
        provider_message_id: accepted.providerMessageId,
        delivery_status: accepted.status,
      });
      await logMessage(db, message.id, 'sent', {
        attempt,
        provider_message_id: accepted.providerMessageId,
        status: accepted.status,
      });
      result.sent += 1;
    } catch (error) {
      const code = error instanceof TextNotSent ? error.code : null;
      const permanent = error instanceof TextNotSent && error.permanent;
      if (permanent || attempt >= MAX_ATTEMPTS) {
        await giveUp(db, message, attempt, code, describeError(error));
        result.failed += 1;
      } else {
        const retryAt = new Date(at.getTime() + retryDelaySeconds(attempt) * 1000).toISOString();
        await updateMessage(db, message.id, {
          next_attempt_at: retryAt,
          last_error: describeError(error),
          error_code: code,
        });
        await logMessage(db, message.id, 'attempt_failed', {
          attempt,
          code,
          error: describeError(error),
          retry_at: retryAt,
        });
        result.retrying += 1;
      }
      options.logger?.warn({ message: message.id, attempt, code, permanent }, 'text not sent');
    }
  }
  return result;
}

async function giveUp(
  db: Db,
  message: OutboxMessage,
  attempt: number,
  code: string | null,
  error: string,
) {
  await updateMessage(db, message.id, {
    state: 'failed',
    next_attempt_at: null,
    last_error: error,
    error_code: code,
  });
  await logMessage(db, message.id, 'gave_up', { attempt, code, error });
}

/** `kick()` runs a pass soon, instead of waiting for the next tick. */
export type TextDelivery = PollingLoop;

/** Starts the delivery loop for `npm start`; with SMS_PROVIDER=outbox, nothing (and says so). */
export function startTextDelivery(deps: {
  db: Db;
  config: Config;
  logger: Logger;
  provider?: SmsProvider;
  intervalMs?: number;
}): TextDelivery {
  const { db, config, logger } = deps;
  const provider = deps.provider ?? smsProvider(config);
  if (!provider.send) {
    logger.info('SMS_PROVIDER is outbox: texts are kept in the outbox (GET /v1/outbox), not sent');
    return idleLoop;
  }
  return startPollingLoop(
    () => deliverDueTexts(db, { provider, publicUrl: config.publicUrl, logger }),
    { intervalMs: deps.intervalMs ?? 5_000, logger, failure: 'text delivery pass failed' },
  );
}
