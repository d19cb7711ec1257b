/**
 * Texts end to end over SQLite and PostgreSQL: consent first; a link sent by text through the
 * outbox to the Twilio-shaped server; its delivery reported back by signed status callbacks;
 * STOP, HELP and START from the customer's phone, and nothing sent after STOP.
 */
import { describe, expect, it } from 'vitest';
import { queueText } from '../../server/texts/queue.ts';
import { testStores } from '../support/databases.ts';
import { FROM, twilioSignature } from '../support/fake-twilio.ts';
import { createPaymentLink } from '../support/fixtures.ts';
import type { StaffClient } from '../support/harness.ts';
import { billedCustomer } from '../support/scenarios.ts';
import { useTwilioHarness } from './support.ts';

/** Each test its own number: an opt-out is the number's, for every business. */
let last = 100;
function nextPhone() {
  last += 1;
  return `+1555555${String(last).padStart(4, '0')}`;
}

describe.each(testStores)('texts through Twilio on $name', (store) => {
  const h = useTwilioHarness(store);

  /** Dana owes an invoice, has a link, and agreed to texts at PHONE (recorded by staff). */
  async function consentingCustomer(phone: string) {
    const billed = await billedCustomer(h, { branding: { phone: '+1 555 010 1000' } });
    const consent = await billed.staff.post(`/v1/customers/${billed.customer.id}/sms_consents`, {
      phone: `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`,
      source: 'paper form signed at the counter',
    });
    expect(consent.status).toBe(201);
    return billed;
  }

  const texts = async (staff: StaffClient) =>
    (await staff.get('/v1/outbox?channel=sms')).body.data as {
      id: string;
      kind: string;
      to: string;
      state: string;
      delivery_status: string | null;
      error_code: string | null;
      provider_message_id: string | null;
    }[];

  const sentTo = (phone: string) => h.twilio.messages.filter((m) => m.to === phone);

  it('sends a link by text only with consent, and records "sent" by sms', async () => {
    const PHONE = nextPhone();
    const { staff, customer, link } = await billedCustomer(h);
    const refused = await staff.post(`/v1/payment_links/${link.id}/send`, {
      channel: 'sms',
      to: PHONE,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('sms_consent_missing');
    expect(await texts(staff)).toEqual([]);

    await staff.post(`/v1/customers/${customer.id}/sms_consents`, {
      phone: PHONE,
      source: 'asked on the phone, 2026-12-05',
    });
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ type: 'sent', channel: 'sms', detail: { to: PHONE } });
    const events = (await staff.get(`/v1/payment_links/${link.id}/events`)).body.data;
    expect(
      events.map((e: { type: string; channel: string | null }) => [e.type, e.channel]),
    ).toEqual([
      ['created', null],
      ['sent', 'sms'],
    ]);
    const detail = (await staff.get(`/v1/outbox/${sent.body.detail.message}`)).body;
    expect(detail).toMatchObject({
      object: 'text_message',
      channel: 'sms',
      to: PHONE,
      state: 'pending',
    });
    expect(detail.body).toContain(link.url);
    expect(detail.body).toMatch(/\nBlue Lagoon Pools\. Reply STOP to opt out\.$/);
    expect(detail.log.map((entry: { event: string }) => entry.event)).toEqual(['queued']);
  });

  it('delivers through Twilio and follows its signed status callbacks to delivered', async () => {
    const PHONE = nextPhone();
    const { staff, link } = await consentingCustomer(PHONE);
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const [twilio] = sentTo(PHONE).slice(-1);
    expect(twilio).toMatchObject({
      from: FROM,
      statusCallback: 'https://pay.example.test/webhooks/twilio/status',
    });
    expect(twilio!.body).toContain(link.url);
    const id = sent.body.detail.message;
    expect((await staff.get(`/v1/outbox/${id}`)).body).toMatchObject({
      state: 'sent',
      delivery_status: 'queued',
      provider_message_id: twilio!.sid,
    });

    for (const status of ['sent', 'delivered']) {
      const answer = await h.twilio.report(twilio!.sid, status);
      expect(answer.status).toBe(200);
    }
    // Twilio's callbacks may come twice and late: a late "sent" moves nothing back.
    expect(await (await h.twilio.report(twilio!.sid, 'sent')).json()).toMatchObject({
      outcome: 'stale',
    });
    const detail = (await staff.get(`/v1/outbox/${id}`)).body;
    expect(detail).toMatchObject({ state: 'sent', delivery_status: 'delivered' });
    expect(detail.delivered_at).not.toBeNull();
    expect(
      detail.log.map((entry: { event: string; detail: { status?: string } | null }) => [
        entry.event,
        entry.detail?.status ?? null,
      ]),
    ).toEqual([
      ['queued', null],
      ['sent', 'queued'],
      ['status', 'sent'],
      ['status', 'delivered'],
      ['status', 'sent'],
    ]);
  });

  it('refuses a status callback with a bad signature, and changes nothing', async () => {
    const PHONE = nextPhone();
    const { staff, link } = await consentingCustomer(PHONE);
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const sid = sentTo(PHONE).at(-1)!.sid;
    const forged = await h.twilio.report(sid, 'undelivered', 30003, 'not-the-auth-token');
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.code).toBe('signature_invalid');
    const form = { MessageSid: sid, MessageStatus: 'failed' };
    const unsigned = await h.request('/webhooks/twilio/status', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    expect(unsigned.status).toBe(403);
    // Signed for another URL (a replay aimed elsewhere): refused too.
    const elsewhere = await h.request('/webhooks/twilio/status', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(
          h.config.sms.twilio.authToken!,
          'https://evil.example/webhooks/twilio/status',
          form,
        ),
      },
      body: new URLSearchParams(form).toString(),
    });
    expect(elsewhere.status).toBe(403);
    expect((await staff.get(`/v1/outbox/${sent.body.detail.message}`)).body).toMatchObject({
      state: 'sent',
      delivery_status: 'queued',
    });
  });

  it('fails a text Twilio reports undelivered, with its error code, for staff to retry', async () => {
    const PHONE = nextPhone();
    const { staff, link } = await consentingCustomer(PHONE);
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const sid = sentTo(PHONE).at(-1)!.sid;
    await h.twilio.report(sid, 'sent');
    await h.twilio.report(sid, 'undelivered', 30003);
    const id = sent.body.detail.message;
    expect((await staff.get(`/v1/outbox/${id}`)).body).toMatchObject({
      state: 'failed',
      delivery_status: 'undelivered',
      error_code: '30003',
    });
    const retried = await staff.post(`/v1/outbox/${id}/retry`);
    expect(retried.body).toMatchObject({ state: 'pending', provider_message_id: null });
    const before = sentTo(PHONE).length;
    await h.deliver();
    expect(sentTo(PHONE)).toHaveLength(before + 1);
  });

  it('fails at once a text Twilio refuses for good (21211), and retries one it could not take', async () => {
    const { staff, customer } = await billedCustomer(h);
    for (const phone of ['+15005550001', '+15555550177']) {
      await staff.post(`/v1/customers/${customer.id}/sms_consents`, {
        phone,
        source: 'paper form',
      });
    }
    const bad = await queueText(h.db, {
      businessId: staff.id,
      customerId: customer.id,
      to: '+15005550001',
      body: 'Your invoice is ready',
      kind: 'reminder',
    });
    expect(bad.status).toBe('queued');
    await h.deliver();
    const failed = (await texts(staff)).find((t) => t.to === '+15005550001');
    expect(failed).toMatchObject({ state: 'failed', error_code: '21211' });

    h.twilio.failing = true;
    await queueText(h.db, {
      businessId: staff.id,
      customerId: customer.id,
      to: '+15555550177',
      body: 'Your invoice is ready',
      kind: 'reminder',
    });
    expect(await h.deliver()).toMatchObject({ retrying: 1 });
    h.twilio.failing = false;
    const waiting = (await texts(staff)).find((t) => t.to === '+15555550177');
    expect(waiting).toMatchObject({ state: 'pending', error_code: '20500' });
    expect(await h.deliver(new Date(Date.now() + 61_000))).toMatchObject({ sent: 1 });
  });

  it('STOP: opts the number out, confirms once, and nothing is sent after', async () => {
    const PHONE = nextPhone();
    const { staff, customer, link } = await consentingCustomer(PHONE);
    await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const before = sentTo(PHONE).length;

    const stop = await h.twilio.inbound(PHONE, ' stop ');
    expect(stop.status).toBe(200);
    expect(stop.headers.get('content-type')).toContain('text/xml');
    expect(await stop.text()).toContain('<Response></Response>');
    for (const word of ['STOPALL', 'QUIT']) await h.twilio.inbound(PHONE, word);
    await h.deliver();
    const confirmations = sentTo(PHONE).slice(before);
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
    const refused = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('sms_opted_out');
    const reminder = await queueText(h.db, {
      businessId: staff.id,
      customerId: customer.id,
      body: 'Invoice due tomorrow',
      kind: 'reminder',
    });
    expect(reminder).toEqual({ status: 'skipped', reason: 'opted_out', to: PHONE });
    await h.deliver();
    expect(sentTo(PHONE).slice(before)).toHaveLength(1);
  });

  it('a text queued before STOP is not sent after it', async () => {
    const PHONE = nextPhone();
    const { staff, customer } = await consentingCustomer(PHONE);
    await queueText(h.db, {
      businessId: staff.id,
      customerId: customer.id,
      body: 'Invoice due tomorrow',
      kind: 'reminder',
    });
    await h.twilio.inbound(PHONE, 'END');
    const before = sentTo(PHONE).length;
    await h.deliver();
    const bodies = sentTo(PHONE)
      .slice(before)
      .map((m) => m.body);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('unsubscribed');
    const reminder = (await texts(staff)).find((t) => t.kind === 'reminder');
    expect(reminder).toMatchObject({ state: 'failed', error_code: 'opted_out' });
  });

  it('HELP answers with the business and its contact; START resubscribes', async () => {
    const PHONE = nextPhone();
    const { staff, customer, link } = await consentingCustomer(PHONE);
    await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const before = sentTo(PHONE).length;
    await h.twilio.inbound(PHONE, 'help');
    await h.deliver();
    const help = sentTo(PHONE).slice(before);
    expect(help).toHaveLength(1);
    expect(help[0]!.body).toContain('Blue Lagoon Pools');
    expect(help[0]!.body).toContain('+1 555 010 1000');
    expect(help[0]!.body).toContain('Reply STOP to opt out');

    await h.twilio.inbound(PHONE, 'CANCEL');
    await h.twilio.inbound(PHONE, 'Start');
    await h.deliver();
    const replies = sentTo(PHONE)
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
    const { staff, customer, link } = await consentingCustomer(PHONE);
    await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    const forged = await h.twilio.inbound(PHONE, 'STOP', 'not-the-auth-token');
    expect(forged.status).toBe(403);
    const consents = (await staff.get(`/v1/customers/${customer.id}/sms_consents`)).body;
    expect(consents.data.every((c: { opted_out: boolean }) => !c.opted_out)).toBe(true);
  });

  it('takes a reply Twilio delivers twice once: one opt-out, one confirmation', async () => {
    const PHONE = nextPhone();
    const { staff, link } = await consentingCustomer(PHONE);
    await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const before = sentTo(PHONE).length;
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
    expect(sentTo(PHONE).slice(before)).toHaveLength(1);
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

  it('sends a text once when two delivery passes (two server processes) run at the same time', async () => {
    const PHONE = nextPhone();
    const { staff, link } = await consentingCustomer(PHONE);
    await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    const [one, two] = await Promise.all([h.deliver(), h.deliver()]);
    expect(one.sent + two.sent).toBeGreaterThanOrEqual(1);
    expect(sentTo(PHONE)).toHaveLength(1);
  });

  it("texts an invoice's link: the invoice's activity and the outbox name the invoice", async () => {
    const PHONE = nextPhone();
    const { staff, invoice } = await consentingCustomer(PHONE);
    const link = await createPaymentLink(staff, { invoice: invoice.id });
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    expect(sent.status).toBe(200);
    const events = (await staff.get(`/v1/invoices/${invoice.id}/events`)).body.data;
    expect(events.filter((e: { type: string }) => e.type === 'sent')).toMatchObject([
      { channel: 'sms', link: link.id },
    ]);
    const detail = (await staff.get(`/v1/outbox/${sent.body.detail.message}`)).body;
    expect(detail).toMatchObject({ invoice: invoice.id, payment_link: link.id, kind: 'link' });
    expect(detail.body).toMatch(
      /^Blue Lagoon Pools: invoice INV-\d+ is ready to view and pay: https:\/\/pay\.example\.test\/p\//,
    );
  });
});
