/**
 * Reading a customer's balance, its state and the last 20 line items must cost the same for a
 * customer with 100 000 ledger entries as for one with 10, within 2× (issue 2). This measures it
 * on a SQLite file migrated like production: the data functions, the staff API through
 * `app.request`, and a real HTTP server under autocannon. On demand only: `npm run bench:ledger`.
 * Exits 1 when a median ratio is over 2×. See test/bench/README.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import { createCustomer } from '../../server/businesses/customers.ts';
import { loadConfig } from '../../server/config.ts';
import { type Db, migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import {
  appendEntries,
  balanceState,
  customerBalance,
  type NewLedgerEntry,
  recentCharges,
} from '../../server/ledger/entries.ts';

const SMALL = 10;
const LARGE = Number(process.env.BENCH_ENTRIES ?? 100_000);
/** A control: a short history that still fills a page of 20 recent charges, as B's does. */
const CONTROL = 40;
const BATCH = 1_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3_000);
const CANNON_SECONDS = 5;

/** A plausible history: mostly charges, some payments, now and then a credit. */
function entryAt(index: number): NewLedgerEntry {
  const slot = index % 10;
  if (slot < 6) {
    const amount = 2_000 + (index % 7) * 1_250;
    return { kind: 'charge', amount: amount + 165, tax: 165, description: `Visit ${index}` };
  }
  if (slot < 9) return { kind: 'payment', amount: -3_000, description: `Payment ${index}` };
  return { kind: 'credit', amount: -500, description: `Goodwill ${index}` };
}

// Straight into the ledger: 100 000 entries through the API would take the bench's whole budget.
async function fill(db: Db, owner: { business_id: string; customer_id: string }, count: number) {
  for (let start = 0; start < count; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) =>
      entryAt(start + i),
    );
    await db.transaction().execute((trx) => appendEntries(trx, owner, batch));
  }
}

/** What the portal and the staff API read for a customer: balance, state, last 20 line items. */
async function readSummary(db: Db, customerId: string) {
  const balance = await customerBalance(db, customerId);
  const charges = await recentCharges(db, customerId, 20);
  return { balance, state: balanceState(balance), charges };
}

interface Timing {
  median: number;
  p95: number;
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

/** Times `read` for each customer, taking turns in a rotating order so that drift hurts none. */
async function timeEach(read: (customerId: string) => Promise<unknown>, ids: string[]) {
  for (let i = 0; i < 300; i += 1) for (const id of ids) await read(id);
  const samples: number[][] = ids.map(() => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let turn = 0; turn < ids.length; turn += 1) {
      const which = (round + turn) % ids.length;
      const started = process.hrtime.bigint();
      await read(ids[which]!);
      samples[which]!.push(Number(process.hrtime.bigint() - started) / 1_000);
    }
  }
  return samples.map(summarise);
}

/** The SQL the data functions really send, captured on the way out, and SQLite's plan for it. */
async function queryPlans(db: Db, file: string, customerId: string) {
  const nodes: RootOperationNode[] = [];
  const capture: KyselyPlugin = {
    transformQuery: ({ node }) => {
      nodes.push(node);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  await readSummary(db.withPlugin(capture), customerId);
  const raw = new SQLite(file, { readonly: true });
  try {
    return nodes.map((node) => {
      const query = db.getExecutor().compileQuery(node, { queryId: 'plan' });
      const plan = raw
        .prepare(`explain query plan ${query.sql}`)
        .all(...(query.parameters as unknown[])) as { detail: string }[];
      return { sql: query.sql, plan: plan.map((step) => step.detail) };
    });
  } finally {
    raw.close();
  }
}

/** Prints the timings with each one's ratio to A's; returns B's. */
function printTable(title: string, timings: Timing[]) {
  const rows = CUSTOMERS.map(
    ({ name, entries }, index) => [name, entries, timings[index]!] as const,
  );
  const [, , small] = rows[0]!;
  const lines = [
    `\n${title}`,
    `${'customer'.padEnd(10)}${'entries'.padStart(10)}${'median µs'.padStart(12)}${'p95 µs'.padStart(10)}${'vs A'.padStart(8)}`,
  ];
  for (const [name, entries, timing] of rows) {
    const ratio = timing.median / small.median;
    lines.push(
      `${name.padEnd(10)}${String(entries).padStart(10)}${timing.median.toFixed(1).padStart(12)}${timing.p95.toFixed(1).padStart(10)}${`${ratio.toFixed(2)}×`.padStart(8)}`,
    );
  }
  console.log(lines.join('\n'));
  return timings[1]!.median / small.median;
}

const CUSTOMERS = [
  { name: 'A', entries: SMALL },
  { name: 'B', entries: LARGE },
  { name: 'C', entries: CONTROL },
];

async function cannon(url: string, apiKey: string) {
  const result = await autocannon({
    url,
    duration: CANNON_SECONDS,
    connections: 10,
    headers: { authorization: `Bearer ${apiKey}` },
  });
  return {
    'req/s': Math.round(result.requests.average),
    'lat avg ms': result.latency.average,
    'lat p50 ms': result.latency.p50,
    'lat p99 ms': result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'pay-portal-bench-'));
  const file = join(dir, 'bench.sqlite');
  const config = loadConfig({
    DATABASE_URL: file,
    APP_SECRET: 'bench-secret',
    PUBLIC_URL: 'http://127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  const db = openDatabase(file);
  try {
    await migrateToLatest(db);
    const { business, apiKey } = await createBusiness(db, { name: 'Bench Pools', currency: 'usd' });
    const ids: string[] = [];
    const started = performance.now();
    for (const { name, entries } of CUSTOMERS) {
      const customer = await createCustomer(db, business.id, { name });
      await fill(db, { business_id: business.id, customer_id: customer.id }, entries);
      const summary = await readSummary(db, customer.id);
      console.log(
        `${name}: ${entries} entries, balance ${summary.balance} (${summary.state}),` +
          ` ${summary.charges.length} recent charges`,
      );
      ids.push(customer.id);
    }
    const [a, b] = ids as [string, string];
    console.log(
      `SQLite file ${file}, entries appended in batches of ${BATCH} in` +
        ` ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    console.log('\nQuery plans for B:');
    for (const { sql, plan } of await queryPlans(db, file, b)) {
      console.log(`  ${sql}\n    ${plan.join('\n    ')}`);
    }

    const ratios = [
      printTable(
        `Data functions: customerBalance + recentCharges(20), ${ROUNDS} reads each`,
        await timeEach((id) => readSummary(db, id), ids),
      ),
    ];

    const app = createApp({ db, config, logger: createLogger('silent') });
    const headers = { authorization: `Bearer ${apiKey}` };
    const viaApi = await timeEach(async (id) => {
      const response = await app.request(`/v1/customers/${id}/balance`, { headers });
      if (response.status !== 200) throw new Error(`balance answered ${response.status}`);
      return response.json();
    }, ids);
    ratios.push(
      printTable(
        `Staff API: GET /v1/customers/:id/balance via app.request, ${ROUNDS} each`,
        viaApi,
      ),
    );

    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const base = `http://127.0.0.1:${port}/v1/customers`;
      // Untimed warm-up, so that the first customer measured does not pay for the JIT.
      await autocannon({ url: `${base}/${a}/balance`, duration: 2, headers });
      console.log(
        `\nautocannon: GET /v1/customers/:id/balance on @hono/node-server, 10 connections, ${CANNON_SECONDS} s each`,
      );
      console.table({
        A: await cannon(`${base}/${a}/balance`, apiKey),
        B: await cannon(`${base}/${b}/balance`, apiKey),
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }

    const worst = Math.max(...ratios);
    console.log(
      `\nWorst median ratio B/A: ${worst.toFixed(2)}× (${worst <= 2 ? 'within' : 'OVER'} the 2× the issue allows)`,
    );
    process.exitCode = worst <= 2 ? 0 : 1;
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
