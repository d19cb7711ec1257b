/**
 * A harness whose server texts through Twilio (SMS_PROVIDER=twilio), the SDK pointed at the local
 * Twilio-shaped server, which posts its status callbacks and customers' replies back to the app.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/config.ts';
import { deliverDueTexts } from '../../server/texts/delivery.ts';
import { smsProvider } from '../../server/texts/provider.ts';
import type { TestStore } from '../support/databases.ts';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  type FakeTwilio,
  FROM,
  startFakeTwilio,
} from '../support/fake-twilio.ts';
import { type Harness, useHarness } from '../support/harness.ts';

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
