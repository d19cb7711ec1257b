/**
 * STOP from a number no customer has yet (issue 12): the opt-out is the number's, so it is kept
 * though nobody matched, and a customer given that number later is texted nothing, whatever
 * consent staff record, until the number replies START.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { made } from '../support/fixtures.ts';
import { billedCustomer } from '../support/scenarios.ts';
import { expectNothingSentTo, useTwilioHarness } from './support.ts';

describe.each(testStores)('STOP from an unknown number on $name', (store) => {
  const h = useTwilioHarness(store);
  const PHONE = '+15555559001';
  const sentTo = (phone: string) => h.twilio.messages.filter((m) => m.to === phone);

  it('keeps the opt-out, so a customer later given the number is not texted until START', async () => {
    const stop = await h.twilio.inbound(PHONE, 'STOP');
    expect(stop.status).toBe(200);
    expect(
      await h.db.selectFrom('text_opt_outs').selectAll().where('phone', '=', PHONE).execute(),
    ).toHaveLength(1);
    // No business ever texted the number: none is named in a confirmation, and none is sent.
    await h.deliver();
    expect(sentTo(PHONE)).toEqual([]);

    const { staff, customer, link } = await billedCustomer(h);
    made(
      'PATCH customer',
      await staff.patch(`/v1/customers/${customer.id}`, { phone: '(555) 555-9001' }),
    );
    const consent = await staff.post(`/v1/customers/${customer.id}/sms_consents`, {
      phone: PHONE,
      source: 'paper form signed at the counter',
    });
    expect(consent.status).toBe(201);
    const consents = (await staff.get(`/v1/customers/${customer.id}/sms_consents`)).body.data;
    expect(consents[0]).toMatchObject({ phone: PHONE, opted_out: true });

    await expectNothingSentTo(h, staff, customer.id, link.id, PHONE);
    expect(sentTo(PHONE)).toEqual([]);

    await h.twilio.inbound(PHONE, 'START');
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    expect(sent.status).toBe(200);
    await h.deliver();
    expect(
      sentTo(PHONE)
        .map((m) => m.body)
        .join('\n'),
    ).toContain('/p/');
  });
});
