/**
 * A month of an invoice's life on a fake clock, a pass every hour as the server runs them: the
 * reminders before, on and after the due date at 9:00 in the business's zone, quiet hours held
 * after a downtime (then only the latest one missed), and nothing once the invoice is paid. What
 * goes out reaches a real SMTP server.
 */
import { describe, expect, it } from 'vitest';
import { addDays, zonedTime } from '../../server/businesses/time-zone.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, createPaymentLink, made } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { useMailbox } from '../support/smtp.ts';
import { DAY, FakeClock, HOUR, nextWholeHour, remindersOf, runHourly } from './support.ts';

const ZONE = 'America/Chicago';

describe.each(testStores)('a month of invoice reminders on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const mailbox = useMailbox(h);

  it('sends exactly the reminders due, in business hours, the latest after downtime, none after payment', async () => {
    const staff = await h.business({ name: 'Acme Pools', locale: 'en-US' });
    made('PATCH settings', await staff.patch('/v1/settings', { time_zone: ZONE }));
    const customer = await createCustomer(staff, { name: 'Dana Diaz', email: 'dana@example.com' });
    const start = nextWholeHour();
    const dueDate = addDays(start.toISOString().slice(0, 10), 6);
    const invoice = await createInvoice(staff, customer.id, {
      unit_amount: 18_000,
      due_date: dueDate,
    });
    const link = await createPaymentLink(staff, { invoice: invoice.id });
    const at9 = (offset: number) => zonedTime(addDays(dueDate, offset), 9, ZONE);
    const clock = new FakeClock(start);

    // Up to the hour after the due date's reminder: three days before, and on the day.
    await runHourly(h, clock, new Date(at9(0).getTime() + HOUR));
    expect((await remindersOf(h.db, invoice.id)).map((r) => [r.slot, r.created_at])).toEqual([
      ['offset:-3', at9(-3).toISOString()],
      ['offset:0', at9(0).toISOString()],
    ]);

    // The server is down until 22:00 (Chicago) on the day of the +7 reminder: +3 was missed.
    const back = zonedTime(addDays(dueDate, 7), 22, ZONE);
    clock.at = back;
    // Quiet until 8:00 the next morning; then one reminder, the latest due (+7), not +3 as well.
    const morning = zonedTime(addDays(dueDate, 8), 8, ZONE);
    await runHourly(h, clock, new Date(morning.getTime() - HOUR));
    expect(await remindersOf(h.db, invoice.id)).toHaveLength(2);
    await runHourly(h, clock, morning);
    expect((await remindersOf(h.db, invoice.id)).map((r) => [r.slot, r.created_at])).toEqual([
      ['offset:-3', at9(-3).toISOString()],
      ['offset:0', at9(0).toISOString()],
      ['offset:7', morning.toISOString()],
    ]);

    // Paid in full: the +14 reminder never goes, to the end of the month.
    const paid = await openPortal(h, link.token).pay({
      invoices: [{ id: invoice.id, amount: 18_000 }],
      method: 'card',
    });
    expect(paid.status).toBe(200);
    await runHourly(h, clock, new Date(start.getTime() + 31 * DAY));
    expect((await remindersOf(h.db, invoice.id)).map((r) => r.slot)).toEqual([
      'offset:-3',
      'offset:0',
      'offset:7',
    ]);

    // Each reached the customer's mailbox with the link, the amount due and the due date.
    const mails = (await mailbox.deliver(clock.at)).filter(
      (mail) => mail.subject?.includes('Invoice') || mail.subject?.includes('invoice'),
    );
    const reminders = mails.filter((mail) => !/receipt/i.test(mail.subject ?? ''));
    expect(reminders.map((mail) => mail.subject)).toEqual([
      `Reminder: invoice ${invoice.number} from Acme Pools is due soon`,
      `Invoice ${invoice.number} from Acme Pools is due today`,
      `Invoice ${invoice.number} from Acme Pools is past due`,
    ]);
    const dueWords = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${dueDate}T12:00:00Z`));
    for (const mail of reminders) {
      expect(JSON.stringify(mail.to)).toContain('dana@example.com');
      expect(mail.text).toContain(link.url);
      expect(mail.text).toContain('Amount due: $180.00');
      expect(mail.text).toContain(`Due date: ${dueWords}`);
      expect(mail.html).toContain(`href="${link.url}"`);
    }

    // In the link's activity and the invoice's.
    const events = made('events', await staff.get(`/v1/payment_links/${link.id}/events`)).data;
    expect(events.filter((e: { type: string }) => e.type === 'reminder')).toHaveLength(3);
    const activity = made('activity', await staff.get(`/v1/invoices/${invoice.id}/events`)).data;
    expect(activity.filter((e: { type: string }) => e.type === 'reminder')).toHaveLength(3);
  }, 120_000);
});
