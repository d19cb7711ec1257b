/**
 * Delivers the outbox through SMTP (nodemailer, `SMTP_URL`). Each pass takes the pending messages
 * that are due, claims each one with a conditional update (so several server processes on one
 * database never send a message twice at once), sends it, and marks it sent; a failure is kept
 * in `last_error` and tried again later, each wait twice the one before, until MAX_ATTEMPTS,
 * when the message is marked failed for staff to see and retry. Without `SMTP_URL` nothing is
 * sent and messages stay pending in the outbox.
 */
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { renderReceiptPdf } from '../documents/receipt-pdf.ts';
import type { OutboxMessage } from '../outbox/outbox.ts';

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 60;
const LONGEST_RETRY_SECONDS = 3_600;
/** How long a claimed message is left alone; a process that died sending it is retried after. */
const CLAIM_SECONDS = 120;

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
  return nodemailer.createTransport(smtpUrl);
}

/** Seconds to wait after the `attempts`-th failure: 1, 2, 4, 8 … minutes, at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_SECONDS);
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
      result.sent += 1;
    } catch (error) {
      const giveUp = attempts >= MAX_ATTEMPTS;
      const retryAt = new Date(at.getTime() + retryDelaySeconds(attempts) * 1000);
      await finish(db, message.id, {
        state: giveUp ? 'failed' : 'pending',
        next_attempt_at: giveUp ? null : retryAt.toISOString(),
        last_error: describe(error),
      });
      options.logger?.warn({ message: message.id, attempts, giveUp }, 'email not sent');
      result[giveUp ? 'failed' : 'retrying'] += 1;
    }
  }
  return result;
}

/** Takes the message for this process: one attempt more, and hidden from other passes a while. */
async function claim(db: Db, message: OutboxMessage, at: Date): Promise<boolean> {
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

async function finish(db: Db, id: string, changes: Partial<OutboxMessage>) {
  await db
    .updateTable('outbox_messages')
    .set({ ...changes, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
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
  if (message.kind === 'receipt' && message.payment_id) {
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
  return mail;
}

/** `"Acme Pools" <no-reply@pay.example.com>`: the business's name at the product's own domain. */
export function senderAddress(businessName: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  const domain = host === 'localhost' || !host.includes('.') ? 'localhost.localdomain' : host;
  const name = businessName.replace(/["\\\r\n]/g, '').trim() || 'Pay Portal';
  return `"${name}" <no-reply@${domain}>`;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

export interface EmailDelivery {
  /** Runs a pass soon, instead of waiting for the next tick. */
  kick(): void;
  stop(): Promise<void>;
}

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
    return { kick() {}, stop: async () => {} };
  }
  const intervalMs = deps.intervalMs ?? 5_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const pass = () => {
    timer = null;
    running = deliverDueEmails(db, { transport, publicUrl: config.publicUrl, logger })
      .catch((error) => logger.error({ err: error }, 'email delivery pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(pass, intervalMs);
      });
  };
  timer = setTimeout(pass, 0);
  return {
    kick() {
      if (stopped || !timer) return;
      clearTimeout(timer);
      timer = setTimeout(pass, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
