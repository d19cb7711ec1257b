/**
 * `event.api_version` against the pinned version (issue 10): an event whose endpoint was made
 * with another API version is still taken (Stripe would retry a refusal for days), and the log
 * says, with both versions, that the endpoint must be recreated with the pinned one.
 */
import { Writable } from 'node:stream';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/http/logger.ts';
import { STRIPE_API_VERSION } from '../../server/payments/stripe-provider.ts';
import { testStores } from '../support/databases.ts';
import { useStripeHarness } from './support.ts';

describe.each(testStores)('the API version of Stripe events on $name', (store) => {
  const stripe = useStripeHarness(store, 'version');
  const { h } = stripe;

  async function deliverLogged(apiVersion: string) {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const app = createApp({ db: h.db, config: h.config, logger: createLogger('info', stream) });
    const event = {
      ...stripe.fake.event('customer.created', { id: 'cus_x' }),
      api_version: apiVersion,
    };
    const payload = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: stripe.webhookSecret,
    });
    const response = await app.request('/webhooks/stripe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    return {
      status: response.status,
      warnings: lines.map((line) => JSON.parse(line)).filter((l) => l.level === 40),
    };
  }

  it('takes an event of another API version, and warns with both versions', async () => {
    const other = await deliverLogged('2020-08-27');
    expect(other.status).toBe(200);
    expect(other.warnings).toEqual([
      expect.objectContaining({ api_version: '2020-08-27', pinned: STRIPE_API_VERSION }),
    ]);
    const pinned = await deliverLogged(STRIPE_API_VERSION);
    expect(pinned.status).toBe(200);
    expect(pinned.warnings).toEqual([]);
  });
});
