/**
 * Reminders stop at once: a voided invoice, a revoked link, an estimate decided. The estimate's
 * follow-up and its nudge before expiry, the "not opened yet" nudge, and the dry run's list.
 */
import { describe, expect, it } from 'vitest';
import { addDays, zonedTime } from '../../server/businesses/time-zone.ts';
import { dryRunReminders } from '../../server/reminders/dry-run.ts';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
  made,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { DAY, FakeClock, nextWholeHour, pass, remindersOf, runHourly } from './support.ts';

describe.each(testStores)('reminders that stop, and the other follow-ups, on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  async function billed(staffSettings: Record<string, unknown> = {}) {
    const staff = await h.business();
    if (Object.keys(staffSettings).length)
      made('settings', await staff.patch('/v1/settings', staffSettings));
    const customer = await createCustomer(staff, { email: 'dana@example.com' });
    return { staff, customer };
  }

  it('sends nothing for an invoice voided or whose link was revoked', async () => {
    const { staff, customer } = await billed();
    const start = nextWholeHour();
    const dueDate = addDays(start.toISOString().slice(0, 10), 2);
    const voided = await createInvoice(staff, customer.id, { due_date: dueDate });
    await createPaymentLink(staff, { invoice: voided.id });
    const revoked = await createInvoice(staff, customer.id, { due_date: dueDate });
    const revokedLink = await createPaymentLink(staff, { invoice: revoked.id });
    const kept = await createInvoice(staff, customer.id, { due_date: dueDate });
    await createPaymentLink(staff, { invoice: kept.id });
    made('void', await staff.post(`/v1/invoices/${voided.id}/void`));
    made('revoke', await staff.post(`/v1/payment_links/${revokedLink.id}/revoke`));

    const clock = new FakeClock(start);
    // Past 9:00 three days after the due date, whatever hour the suite runs at.
    await runHourly(h, clock, zonedTime(addDays(dueDate, 3), 12, 'UTC'));
    expect(await remindersOf(h.db, voided.id)).toEqual([]);
    expect(await remindersOf(h.db, revoked.id)).toEqual([]);
    expect((await remindersOf(h.db, kept.id)).map((r) => r.slot)).toEqual(['offset:0', 'offset:3']);
  }, 60_000);

  it("follows an estimate up N days after it was sent, nudges before it expires, and stops once it's decided", async () => {
    const { staff, customer } = await billed({ reminders: { invoice: { enabled: false } } });
    const start = nextWholeHour();
    // The day the estimate is sent (now, by the real clock): after 23:00 UTC the fake clock's
    // first hour is already tomorrow.
    const today = new Date().toISOString().slice(0, 10);
    const estimate = await createEstimate(staff, customer.id, { valid_until: addDays(today, 8) });
    const link = await createPaymentLink(staff, { estimate: estimate.id });
    made('send', await staff.post(`/v1/payment_links/${link.id}/send`, {}));
    await openPortal(h, link.token).view();
    const declined = await createEstimate(staff, customer.id, { valid_until: addDays(today, 8) });
    const declinedLink = await createPaymentLink(staff, { estimate: declined.id });
    made('send', await staff.post(`/v1/payment_links/${declinedLink.id}/send`, {}));
    await openPortal(h, declinedLink.token).view();
    made('decline', await openPortal(h, declinedLink.token).decline(declined.id, 'Too dear'));

    const clock = new FakeClock(start);
    await runHourly(h, clock, new Date(start.getTime() + 10 * DAY));
    // Sent today: follow-up 3 days later at 9:00; the nudge 2 days before its last valid day.
    expect((await remindersOf(h.db, estimate.id)).map((r) => [r.kind, r.created_at])).toEqual([
      ['estimate_follow_up', zonedTime(addDays(today, 3), 9, 'UTC').toISOString()],
      ['estimate_expiry', zonedTime(addDays(today, 6), 9, 'UTC').toISOString()],
    ]);
    expect(await remindersOf(h.db, declined.id)).toEqual([]);
  }, 60_000);

  it('nudges once when a sent link is not opened after N days, and never once it is', async () => {
    const { staff, customer } = await billed({
      reminders: { invoice: { enabled: false }, not_opened: { after_days: 2 } },
    });
    const unopened = await createPaymentLink(staff, { customer: customer.id });
    made('send', await staff.post(`/v1/payment_links/${unopened.id}/send`, {}));
    const opened = await createPaymentLink(staff, { customer: customer.id });
    made('send', await staff.post(`/v1/payment_links/${opened.id}/send`, {}));
    await openPortal(h, opened.token).view();

    const start = nextWholeHour();
    expect((await pass(h, new Date(start.getTime() + DAY))).sent).toBe(0);
    const plan = await dryRunReminders(h.db, new Date(start.getTime() + DAY));
    expect(plan.filter((line) => line.subject === unopened.id)).toEqual([
      expect.objectContaining({ kind: 'not_opened', state: 'scheduled', to: 'dana@example.com' }),
    ]);
    const clock = new FakeClock(new Date(start.getTime() + DAY));
    await runHourly(h, clock, new Date(start.getTime() + 6 * DAY));
    expect((await remindersOf(h.db, unopened.id)).map((r) => r.kind)).toEqual(['not_opened']);
    expect(await remindersOf(h.db, opened.id)).toEqual([]);
  }, 60_000);
});
