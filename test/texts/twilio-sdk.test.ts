/**
 * Our Twilio provider, the real `twilio` SDK inside it, against the local Twilio-shaped server:
 * what reaches Twilio (From, To, Body, MessagingServiceSid, StatusCallback, credentials), and
 * how Twilio's documented refusals come back (permanent or worth another try).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TextNotSent, twilioSmsProvider } from '../../server/texts/provider.ts';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  type FakeTwilio,
  FROM,
  MESSAGING_SERVICE_SID,
  startFakeTwilio,
  twilioSignature,
} from '../support/fake-twilio.ts';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio({});
});
afterAll(() => fake.close());

const settings = () => ({
  accountSid: ACCOUNT_SID,
  authToken: AUTH_TOKEN,
  from: FROM,
  messagingServiceSid: null,
  apiBase: fake.url,
});
const callback = 'https://pay.example.test/webhooks/twilio/status';

async function refusal(send: Promise<unknown>): Promise<TextNotSent> {
  const error = await send.then(
    () => null,
    (thrown: unknown) => thrown as TextNotSent,
  );
  if (!error) throw new Error('the send was accepted');
  return error;
}

describe('the Twilio provider with the real SDK', () => {
  it('sends From our number, To and Body as given, with the status callback', async () => {
    const provider = twilioSmsProvider(settings());
    const accepted = await provider.send!({
      to: '+15555550123',
      body: 'Hi',
      statusCallback: callback,
    });
    expect(accepted.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(accepted.status).toBe('queued');
    expect(fake.messages.at(-1)).toMatchObject({
      sid: accepted.providerMessageId,
      from: FROM,
      to: '+15555550123',
      body: 'Hi',
      statusCallback: callback,
      messagingServiceSid: null,
    });
  });

  it('sends through a messaging service without From when that is what is set', async () => {
    const provider = twilioSmsProvider({
      ...settings(),
      from: null,
      messagingServiceSid: MESSAGING_SERVICE_SID,
    });
    const accepted = await provider.send!({
      to: '+15555550124',
      body: 'Hi',
      statusCallback: callback,
    });
    expect(accepted.status).toBe('accepted');
    expect(fake.messages.at(-1)).toMatchObject({
      from: null,
      messagingServiceSid: MESSAGING_SERVICE_SID,
    });
  });

  it('reports wrong credentials as 20003, and never sends', async () => {
    const before = fake.messages.length;
    const provider = twilioSmsProvider({ ...settings(), authToken: 'not-the-token' });
    const error = await refusal(
      provider.send!({ to: '+15555550123', body: 'Hi', statusCallback: callback }),
    );
    expect(error.code).toBe('20003');
    expect(fake.messages).toHaveLength(before);
  });

  it("answers Twilio's documented refusals as permanent, with their codes", async () => {
    const provider = twilioSmsProvider(settings());
    const cases: [string, string, string][] = [
      ['+15005550001', 'Hi', '21211'],
      ['5555550123', 'Hi', '21211'],
      ['+15005550004', 'Hi', '21610'],
      ['+15005550009', 'Hi', '21614'],
      ['+15005550002', 'Hi', '21612'],
      ['+15555550123', 'x'.repeat(1601), '21617'],
    ];
    for (const [to, body, code] of cases) {
      const error = await refusal(provider.send!({ to, body, statusCallback: callback }));
      expect([to, error.code, error.permanent]).toEqual([to, code, true]);
    }
    const wrongFrom = twilioSmsProvider({ ...settings(), from: '+15555559999' });
    const error = await refusal(
      wrongFrom.send!({ to: '+15555550123', body: 'Hi', statusCallback: callback }),
    );
    expect(error.code).toBe('21606');
    const wrongService = twilioSmsProvider({
      ...settings(),
      from: null,
      messagingServiceSid: `MG${'0'.repeat(32)}`,
    });
    const service = await refusal(
      wrongService.send!({ to: '+15555550123', body: 'Hi', statusCallback: callback }),
    );
    expect(service.code).toBe('21701');
  });

  it('treats a Twilio outage as worth another try', async () => {
    const provider = twilioSmsProvider(settings());
    fake.failing = true;
    try {
      const error = await refusal(
        provider.send!({ to: '+15555550123', body: 'Hi', statusCallback: callback }),
      );
      expect(error.permanent).toBe(false);
    } finally {
      fake.failing = false;
    }
  });

  it("checks Twilio's signature with the SDK: the right token and URL pass, others fail", () => {
    const provider = twilioSmsProvider(settings());
    const form = { MessageSid: 'SM1', MessageStatus: 'delivered' };
    const signature = twilioSignature(AUTH_TOKEN, callback, form);
    expect(provider.signedByProvider(signature, callback, form)).toBe(true);
    expect(
      provider.signedByProvider(signature, callback, { ...form, MessageStatus: 'failed' }),
    ).toBe(false);
    expect(provider.signedByProvider(signature, `${callback}x`, form)).toBe(false);
    expect(
      provider.signedByProvider(twilioSignature('other', callback, form), callback, form),
    ).toBe(false);
    expect(provider.signedByProvider(undefined, callback, form)).toBe(false);
  });

  it('refuses to start without credentials and a sender', () => {
    expect(() => twilioSmsProvider({ ...settings(), from: null })).toThrow(/TWILIO_FROM/);
    expect(() => twilioSmsProvider({ ...settings(), authToken: null })).toThrow(
      /TWILIO_AUTH_TOKEN/,
    );
  });
});
