/** The loop `npm start` runs: events written by requests reach the receiver without being asked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/http/logger.ts';
import { startWebhookDelivery } from '../../server/webhooks/loop.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, poolService } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { LOCAL_CONFIG, listenWith } from './support.ts';

describe('the webhook loop', () => {
  const h = useHarness(testStores[0]!, LOCAL_CONFIG);
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it('delivers what requests queued, and stops cleanly', async () => {
    const staff = await h.business();
    await listenWith(staff, receiver, ['invoice.created']);
    const loop = startWebhookDelivery({
      db: h.db,
      config: h.config,
      logger: createLogger('silent'),
      intervalMs: 50,
    });
    try {
      const dana = await createCustomer(staff);
      const invoice = await createInvoice(staff, dana.id, { lines: [poolService] });
      const deadline = Date.now() + 10_000;
      while (receiver.events().length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(receiver.events().map((e) => e.data.object.id)).toEqual([invoice.id]);
    } finally {
      await loop.stop();
    }
  });
});
