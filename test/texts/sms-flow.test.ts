/**
 * Texts end to end over SQLite and PostgreSQL: consent first; a link sent by text through the
 * outbox to the Twilio-shaped server; its delivery reported back by signed status callbacks;
 * failures Twilio reports, for staff to retry. The customer's replies (STOP, HELP, START) are
 * in sms-replies.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { queueText } from '../../server/texts/queue.ts';
import { testStores } from '../support/databases.ts';
import { FROM, twilioSignature } from '../support/fake-twilio.ts';
import { createPaymentLink } from '../support/fixtures.ts';
import { billedCustomer } from '../support/scenarios.ts';
import {
  consentingCustomer,
  nextPhone,
  sentTo,
  textsInOutbox,
  useTwilioHarness,
} from './support.ts';

describe.each(testStores)('texts through Twilio on $name', (store) => {
  const h = useTwilioHarness(store);

  it('sends a link by text only with consent, and records "sent" by sms', async () => {
    const PHONE = nextPhone();
    const { staff, customer, link } = await billedCustomer(h);
    const refused = await staff.post(`/v1/payment_links/${link.id}/send`, {
      channel: 'sms',
      to: PHONE,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('sms_consent_missing');
    expect(await textsInOutbox(staff)).toEqual([]);

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
    const { staff, link } = await consentingCustomer(h, PHONE);
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const [twilio] = sentTo(h, PHONE).slice(-1);
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
    const { staff, link } = await consentingCustomer(h, PHONE);
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const sid = sentTo(h, PHONE).at(-1)!.sid;
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
    const { staff, link } = await consentingCustomer(h, PHONE);
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    await h.deliver();
    const sid = sentTo(h, PHONE).at(-1)!.sid;
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
    const before = sentTo(h, PHONE).length;
    await h.deliver();
    expect(sentTo(h, PHONE)).toHaveLength(before + 1);
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
    const failed = (await textsInOutbox(staff)).find((t) => t.to === '+15005550001');
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
    const waiting = (await textsInOutbox(staff)).find((t) => t.to === '+15555550177');
    expect(waiting).toMatchObject({ state: 'pending', error_code: '20500' });
    expect(await h.deliver(new Date(Date.now() + 61_000))).toMatchObject({ sent: 1 });
  });

  it('sends a text once when two delivery passes (two server processes) run at the same time', async () => {
    const PHONE = nextPhone();
    const { staff, link } = await consentingCustomer(h, PHONE);
    await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'sms' });
    const [one, two] = await Promise.all([h.deliver(), h.deliver()]);
    expect(one.sent + two.sent).toBeGreaterThanOrEqual(1);
    expect(sentTo(h, PHONE)).toHaveLength(1);
  });

  it("texts an invoice's link: the invoice's activity and the outbox name the invoice", async () => {
    const PHONE = nextPhone();
    const { staff, invoice } = await consentingCustomer(h, PHONE);
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
