/**
 * A write wakes the webhook loop (issue 14): with a poll interval of a minute, an event a request
 * queued still reaches the receiver within the test, because the commit that queued it brings the
 * next pass forward. Under it, db/committed-writes.ts: listeners hear of committed inserts only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onCommittedInsert } from '../../server/db/committed-writes.ts';
import { now } from '../../server/db/ids.ts';
import { createLogger } from '../../server/http/logger.ts';
import { startWebhookDelivery } from '../../server/webhooks/loop.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, poolService } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { LOCAL_CONFIG, listenWith } from './support.ts';

describe.each(testStores)('a write waking the webhook loop on $name', (store) => {
  const h = useHarness(store, LOCAL_CONFIG);
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it('tells listeners of inserts committed, and nothing of those rolled back', async () => {
    let told = 0;
    const stop = onCommittedInsert(h.db, 'text_opt_outs', () => {
      told += 1;
    });
    const optOut = () => ({
      phone: `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      keyword: 'STOP',
      inbound_id: null,
      created_at: now(),
    });
    try {
      const rolledBack = h.db.transaction().execute(async (trx) => {
        await trx.insertInto('text_opt_outs').values(optOut()).execute();
        throw new Error('changed our mind');
      });
      await expect(rolledBack).rejects.toThrow('changed our mind');
      expect(told).toBe(0);

      await h.db.transaction().execute(async (trx) => {
        await trx.insertInto('text_opt_outs').values(optOut()).execute();
        expect(told).toBe(0); // not before the commit
      });
      expect(told).toBe(1);

      await h.db.insertInto('text_opt_outs').values(optOut()).execute();
      expect(told).toBe(2);
      // Other tables' inserts tell these listeners nothing.
      await h.business();
      expect(told).toBe(2);
    } finally {
      stop();
    }
    await h.db.insertInto('text_opt_outs').values(optOut()).execute();
    expect(told).toBe(2);
  });

  it('delivers an event a request queued without waiting for the next poll', async () => {
    const staff = await h.business();
    await listenWith(staff, receiver, ['invoice.created']);
    const loop = startWebhookDelivery({
      db: h.db,
      config: h.config,
      logger: createLogger('silent'),
      // Far longer than the test may take: only the wake can bring the delivery.
      intervalMs: 60_000,
    });
    try {
      // Let the loop's first pass (at start) find nothing and go to sleep for a minute.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const dana = await createCustomer(staff);
      const invoice = await createInvoice(staff, dana.id, { lines: [poolService] });
      while (!receiver.events().some((e) => e.data.object.id === invoice.id)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(receiver.events().filter((e) => e.data.object.id === invoice.id)).toHaveLength(1);
    } finally {
      await loop.stop();
    }
  }, 30_000);
});
