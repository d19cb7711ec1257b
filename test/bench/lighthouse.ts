/**
 * `npm run bench:lighthouse` (issue 13): Lighthouse 12 (pinned, runs on Node 20) on the hosted
 * page `/p/:token` of a customer with an open invoice, as a phone opens it: the mobile preset
 * (Moto G Power screen, slow 4G, 4× CPU slowdown), in the machine's Chromium. Prints the
 * performance score, LCP, CLS, TBT and every failed audit; exits 1 when "Enable text
 * compression" fails. Serves the built element (`npm run build:widget` first) with
 * @hono/node-server on 127.0.0.1 over a migrated SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { makeCustomers } from './bench-data.ts';
import { freePort } from './bench-servers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'pay-portal-lighthouse-'));
  const file = join(dir, 'portal.sqlite');
  const db = openDatabase(file);
  await migrateToLatest(db);
  const tokens = await makeCustomers(db, { invoices: 1, entries: 10 });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    DATABASE_URL: file,
    APP_SECRET: 'lighthouse',
    PUBLIC_URL: base,
    LOG_LEVEL: 'silent',
    DEMO: 'false',
  });
  const app = createApp({ db, config, logger: createLogger('silent') });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
  await new Promise((resolve) => server.once('listening', resolve));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const url = `${base}/p/${tokens.one}`;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    const audit = (id: string) => lhr.audits[id]!;
    const failed = Object.values(lhr.audits).filter(
      (a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative',
    );
    const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
    console.log(
      `Lighthouse ${lhr.lighthouseVersion}, mobile preset, ${lhr.environment.hostUserAgent}`,
    );
    console.log(`URL: /p/:token (one open invoice)`);
    console.table({
      performance: { value: score },
      LCP: { value: audit('largest-contentful-paint').displayValue },
      CLS: { value: audit('cumulative-layout-shift').displayValue },
      TBT: { value: audit('total-blocking-time').displayValue },
      FCP: { value: audit('first-contentful-paint').displayValue },
      'text compression': {
        value: audit('uses-text-compression').score === 1 ? 'passed' : 'FAILED',
      },
    });
    console.log(
      failed.length === 0
        ? 'Failed audits: none'
        : `Failed audits:\n${failed.map((a) => `  ${a.id}: ${a.title} (${a.displayValue ?? a.score})`).join('\n')}`,
    );
    process.exitCode = audit('uses-text-compression').score === 1 ? 0 : 1;
  } finally {
    chrome.kill();
    server.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
