/**
 * The webhook loop for `npm start`: a delivery pass as soon as a transaction of this process that
 * queued deliveries commits (db/committed-writes.ts), one every few seconds anyway (for what other
 * processes queued, and retries), and the overdue sweep now and then. Never in the request's
 * path: a request only writes rows; this loop sends them.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { onCommittedInsert } from '../db/committed-writes.ts';
import type { Db } from '../db/database.ts';
import { type PollingLoop, startPollingLoop } from '../outbox/polling-loop.ts';
import { deliverDueWebhooks } from './delivery.ts';
import { announceOverdueInvoices } from './overdue.ts';

const SWEEP_EVERY_MS = 15 * 60_000;

export type WebhookLoop = PollingLoop;

export function postRulesOf(config: Config) {
  return {
    httpsOnly: config.production,
    allowPrivateNetworks: config.webhooks.allowPrivateNetworks,
  };
}

export function startWebhookDelivery(deps: {
  db: Db;
  config: Config;
  logger: Logger;
  intervalMs?: number;
}): WebhookLoop {
  const { db, config, logger } = deps;
  let lastSweep = 0;
  const loop = startPollingLoop(
    async () => {
      if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = Date.now();
        await announceOverdueInvoices(db);
      }
      await deliverDueWebhooks(db, { ...postRulesOf(config), appSecret: config.appSecret, logger });
    },
    { intervalMs: deps.intervalMs ?? 2_000, logger, failure: 'webhook delivery pass failed' },
  );
  const unsubscribe = onCommittedInsert(db, 'webhook_deliveries', () => loop.kick());
  return {
    kick: () => loop.kick(),
    async stop() {
      unsubscribe();
      await loop.stop();
    },
  };
}
