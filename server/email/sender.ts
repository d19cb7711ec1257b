/**
 * Delivers the outbox through SMTP (nodemailer, `SMTP_URL`). Each pass takes the pending messages
 * that are due, claims each one with a conditional update (so several server processes on one
 * database never send a message twice at once), sends it, and marks it sent; a failure is kept
 * in `last_error` and tried again later, each wait twice the one before, until MAX_ATTEMPTS,
 * when the message is marked failed for staff to see and retry. Without `SMTP_URL` nothing is
 * sent and messages stay pending in the outbox.
 */
import { createRequire } from 'node:module';
import type Nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { loadEstimateDocument, renderEstimatePdf, renderReceiptPdf } from '../documents/pdfs.ts';
import { logMessage } from '../outbox/log.ts';
import type { OutboxMessage } from '../outbox/outbox.ts';
import { idleLoop, type PollingLoop, startPollingLoop } from '../outbox/polling-loop.ts';
import {
  claimMessage as claim,
  describeError as describe,
  updateMessage as finish,
  MAX_ATTEMPTS,
  retryDelaySeconds,
} from '../outbox/retries.ts';

export { MAX_ATTEMPTS, retryDelaySeconds } from '../outbox/retries.ts';

export interface Mail {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** What sends one email: nodemailer's transport, or a stand-in in tests. */
export interface MailTransport {
  sendMail(mail: Mail): Promise<unknown>;
}

export function smtpTransport(smtpUrl: string): MailTransport {
  // Loaded here, when SMTP_URL is set (issue 13): no cost at start for a server that sends none.
  const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof Nodemailer;
  return nodemailer.createTransport(smtpUrl);
}

export interface DeliveryOptions {
  transport: MailTransport;
  /** Where links and the default sender address come from. */
  publicUrl: string;
  at?: Date;
  limit?: number;
  logger?: Logger;
}

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** One pass over the outbox: sends what is due now. */
export async function deliverDueEmails(db: Db, options: DeliveryOptions): Promise<DeliveryResult> {
  const at = options.at ?? new Date();
  const due = await db
    .selectFrom('outbox_messages')
    .innerJoin('businesses', 'businesses.id', 'outbox_messages.business_id')
    .selectAll('outbox_messages')
    .select(['businesses.name as business_name', 'businesses.settings as business_settings'])
    .where('outbox_messages.channel', '=', 'email')
    .where('outbox_messages.state', '=', 'pending')
    .where('outbox_messages.next_attempt_at', '<=', at.toISOString())
    .orderBy('outbox_messages.next_attempt_at')
    .limit(options.limit ?? 20)
    .execute();
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  for (const message of due) {
    if (!(await claim(db, message, at))) continue;
    const attempts = message.attempts + 1;
    try {
      await options.transport.sendMail(await mailFor(db, message, options));
      await finish(db, message.id, {
        state: 'sent',
        sent_at: new Date().toISOString(),
        next_attempt_at: null,
        last_error: null,
      });
      await logMessage(db, message.id, 'sent', { attempt: attempts });
      result.sent += 1;
    } catch (error) {
      const giveUp = attempts >= MAX_ATTEMPTS;
      const retryAt = new Date(at.getTime() + retryDelaySeconds(attempts) * 1000);
      await finish(db, message.id, {
        state: giveUp ? 'failed' : 'pending',
        next_attempt_at: giveUp ? null : retryAt.toISOString(),
        last_error: describe(error),
      });
      await logMessage(db, message.id, giveUp ? 'gave_up' : 'attempt_failed', {
        attempt: attempts,
        error: describe(error),
        ...(giveUp ? {} : { retry_at: retryAt.toISOString() }),
      });
      options.logger?.warn({ message: message.id, attempts, giveUp }, 'email not sent');
      result[giveUp ? 'failed' : 'retrying'] += 1;
    }
  }
  return result;
}

type DueMessage = OutboxMessage & { business_name: string; business_settings: string };

async function mailFor(db: Db, message: DueMessage, options: DeliveryOptions): Promise<Mail> {
  const settings = JSON.parse(message.business_settings) as { branding?: { email?: string } };
  const replyTo = message.reply_to ?? settings.branding?.email ?? undefined;
  const mail: Mail = {
    from: senderAddress(message.business_name, options.publicUrl),
    to: message.to,
    ...(replyTo ? { replyTo } : {}),
    subject: message.subject,
    text: message.text,
    html: message.html,
  };
  // A refund's email carries the receipt too: it now shows what was refunded.
  if ((message.kind === 'receipt' || message.kind === 'refund') && message.payment_id) {
    try {
      const receipt = await renderReceiptPdf(db, message.payment_id);
      mail.attachments = [
        { filename: receipt.filename, content: receipt.pdf, contentType: 'application/pdf' },
      ];
    } catch (error) {
      // The email itself carries every figure of the receipt; it goes out without the PDF.
      options.logger?.error({ err: error, message: message.id }, 'receipt PDF not attached');
    }
  }
  if (message.kind === 'estimate_approved' && message.estimate_id) {
    try {
      const signed = await signedEstimatePdf(db, message.business_id, message.estimate_id);
      mail.attachments = [
        { filename: signed.filename, content: signed.pdf, contentType: 'application/pdf' },
      ];
    } catch (error) {
      options.logger?.error({ err: error, message: message.id }, 'estimate PDF not attached');
    }
  }
  return mail;
}

/** The approved estimate's PDF, with its signature, as the customer's copy. */
async function signedEstimatePdf(db: Db, businessId: string, estimateId: string) {
  const [business, estimate] = await Promise.all([
    db.selectFrom('businesses').selectAll().where('id', '=', businessId).executeTakeFirstOrThrow(),
    db.selectFrom('estimates').selectAll().where('id', '=', estimateId).executeTakeFirstOrThrow(),
  ]);
  return renderEstimatePdf(await loadEstimateDocument(db, business, estimate));
}

/** `"Acme Pools" <no-reply@pay.example.com>`: the business's name at the product's own domain. */
export function senderAddress(businessName: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  const domain = host === 'localhost' || !host.includes('.') ? 'localhost.localdomain' : host;
  const name = businessName.replace(/["\\\r\n]/g, '').trim() || 'Pay Portal';
  return `"${name}" <no-reply@${domain}>`;
}

/** `kick()` runs a pass soon, instead of waiting for the next tick. */
export type EmailDelivery = PollingLoop;

/**
 * Starts the delivery loop for `npm start`: a pass every `intervalMs`. Without `SMTP_URL` (and no
 * transport given) it starts nothing and says so once: messages wait in the outbox.
 */
export function startEmailDelivery(deps: {
  db: Db;
  config: Config;
  logger: Logger;
  transport?: MailTransport;
  intervalMs?: number;
}): EmailDelivery {
  const { db, config, logger } = deps;
  const transport = deps.transport ?? (config.smtpUrl ? smtpTransport(config.smtpUrl) : null);
  if (!transport) {
    logger.info('SMTP_URL is not set: email is kept in the outbox (GET /v1/outbox), not sent');
    return idleLoop;
  }
  return startPollingLoop(
    () => deliverDueEmails(db, { transport, publicUrl: config.publicUrl, logger }),
    { intervalMs: deps.intervalMs ?? 5_000, logger, failure: 'email delivery pass failed' },
  );
}
