/**
 * "Overdue" on the business's calendar (settings.time_zone), not UTC's (issue 15): the same due
 * date, the same instant, is overdue for a business in Kiritimati (UTC+14) and not yet for one in
 * Pago Pago (UTC−11). Their calendars are always one or two days apart, so this holds whenever
 * the test runs; reckoned in UTC, both would say the same. The `invoice.overdue` event likewise.
 */
import { describe, expect, it } from 'vitest';
import { announceOverdueInvoices } from '../../server/webhooks/overdue.ts';
import { todayIn } from '../../shared/calendar.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, createPaymentLink } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';

describe.each(testStores)('overdue on the business clock on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it('the portal counts days overdue from the business midnight', async () => {
    const due = todayIn('Pacific/Pago_Pago');
    const read = async (timeZone: string) => {
      const staff = await h.business({ name: `Pools of ${timeZone}` });
      expect((await staff.patch('/v1/settings', { time_zone: timeZone })).status).toBe(200);
      const dana = await createCustomer(staff, { name: 'Dana Diaz' });
      const invoice = await createInvoice(staff, dana.id, { unit_amount: 5_000, due_date: due });
      const customer = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
      const portal = (await customer.get()).body;
      const document = (await customer.get(`/invoices/${invoice.id}/document`)).body;
      return [portal.invoices[0].days_overdue, document.days_overdue];
    };
    // Due today in Pago Pago: not overdue there.
    expect(await read('Pacific/Pago_Pago')).toEqual([0, 0]);
    // Kiritimati's today is one or two days later than Pago Pago's.
    const days = Math.round(
      (Date.parse(todayIn('Pacific/Kiritimati')) - Date.parse(due)) / 86_400_000,
    );
    expect(days).toBeGreaterThanOrEqual(1);
    expect(await read('Pacific/Kiritimati')).toEqual([days, days]);
  });

  it('the invoice.overdue webhook event waits for the business midnight too', async () => {
    const due = todayIn('Pacific/Pago_Pago');
    const told = async (timeZone: string) => {
      const staff = await h.business({ name: `Hooks of ${timeZone}` });
      await staff.patch('/v1/settings', { time_zone: timeZone });
      const dana = await createCustomer(staff, { name: 'Dana Diaz' });
      await createInvoice(staff, dana.id, { unit_amount: 5_000, due_date: due });
      return staff;
    };
    const pago = await told('Pacific/Pago_Pago');
    const kiritimati = await told('Pacific/Kiritimati');
    await announceOverdueInvoices(h.db);
    const overdueEvents = async (staff: typeof pago) =>
      (await staff.get('/v1/events?limit=100')).body.data.filter(
        (event: { type: string }) => event.type === 'invoice.overdue',
      ).length;
    expect(await overdueEvents(pago)).toBe(0);
    expect(await overdueEvents(kiritimati)).toBe(1);
  });
});

describe('today on a business clock', () => {
  it('turns at the business midnight, whatever it answered a moment before', () => {
    // 23:59:59 and then midnight in New York (UTC−5 in January): the day kept for the first
    // instant's minute must not be answered for the next minute.
    expect(todayIn('America/New_York', new Date('2027-01-15T04:59:00Z'))).toBe('2027-01-14');
    expect(todayIn('America/New_York', new Date('2027-01-15T04:59:59Z'))).toBe('2027-01-14');
    expect(todayIn('America/New_York', new Date('2027-01-15T05:00:00Z'))).toBe('2027-01-15');
    // Kathmandu is UTC+5:45: its midnight is on a quarter hour of UTC.
    expect(todayIn('Asia/Kathmandu', new Date('2027-01-14T18:14:59Z'))).toBe('2027-01-14');
    expect(todayIn('Asia/Kathmandu', new Date('2027-01-14T18:15:00Z'))).toBe('2027-01-15');
    // Back to an earlier instant: worked out again, not the later day kept.
    expect(todayIn('Asia/Kathmandu', new Date('2027-01-14T18:14:00Z'))).toBe('2027-01-14');
  });
});
