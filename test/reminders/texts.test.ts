/**
 * Reminders by text, through the text channel's queueText: only to a number with consent, with
 * the amount, the due date, the link and "Reply STOP to opt out"; after STOP, nothing more.
 */
import { describe, expect, it } from 'vitest';
import { addDays, zonedTime } from '../../server/businesses/time-zone.ts';
import { runReminderPass } from '../../server/reminders/scheduler.ts';
import { receiveText } from '../../server/texts/keywords.ts';
import { textSender } from '../../server/texts/queue.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, createPaymentLink, made } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { nextWholeHour } from './support.ts';

describe.each(testStores)('reminders by text on $name', (store) => {
  const h = useHarness(store);
  const pass = (now: Date) =>
    runReminderPass(h.db, {
      publicUrl: h.config.publicUrl,
      appSecret: h.config.appSecret,
      now,
      texts: textSender,
    });

  it('texts a consented number with the figures and STOP; after STOP, email only', async () => {
    const staff = await h.business({ name: 'Acme Pools' });
    made('settings', await staff.patch('/v1/settings', { reminders: { channel: 'both' } }));
    const customer = await createCustomer(staff, {
      email: 'dana@example.com',
      phone: '+1 555 010 3000',
    });
    const consent = await staff.post(`/v1/customers/${customer.id}/sms_consents`, {
      phone: '+1 555 010 3000',
      source: 'Signed at the counter',
    });
    expect(consent.status).toBe(201);
    const today = nextWholeHour().toISOString().slice(0, 10);
    const dueDate = addDays(today, 4);
    const invoice = await createInvoice(staff, customer.id, {
      unit_amount: 18_000,
      due_date: dueDate,
    });
    await createPaymentLink(staff, { invoice: invoice.id });

    expect((await pass(zonedTime(addDays(dueDate, -3), 9, 'UTC'))).sent).toBe(1);
    const texts = await h.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('business_id', '=', staff.id)
      .where('kind', '=', 'reminder')
      .orderBy('created_at')
      .execute();
    expect(texts.map((m) => [m.channel, m.to])).toEqual([
      ['email', 'dana@example.com'],
      ['sms', '+15550103000'],
    ]);
    const body = texts[1]!.text;
    expect(body).toContain('Amount due: $180.00');
    expect(body).toContain('/p/');
    expect(body).toContain('Reply STOP to opt out');

    // The customer replies STOP: the next reminder goes by email alone.
    await receiveText(h.db, {
      providerMessageId: 'SM-stop-1',
      from: '+15550103000',
      to: '+15550000000',
      body: 'STOP',
    });
    expect((await pass(zonedTime(dueDate, 9, 'UTC'))).sent).toBe(1);
    const after = await h.db
      .selectFrom('outbox_messages')
      .select(['channel', 'kind'])
      .where('business_id', '=', staff.id)
      .where('kind', '=', 'reminder')
      .execute();
    expect(after.filter((m) => m.channel === 'sms')).toHaveLength(1);
    expect(after.filter((m) => m.channel === 'email')).toHaveLength(2);
  });
});
