/**
 * The customer's replies by text over SQLite and PostgreSQL, through the Twilio-shaped server:
 * STOP opts the number out (confirmed once, nothing sent after, not even what was queued
 * before), HELP answers with the business's contact, START resubscribes; a reply must be signed
 * by Twilio and is taken once however often Twilio delivers it.
 */
import { describe, expect, it } from 'vitest';
import { queueText } from '../../server/texts/queue.ts';
import { testStores } from '../support/databases.ts';
import { FROM, twilioSignature } from '../support/fake-twilio.ts';
import {
  consentingCustomer,
  expectNothingSentTo,
  nextPhone,
  sentTo,
  textsInOutbox,
  useTwilioHarness,
} from './support.ts';

describe.each(testStores)("customers' replies by text through Twilio on $name", (store) => {
  const h = useTwilioHarness(store);

  it('STOP: opts the number out, confirms once, and nothing is sent after', async () => {
    const PHONE = nextPhone();
    const { staff, customer, link } = await consentingCustomer(h, PHONE);
    await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const before = sentTo(h, PHONE).length;

    const stop = await h.twilio.inbound(PHONE, ' stop ');
    expect(stop.status).toBe(200);
    expect(stop.headers.get('content-type')).toContain('text/xml');
    expect(await stop.text()).toContain('<Response></Response>');
    for (const word of ['STOPALL', 'QUIT']) await h.twilio.inbound(PHONE, word);
    await h.deliver();
    const confirmations = sentTo(h, PHONE).slice(before);
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.body).toContain('Blue Lagoon Pools: You are unsubscribed');

    const consents = (await staff.get(`/v1/customers/${customer.id}/sms_consents`)).body.data;
    expect(consents[0]).toMatchObject({ phone: PHONE, recorded_by: 'staff', opted_out: true });
    // The business's systems hear of it once (issue 14), though STOP came three times.
    const events = (await staff.get('/v1/events?type=customer.sms_opt_out')).body.data as {
      type: string;
      data: { object: { id: string }; phone?: string };
    }[];
    expect(events).toHaveLength(1);
    expect(events[0]!.data.object.id).toBe(customer.id);
    await expectNothingSentTo(h, staff, customer.id, link.id, PHONE);
    expect(sentTo(h, PHONE).slice(before)).toHaveLength(1);
  });

  it('a text queued before STOP is not sent after it', async () => {
    const PHONE = nextPhone();
    const { staff, customer } = await consentingCustomer(h, PHONE);
    await queueText(h.db, {
      businessId: staff.id,
      customerId: customer.id,
      body: 'Invoice due tomorrow',
      kind: 'reminder',
    });
    await h.twilio.inbound(PHONE, 'END');
    const before = sentTo(h, PHONE).length;
    await h.deliver();
    const bodies = sentTo(h, PHONE)
      .slice(before)
      .map((m) => m.body);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('unsubscribed');
    const reminder = (await textsInOutbox(staff)).find((t) => t.kind === 'reminder');
    expect(reminder).toMatchObject({ state: 'failed', error_code: 'opted_out' });
  });

  it('HELP answers with the business and its contact; START resubscribes', async () => {
    const PHONE = nextPhone();
    const { staff, customer, link } = await consentingCustomer(h, PHONE);
    await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const before = sentTo(h, PHONE).length;
    await h.twilio.inbound(PHONE, 'help');
    await h.deliver();
    const help = sentTo(h, PHONE).slice(before);
    expect(help).toHaveLength(1);
    expect(help[0]!.body).toContain('Blue Lagoon Pools');
    expect(help[0]!.body).toContain('+1 555 010 1000');
    expect(help[0]!.body).toContain('Reply STOP to opt out');

    await h.twilio.inbound(PHONE, 'CANCEL');
    await h.twilio.inbound(PHONE, 'Start');
    await h.deliver();
    const replies = sentTo(h, PHONE)
      .slice(before + 1)
      .map((m) => m.body);
    expect(replies).toHaveLength(2);
    expect(replies[1]).toContain('subscribed to texts again');
    const again = await queueText(h.db, {
      businessId: staff.id,
      customerId: customer.id,
      body: 'Invoice due tomorrow',
      kind: 'reminder',
    });
    expect(again.status).toBe('queued');
  });

  it('refuses an inbound text without a valid signature, and records nothing', async () => {
    const PHONE = nextPhone();
    const { staff, customer, link } = await consentingCustomer(h, PHONE);
    await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    const forged = await h.twilio.inbound(PHONE, 'STOP', 'not-the-auth-token');
    expect(forged.status).toBe(403);
    const consents = (await staff.get(`/v1/customers/${customer.id}/sms_consents`)).body;
    expect(consents.data.every((c: { opted_out: boolean }) => !c.opted_out)).toBe(true);
  });

  it('takes a reply Twilio delivers twice once: one opt-out, one confirmation', async () => {
    const PHONE = nextPhone();
    const { staff, link } = await consentingCustomer(h, PHONE);
    await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const before = sentTo(h, PHONE).length;
    const url = 'https://pay.example.test/webhooks/twilio';
    const form = {
      MessageSid: `SM${'ab'.repeat(16)}`,
      From: PHONE,
      To: FROM,
      Body: 'STOP',
    };
    const post = () =>
      h.request('/webhooks/twilio', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilioSignature(h.config.sms.twilio.authToken!, url, form),
        },
        body: new URLSearchParams(form).toString(),
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    await h.deliver();
    expect(sentTo(h, PHONE).slice(before)).toHaveLength(1);
    const noSid = { From: PHONE, Body: 'STOP' };
    const refused = await h.request('/webhooks/twilio', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(h.config.sms.twilio.authToken!, url, noSid),
      },
      body: new URLSearchParams(noSid).toString(),
    });
    expect(refused.status).toBe(400);
  });
});
