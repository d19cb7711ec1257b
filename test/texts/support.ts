/**
 * A harness whose server texts through Twilio (SMS_PROVIDER=twilio), the SDK pointed at the local
 * Twilio-shaped server, which posts its status callbacks and customers' replies back to the app.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Config } from '../../server/config.ts';
import { deliverDueTexts } from '../../server/texts/delivery.ts';
import { smsProvider } from '../../server/texts/provider.ts';
import { queueText } from '../../server/texts/queue.ts';
import type { TestStore } from '../support/databases.ts';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  type FakeTwilio,
  FROM,
  startFakeTwilio,
} from '../support/fake-twilio.ts';
import { type Harness, type StaffClient, useHarness } from '../support/harness.ts';
import { billedCustomer } from '../support/scenarios.ts';

export interface TwilioHarness extends Harness {
  twilio: FakeTwilio;
  /** One pass of the text delivery loop, now (or at `at`). */
  deliver(at?: Date): ReturnType<typeof deliverDueTexts>;
}

export function useTwilioHarness(store: TestStore): TwilioHarness {
  const sms: Config['sms'] = {
    provider: 'twilio',
    twilio: {
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: FROM,
      messagingServiceSid: null,
      apiBase: null,
    },
  };
  const harness = {} as TwilioHarness;
  beforeAll(async () => {
    harness.twilio = await startFakeTwilio({
      inboundUrl: 'https://pay.example.test/webhooks/twilio',
      deliver: (url, form, signature) =>
        h.request(new URL(url).pathname, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': signature,
          },
          body: new URLSearchParams(form).toString(),
        }),
    });
    sms.twilio.apiBase = harness.twilio.url;
  });
  const h = useHarness(store, { sms });
  beforeAll(() => {
    Object.assign(harness, h, {
      deliver: (at?: Date) =>
        deliverDueTexts(h.db, {
          provider: smsProvider(h.config),
          publicUrl: h.config.publicUrl,
          ...(at ? { at } : {}),
        }),
    });
  });
  afterAll(() => harness.twilio.close());
  return harness;
}

/** Each test its own number: an opt-out is the number's, for every business. */
let lastPhone = 100;
export function nextPhone(): string {
  lastPhone += 1;
  return `+1555555${String(lastPhone).padStart(4, '0')}`;
}

/** Dana owes an invoice, has a link, and agreed to texts at `phone` (recorded by staff). */
export async function consentingCustomer(h: TwilioHarness, phone: string) {
  const billed = await billedCustomer(h, { branding: { phone: '+1 555 010 1000' } });
  const consent = await billed.staff.post(`/v1/customers/${billed.customer.id}/sms_consents`, {
    phone: `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`,
    source: 'paper form signed at the counter',
  });
  expect(consent.status).toBe(201);
  return billed;
}

/** The business's texts in the outbox, as staff list them. */
export async function textsInOutbox(staff: StaffClient) {
  return (await staff.get('/v1/outbox?channel=sms')).body.data as {
    id: string;
    kind: string;
    to: string;
    state: string;
    delivery_status: string | null;
    error_code: string | null;
    provider_message_id: string | null;
  }[];
}

/** What the Twilio-shaped server was asked to send to `phone`, oldest first. */
export const sentTo = (h: TwilioHarness, phone: string) =>
  h.twilio.messages.filter((m) => m.to === phone);

/**
 * What an opted-out number gets from staff and from the reminders: the link's text refused with
 * `sms_opted_out`, a reminder skipped, and, once the queue is delivered, no new text.
 */
export async function expectNothingSentTo(
  h: TwilioHarness,
  staff: StaffClient,
  customerId: string,
  linkId: string,
  phone: string,
) {
  const before = sentTo(h, phone).length;
  const refused = await staff.post(`/v1/payment_links/${linkId}/send`, { channel: 'sms' });
  expect(refused.status).toBe(422);
  expect(refused.body.error.code).toBe('sms_opted_out');
  const reminder = await queueText(h.db, {
    businessId: staff.id,
    customerId,
    body: 'Invoice due tomorrow',
    kind: 'reminder',
  });
  expect(reminder).toEqual({ status: 'skipped', reason: 'opted_out', to: phone });
  await h.deliver();
  expect(sentTo(h, phone).length).toBe(before);
}
