/**
 * The webhook loop for `npm start`: a delivery pass every few seconds (kicked at once when a
 * request queues events), and the overdue sweep now and then. Never in the request's path: a
 * request only writes rows; this loop sends them.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { deliverDueWebhooks } from './delivery.ts';
import { announceOverdueInvoices } from './overdue.ts';

const SWEEP_EVERY_MS = 15 * 60_000;

export interface WebhookLoop {
  kick(): void;
  stop(): Promise<void>;
}

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
  const intervalMs = deps.intervalMs ?? 2_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let lastSweep = 0;
  const pass = () => {
    timer = null;
    running = (async () => {
      if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = Date.now();
        await announceOverdueInvoices(db);
      }
      await deliverDueWebhooks(db, { ...postRulesOf(config), logger });
    })()
      .catch((error) => logger.error({ err: error }, 'webhook delivery pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(pass, intervalMs);
      });
  };
  timer = setTimeout(pass, 0);
  return {
    kick() {
      if (stopped || !timer) return;
      clearTimeout(timer);
      timer = setTimeout(pass, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
