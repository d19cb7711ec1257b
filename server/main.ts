/** `npm start`: open and migrate the store, seed the demo on an empty one, and serve. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig, localDataFile } from './config.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { type DemoBusiness, seedDemo } from './demo/seed.ts';
import { startEmailDelivery } from './email/sender.ts';
import { sealClearSigningSecrets } from './events/signing-secrets.ts';
import { backgroundStdout } from './http/log-batches.ts';
import { createLogger } from './http/logger.ts';
import { ensureBuilt } from './pages/ensure-built.ts';
import { configuredProviders, providerNamed } from './payments/providers.ts';
import { reconcilePayments } from './payments/reconcile.ts';
import { startReminderScheduler } from './reminders/scheduler.ts';
import { startTextDelivery } from './texts/delivery.ts';
import { smsProvider } from './texts/provider.ts';
import { textSender } from './texts/queue.ts';
import { startWebhookDelivery } from './webhooks/loop.ts';

async function main() {
  const config = loadConfig();
  const stdout = backgroundStdout();
  const logger = createLogger(config.logLevel, stdout);
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  // Webhook signing secrets written in clear before they were sealed are sealed now (issue 14).
  const sealed = await sealClearSigningSecrets(db, config.appSecret);
  if (sealed > 0)
    logger.info({ endpoints: sealed }, 'sealed webhook signing secrets kept in clear');
  // Made now, so a provider that cannot take payments stops the start, not the first customer.
  // (the card provider, and PayPal beside it when set up)
  const payments = configuredProviders(config).map((name) => providerNamed(config, db, name));
  // Likewise texts: SMS_PROVIDER=twilio without its settings stops the start.
  const sms = smsProvider(config);
  // The element (and the demo page) are served from dist/: built now if missing.
  ensureBuilt({ demo: config.demo, logger });
  let demo: DemoBusiness | null = null;
  // The home page lists the demo's links, known only once the demo is seeded below.
  const app = createApp({ db, config, logger, demoLinks: () => demo?.links ?? [] });

  const demoFile = localDataFile(config.databaseUrl, 'demo.json');
  if (config.demo) {
    const empty = !(await db.selectFrom('businesses').select('id').limit(1).executeTakeFirst());
    if (empty) {
      demo = await seedDemo(db, app);
      // The demo's key is kept beside the database so every start can print it again.
      mkdirSync(dirname(demoFile), { recursive: true });
      writeFileSync(demoFile, JSON.stringify(demo, null, 2), { mode: 0o600 });
    } else if (existsSync(demoFile)) {
      demo = JSON.parse(readFileSync(demoFile, 'utf8')) as DemoBusiness;
    }
  }

  const email = startEmailDelivery({ db, config, logger });
  const texts = startTextDelivery({ db, config, logger, provider: sms });
  // Reminders are planned every minute (docs/reminders.md); safe with several processes.
  const reminders = startReminderScheduler({
    db,
    publicUrl: config.publicUrl,
    appSecret: config.appSecret,
    logger,
    texts: textSender,
  });
  // Webhooks out (issue 14): sent from the queue, never in a request's path.
  const webhooks = startWebhookDelivery({ db, config, logger });
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    const lines = [`Pay Portal listening on ${config.publicUrl} (port ${info.port})`];
    if (demo) {
      lines.push(
        '',
        `Demo business ${demo.business_id}`,
        `  API key: ${demo.api_key}`,
        '  Portal links:',
      );
      for (const link of demo.links) lines.push(`    ${link.label.padEnd(38)} ${link.url}`);
      lines.push('', `  Staff demo page: ${config.publicUrl}/demo (sign in with the API key)`);
    }
    lines.push(
      '',
      `Start here:      ${config.publicUrl}/`,
      `API reference:   ${config.publicUrl}/docs`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    // Payments the provider finished while we were down (a crash, a lost webhook) are recorded.
    for (const provider of payments) {
      reconcilePayments(db, provider, logger).catch((error: unknown) =>
        logger.error({ err: error, provider: provider.name }, 'payment reconciliation failed'),
      );
    }
  });

  const stop = () => {
    server.close();
    void Promise.all([email.stop(), texts.stop(), reminders.stop(), webhooks.stop()])
      .then(() => db.destroy())
      .then(() => {
        try {
          stdout.flushSync();
        } catch {
          // A closed or full stdout: the lines are lost, the stop goes on.
        }
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Pay Portal failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
