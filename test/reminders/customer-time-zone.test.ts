/**
 * Quiet hours on the customer's clock (issue 12: "no reminder texts before 8:00 or after 21:00 in
 * the customer's time zone (the business's when unknown)"). Brisbane is UTC+10 and Reykjavik
 * UTC+0 all year (neither keeps daylight time), so 12:00 in Reykjavik is 22:00 in Brisbane and
 * 8:00 in Brisbane is 22:00 the day before in Reykjavik, whatever the season the suite
 * runs in. A fake clock walks each business through the hours, a pass every hour.
 */
import { describe, expect, it } from 'vitest';
import { addDays, zonedTime } from '../../server/businesses/time-zone.ts';
import { dryRunReminders } from '../../server/reminders/dry-run.ts';
import { runReminderPass } from '../../server/reminders/scheduler.ts';
import { textSender } from '../../server/texts/queue.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, createPaymentLink, made } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { FakeClock, HOUR, nextWholeHour } from './support.ts';

const BRISBANE = 'Australia/Brisbane';
const REYKJAVIK = 'Atlantic/Reykjavik';

describe.each(testStores)(
  "reminder texts keep quiet hours on the customer's clock on $name",
  (store) => {
    const h = useHarness(store);

    /** A business on `businessZone` reminding by text alone; a customer on `customerZone`, one on none. */
    async function setUp(businessZone: string, customerZone: string) {
      const staff = await h.business({ name: 'Acme Pools' });
      made(
        'settings',
        await staff.patch('/v1/settings', {
          time_zone: businessZone,
          reminders: { channel: 'sms' },
        }),
      );
      const today = nextWholeHour().toISOString().slice(0, 10);
      // Far enough ahead that the first reminder (3 days before) comes after the links are made.
      const dueDate = addDays(today, 6);
      const invoiceOf = async (name: string, phone: string, timeZone: string | null) => {
        const customer = await createCustomer(staff, { name, time_zone: timeZone });
        const consent = await staff.post(`/v1/customers/${customer.id}/sms_consents`, {
          phone,
          source: 'Signed at the counter',
        });
        expect(consent.status).toBe(201);
        const invoice = await createInvoice(staff, customer.id, {
          unit_amount: 12_000,
          due_date: dueDate,
        });
        await createPaymentLink(staff, { invoice: invoice.id });
        return invoice.id;
      };
      return {
        staff,
        dueDate,
        zoned: await invoiceOf('Kai Walker', '+1 555 010 7100', customerZone),
        unzoned: await invoiceOf('Dana Diaz', '+1 555 010 7200', null),
      };
    }

    /** Passes every hour from `from` to `until`; when each number got its reminder text. */
    async function walk(businessId: string, from: Date, until: Date) {
      const clock = new FakeClock(from);
      const textedAt = new Map<string, string>();
      while (clock.at <= until) {
        await runReminderPass(h.db, {
          publicUrl: h.config.publicUrl,
          appSecret: h.config.appSecret,
          now: clock.at,
          texts: textSender,
        });
        const texts = await h.db
          .selectFrom('outbox_messages')
          .select('to')
          .where('business_id', '=', businessId)
          .where('kind', '=', 'reminder')
          .where('channel', '=', 'sms')
          .execute();
        for (const text of texts) {
          if (!textedAt.has(text.to)) textedAt.set(text.to, clock.at.toISOString());
        }
        clock.advance(HOUR);
      }
      return textedAt;
    }

    it("waits for 8:00 in Brisbane for a Brisbane customer, though it is noon on the business's clock", async () => {
      const { staff, dueDate } = await setUp(REYKJAVIK, BRISBANE);
      const slotDay = addDays(dueDate, -3);
      const noonReykjavik = zonedTime(slotDay, 12, REYKJAVIK); // 22:00 in Brisbane

      const plan = await dryRunReminders(h.db, noonReykjavik);
      expect(plan.map((line) => line.state).sort()).toEqual(['due', 'quiet_hours']);

      const texted = await walk(staff.id, noonReykjavik, zonedTime(slotDay, 23, REYKJAVIK));
      // The customer without a zone lives on the business's clock: texted at noon.
      expect(texted.get('+15550107200')).toBe(noonReykjavik.toISOString());
      // 8:00 the next morning in Brisbane is 22:00 in Reykjavik: not an hour before.
      const eightInBrisbane = zonedTime(addDays(slotDay, 1), 8, BRISBANE);
      expect(eightInBrisbane.toISOString()).toBe(zonedTime(slotDay, 22, REYKJAVIK).toISOString());
      expect(texted.get('+15550107100')).toBe(eightInBrisbane.toISOString());
      expect(texted.size).toBe(2);
    });

    it("texts a Reykjavik customer at their noon, though it is 22:00 on the business's clock in Brisbane", async () => {
      const { staff, dueDate } = await setUp(BRISBANE, REYKJAVIK);
      // 9:00 in Brisbane three days before the due date has passed; 22:00 there is noon in Reykjavik.
      const slotDay = addDays(dueDate, -3);
      const tenPmBrisbane = zonedTime(slotDay, 22, BRISBANE);
      expect(tenPmBrisbane.toISOString()).toBe(zonedTime(slotDay, 12, REYKJAVIK).toISOString());

      const texted = await walk(
        staff.id,
        tenPmBrisbane,
        zonedTime(addDays(slotDay, 1), 9, BRISBANE),
      );
      expect(texted.get('+15550107100')).toBe(tenPmBrisbane.toISOString());
      // The customer without a zone keeps the business's quiet hours: 8:00 the next day in Brisbane.
      expect(texted.get('+15550107200')).toBe(
        zonedTime(addDays(slotDay, 1), 8, BRISBANE).toISOString(),
      );
      expect(texted.size).toBe(2);
    });
  },
);
