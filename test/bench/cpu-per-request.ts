/**
 * `npm run bench:cpu`: what one request costs each server in CPU (issue 13), beside the rate
 * `npm run bench` prints. Both servers start as `bench` starts them (./bench-servers.ts) over one
 * migrated SQLite file; autocannon sends each a fixed number of requests at 10 connections, in
 * turn (ours, raw, raw, ours, …), and the CPU the kernel counted for the server's process (every
 * thread: the thread pool and the garbage collector's helpers too, which a CPU profile of the main
 * thread misses) is divided by the requests. On a shared machine that is steadier than a rate,
 * and it says in µs what a change saved. The median of BENCH_ROUNDS runs (default 3) of
 * BENCH_REQUESTS requests (default 20,000) each.
 *
 * Before measuring, it checks that both answer the same JSON, as `bench` does. `/health` has no
 * raw counterpart: its row is our floor (Node's HTTP, Hono, the middleware every request pays).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { makeCustomers } from './bench-data.ts';
import { cpuMs, type RunningServer, startOurs, startRaw } from './bench-servers.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** CPU µs per request of `server` over `amount` requests of `path`. */
async function cpuPerRequest(server: RunningServer, path: string, amount: number) {
  const before = cpuMs(server.process);
  const result = await autocannon({ url: `${server.base}${path}`, connections: 10, amount });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${server.name} ${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return ((cpuMs(server.process) - before) * 1000) / amount;
}

const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'pay-portal-bench-cpu-'));
  const file = join(dir, 'portal.sqlite');
  const db = openDatabase(file);
  await migrateToLatest(db);
  const tokens = await makeCustomers(db);
  await db.destroy();
  const ours = await startOurs('ours', file);
  const pages: Record<string, string> = {};
  for (const token of Object.values(tokens)) {
    pages[token] = await (await fetch(`${ours.base}/p/${token}`)).text();
  }
  writeFileSync(join(dir, 'pages.json'), JSON.stringify(pages));
  const raw = await startRaw(file, join(dir, 'pages.json'));
  try {
    const rows: string[][] = [['request', 'ours µs CPU', 'raw µs CPU', 'raw / ours']];
    const paths: [string, string, boolean][] = [
      ['GET /v1/portal/:token', `/v1/portal/${tokens.one}`, true],
      ['portal, 200 open invoices', `/v1/portal/${tokens.many}`, true],
      ['GET /p/:token', `/p/${tokens.one}`, true],
      ['GET /health', '/health', false],
    ];
    for (const [what, path, compared] of paths) {
      if (compared) {
        const [a, b] = [ours, raw].map(async (server) =>
          (await fetch(`${server.base}${path}`)).text(),
        );
        const [mine, theirs] = await Promise.all([a, b]);
        const json = path.startsWith('/v1/');
        if (json && !isDeepStrictEqual(JSON.parse(mine!), JSON.parse(theirs!))) {
          throw new Error(`raw baseline differs on ${what}`);
        }
      }
      const servers = compared ? [ours, raw] : [ours];
      for (const server of servers) await cpuPerRequest(server, path, 5_000);
      const runs = new Map<RunningServer, number[]>(servers.map((server) => [server, []]));
      for (let round = 0; round < ROUNDS; round += 1) {
        const order = round % 2 === 0 ? servers : [...servers].reverse();
        for (const server of order)
          runs.get(server)!.push(await cpuPerRequest(server, path, REQUESTS));
      }
      const mine = median(runs.get(ours)!);
      const theirs = compared ? median(runs.get(raw)!) : null;
      rows.push([
        what,
        mine.toFixed(0),
        theirs === null ? '' : theirs.toFixed(0),
        theirs === null ? '' : `${((100 * theirs) / mine).toFixed(0)} %`,
      ]);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    const line = (row: string[]) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ');
    console.log(`\n${line(rows[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const row of rows.slice(1)) console.log(line(row));
    console.log(
      `\nMedian of ${ROUNDS} runs of ${REQUESTS} requests at 10 connections; "raw / ours" is the share of raw's rate ours would reach if CPU were all that limited both.`,
    );
  } finally {
    await ours.stop();
    await raw.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
