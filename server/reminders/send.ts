/**
 * Sends one planned reminder, once. Inside one transaction: the reminder's row is inserted (its
 * unique key, kind + subject + slot, is the claim: a second process that planned the same reminder
 * inserts nothing and sends nothing), the message is queued in the outbox, and the link records a
 * `reminder` event, which the invoice's activity shows too.
 *
 * Channels: `email` now. `sms` is the seam for the text channel (issue 12's "Text messages"):
 * until a `texts` sender is given, a business that chose `sms` alone is reminded by email, and
 * `both` sends the email part.
 */
import { businessSettings } from '../businesses/businesses.ts';
import { customerLocale } from '../businesses/customer-locale.ts';
import type { Db, Trx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { recordLinkEvent } from '../links/link-events.ts';
import { unsealToken } from '../links/tokens.ts';
import { enqueueEmail } from '../outbox/outbox.ts';
import { type PlannedReminder, quietHoursZone } from './plan.ts';
import { reminderEmail, reminderText } from './reminder-email.ts';
import { inQuietHours } from './schedule.ts';

export interface TextSender {
  /** Queues a text, or returns null when the customer has no number with consent to texts. */
  queueText(
    trx: Trx,
    message: { business_id: string; customer_id: string; body: string; kind: string },
  ): Promise<{ id: string } | null>;
}

export interface SendOptions {
  publicUrl: string;
  appSecret: string;
  now: Date;
  texts?: TextSender | undefined;
}

export type SendOutcome =
  | 'sent'
  | 'already_sent'
  | 'quiet_hours'
  | 'no_address'
  | 'no_url'
  | 'stopped';

export async function sendReminder(
  db: Db,
  plan: PlannedReminder,
  options: SendOptions,
): Promise<SendOutcome> {
  // The customer's night, not the business's: before 8:00 or from 21:00 where they live.
  if (inQuietHours(options.now, quietHoursZone(plan))) return 'quiet_hours';
  const token = unsealToken(plan.link.token_sealed, plan.link.id, options.appSecret);
  if (token === null) return 'no_url';
  const settings = businessSettings(plan.business);
  const channels = reminderChannels(settings.reminders.channel, options.texts !== undefined);
  const to = plan.customer.email;
  if (channels.includes('email') && !to) return 'no_address';
  const url = `${options.publicUrl}/p/${token}`;
  const input = {
    kind: plan.kind,
    business: {
      name: plan.business.name,
      locale: customerLocale(plan.business.locale, plan.customer.locale),
      brandColor: settings.branding.brand_color,
      contact: settings.branding.email ?? settings.branding.phone,
    },
    customerName: plan.customer.name,
    url,
    document: plan.document,
    ...(plan.slot.offsetDays === undefined ? {} : { offsetDays: plan.slot.offsetDays }),
  };
  const content = reminderEmail(input);
  return db
    .transaction()
    .execute(async (trx): Promise<SendOutcome> => {
      if (!(await stillWanted(trx, plan))) return 'stopped';
      const id = newId('rem');
      const claimed = await trx
        .insertInto('reminders')
        .values({
          id,
          business_id: plan.business.id,
          kind: plan.kind,
          subject_id: plan.subjectId,
          slot: plan.slot.slot,
          payment_link_id: plan.link.id,
          invoice_id: plan.invoiceId,
          estimate_id: plan.estimateId,
          channel: channels.join('+'),
          due_at: plan.slot.at.toISOString(),
          message_id: null,
          created_at: options.now.toISOString(),
        })
        .onConflict((conflict) => conflict.columns(['kind', 'subject_id', 'slot']).doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) return 'already_sent';
      const messages: string[] = [];
      if (channels.includes('email') && to) {
        const message = await enqueueEmail(trx, {
          business_id: plan.business.id,
          kind: 'reminder',
          to,
          reply_to: settings.branding.email,
          ...content,
        });
        messages.push(message.id);
        await recordLinkEvent(trx, plan.link, 'reminder', {
          channel: 'email',
          detail: { to, message: message.id, reminder: plan.kind, slot: plan.slot.slot },
        });
      }
      if (channels.includes('sms') && options.texts) {
        // No `to`: the number the customer agreed to (server/texts/queue.ts), which may not be
        // customers.phone; no consent, an opt-out or no number: nothing is queued.
        const text = await options.texts.queueText(trx, {
          business_id: plan.business.id,
          customer_id: plan.customer.id,
          body: reminderText(input),
          kind: 'reminder',
        });
        if (text) {
          messages.push(text.id);
          const queued = await trx
            .selectFrom('outbox_messages')
            .select('to')
            .where('id', '=', text.id)
            .executeTakeFirstOrThrow();
          await recordLinkEvent(trx, plan.link, 'reminder', {
            channel: 'sms',
            detail: { to: queued.to, message: text.id, reminder: plan.kind, slot: plan.slot.slot },
          });
        }
      }
      // Nothing could go (a text without consent, by text alone): no row, so it is not "sent".
      if (messages.length === 0) throw new NothingSent();
      await trx
        .updateTable('reminders')
        .set({ message_id: messages[0] ?? null })
        .where('id', '=', id)
        .execute();
      return 'sent';
    })
    .catch((error: unknown) => {
      if (error instanceof NothingSent) return 'no_address' as const;
      throw error;
    });
}

class NothingSent extends Error {}

/** The channels a reminder goes by: `sms` needs the text channel, else email stands in. */
export function reminderChannels(
  choice: 'email' | 'sms' | 'both',
  canText: boolean,
): ('email' | 'sms')[] {
  if (choice === 'email' || !canText) return ['email'];
  return choice === 'both' ? ['email', 'sms'] : ['sms'];
}

/**
 * Read again inside the transaction: a payment, a void, a revoke or a decision that landed since
 * the pass planned it stops the reminder at once.
 */
async function stillWanted(trx: Trx, plan: PlannedReminder): Promise<boolean> {
  const link = await trx
    .selectFrom('payment_links')
    .select(['status'])
    .where('id', '=', plan.link.id)
    .executeTakeFirst();
  if (link?.status !== 'active') return false;
  if (plan.invoiceId) {
    const invoice = await trx
      .selectFrom('invoices')
      .select(['status', 'voided_at'])
      .where('id', '=', plan.invoiceId)
      .executeTakeFirst();
    if (
      !invoice ||
      invoice.voided_at ||
      !['open', 'viewed', 'partially_paid'].includes(invoice.status)
    ) {
      return false;
    }
  }
  if (plan.estimateId) {
    const estimate = await trx
      .selectFrom('estimates')
      .select(['status'])
      .where('id', '=', plan.estimateId)
      .executeTakeFirst();
    if (estimate?.status !== 'pending') return false;
  }
  return true;
}
