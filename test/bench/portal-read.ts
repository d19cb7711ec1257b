/**
 * `npm run bench` (issue 13): the customer's three hot requests (GET /v1/portal/:token, POST
 * /v1/portal/:token/quote, GET /p/:token) on our server started as production starts it, against
 * a raw `node:http` + better-sqlite3 server over the same SQLite file answering the same JSON
 * (./raw-portal-server.ts), under autocannon at 10 and 50 connections, measured interleaved in
 * one run (ours, raw, raw, ours, …) so that drift in the shared machine's speed favours neither.
 * Then the portal read of a customer with 200 open invoices and of one with 100,000 ledger
 * entries against the one-invoice customer, our GET /health (which reads nothing: the floor of our
 * middleware and framework) against the raw portal read, the answer's size, a PostgreSQL row when
 * TEST_DATABASE_URL is set, the time a production start takes to answer /health, and the
 * server's resident memory after start and after the load. One table; see docs/performance.md.
 *
 * Knobs: BENCH_SECONDS (each run, default 3), BENCH_ROUNDS (ours/raw pairs, default 2).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { type BenchCustomers, makeCustomers } from './bench-data.ts';
import { type RunningServer, rssMb, startOurs, startRaw } from './bench-servers.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
/** BENCH_QUICK=1: the portal read alone, for trying a change. */
const QUICK = process.env.BENCH_QUICK === '1';
/** Untimed load before each comparison, so that neither side is measured while the JIT warms. */
const WARM_UP_SECONDS = 2;

interface Request {
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
}

interface Measured {
  rps: number;
  p99: number;
}

async function cannon(base: string, request: Request, connections: number, seconds = SECONDS) {
  const result = await autocannon({
    url: `${base}${request.path}`,
    method: request.method ?? 'GET',
    connections,
    duration: seconds,
    ...(request.body
      ? { body: request.body, headers: { 'content-type': 'application/json' } }
      : {}),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${base}${request.path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return { rps: result.requests.average, p99: result.latency.p99 };
}

function mean(runs: Measured[]): Measured {
  const sum = (pick: (run: Measured) => number) => runs.reduce((s, run) => s + pick(run), 0);
  return { rps: sum((run) => run.rps) / runs.length, p99: sum((run) => run.p99) / runs.length };
}

/** A against B, ABBA-interleaved for ROUNDS pairs, after an untimed warm-up of each. */
async function interleaved(a: [string, Request], b: [string, Request], connections: number) {
  await cannon(a[0], a[1], connections, WARM_UP_SECONDS);
  await cannon(b[0], b[1], connections, WARM_UP_SECONDS);
  const runs: [Measured[], Measured[]] = [[], []];
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const which of order) {
      const [base, request] = which === 0 ? a : b;
      runs[which]!.push(await cannon(base, request, connections));
    }
  }
  return [mean(runs[0]), mean(runs[1])] as const;
}

const rows: string[][] = [];
function row(
  what: string,
  connections: number | string,
  a: Measured,
  b: Measured | null,
  versus = 'raw',
) {
  rows.push([
    what,
    String(connections),
    a.rps.toFixed(0),
    b ? b.rps.toFixed(0) : '',
    b ? `${((100 * a.rps) / b.rps).toFixed(0)} % of ${versus}` : '',
    a.p99.toFixed(0),
    b ? b.p99.toFixed(0) : '',
  ]);
}

function printTable(notes: string[]) {
  const head = ['request', 'conns', 'ours req/s', 'vs req/s', 'ratio', 'ours p99 ms', 'vs p99 ms'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
  console.log(`\n${notes.join('\n')}`);
}

async function json(base: string, request: Request) {
  const response = await fetch(`${base}${request.path}`, {
    method: request.method ?? 'GET',
    body: request.body ?? null,
    headers: { 'content-type': 'application/json' },
  });
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
}

/** Stops the benchmark when the baseline does not answer what ours answers. */
async function sameAnswer(ours: RunningServer, raw: RunningServer, request: Request) {
  const [a, b] = [await json(ours.base, request), await json(raw.base, request)];
  if (a.status !== 200 || !isDeepStrictEqual(a.body, b.body)) {
    throw new Error(
      `raw baseline differs on ${request.path}:\n${JSON.stringify(a.body)}\n${JSON.stringify(b.body)}`,
    );
  }
  return a.bytes;
}

async function postgresRow(customers: (url: string) => Promise<BenchCustomers>) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return null;
  const name = `pay_portal_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const tokens = await customers(url.toString());
    const server = await startOurs('postgres', url.toString());
    try {
      const request = { path: `/v1/portal/${tokens.one}` };
      await cannon(server.base, request, 10, 1);
      return {
        10: await cannon(server.base, request, 10),
        50: await cannon(server.base, request, 50),
      };
    } finally {
      await server.stop();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function migratedWithCustomers(url: string) {
  const db = openDatabase(url);
  try {
    await migrateToLatest(db);
    return await makeCustomers(db);
  } finally {
    await db.destroy();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'pay-portal-bench-'));
  const file = join(dir, 'portal.sqlite');
  const notes: string[] = [];
  try {
    const tokens = await migratedWithCustomers(file);
    const ours = await startOurs('ours', file);
    const startRss = rssMb(ours.process);
    const pagesFile = join(dir, 'pages.json');
    const pages: Record<string, string> = {};
    for (const token of Object.values(tokens)) {
      pages[token] = await (await fetch(`${ours.base}/p/${token}`)).text();
    }
    writeFileSync(pagesFile, JSON.stringify(pages));
    const raw = await startRaw(file, pagesFile);
    try {
      const portal = (token: string) => ({ path: `/v1/portal/${token}` });
      const invoiceId = (await json(ours.base, portal(tokens.one))).body.invoices[0].id as string;
      const quote: Request = {
        path: `/v1/portal/${tokens.one}/quote`,
        method: 'POST',
        body: JSON.stringify({
          invoices: [{ id: invoiceId, amount: 12_000 }],
          balance_amount: 0,
          tip: { percent: 18 },
          method: 'card',
        }),
      };
      const page: Request = { path: `/p/${tokens.one}` };
      const bytes = {
        one: await sameAnswer(ours, raw, portal(tokens.one)),
        many: await sameAnswer(ours, raw, portal(tokens.many)),
        history: await sameAnswer(ours, raw, portal(tokens.history)),
      };
      await sameAnswer(ours, raw, quote);

      const requests = [
        ['GET /v1/portal/:token', portal(tokens.one)],
        ['POST /v1/portal/:token/quote', quote],
        ['GET /p/:token', page],
      ] as const;
      for (const [what, request] of QUICK ? requests.slice(0, 1) : requests) {
        for (const connections of [10, 50]) {
          const [a, b] = await interleaved([ours.base, request], [raw.base, request], connections);
          row(what, connections, a, b);
        }
      }
      const one: [string, Request] = [ours.base, portal(tokens.one)];
      if (QUICK) return printTable(notes);
      const [many, oneForMany] = await interleaved([ours.base, portal(tokens.many)], one, 10);
      row('portal, 200 open invoices', 10, many, oneForMany, '1 invoice');
      const [history, oneForHistory] = await interleaved(
        [ours.base, portal(tokens.history)],
        one,
        10,
      );
      row('portal, 100,000 ledger entries', 10, history, oneForHistory, '1 invoice');
      // The floor of ours: an answer that reads nothing, through the same middleware (the log
      // line, compression's check, Hono's routing and response), against the raw portal read.
      const [health, rawPortal] = await interleaved(
        [ours.base, { path: '/health' }],
        [raw.base, portal(tokens.one)],
        10,
      );
      row('GET /health (reads nothing)', 10, health, rawPortal, 'raw portal');
      notes.push(
        `Portal answer: ${bytes.one} B for 1 open invoice, ${bytes.many} B for 200` +
          ` (${(bytes.many / bytes.one).toFixed(2)}×), ${bytes.history} B with 100,000 ledger entries.`,
      );
      const afterLoadRss = rssMb(ours.process);
      notes.push(
        `Production start (npm run start:production, SQLite): ready on /health in ${ours.readyMs.toFixed(0)} ms` +
          ` (${ours.readyCpuMs} ms of CPU);` +
          ` RSS ${startRss.toFixed(0)} MB after start, ${afterLoadRss.toFixed(0)} MB after the load.`,
      );
    } finally {
      await raw.stop();
      await ours.stop();
    }
    const postgres = await postgresRow(migratedWithCustomers);
    const sqliteOne = rows[0]!;
    if (postgres) {
      for (const connections of [10, 50] as const) {
        row('GET /v1/portal/:token on PostgreSQL', connections, postgres[connections], null);
      }
    } else {
      notes.push('No PostgreSQL row: set TEST_DATABASE_URL to add one.');
    }
    notes.push(`(ours on SQLite at 10 connections: ${sqliteOne[2]} req/s)`);
    printTable(notes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
