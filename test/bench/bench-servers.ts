/**
 * The servers `npm run bench` measures, each in its own process so that the load generator and
 * the server do not share an event loop: ours started the way production starts it (`node
 * dist/server/main.js`, NODE_ENV=production, its default logging), and the raw baseline
 * (./raw-portal-server.ts). Also what a start costs: time to the first answer on /health, and
 * the resident memory the kernel reports.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { APP_SECRET } from './bench-data.ts';

export const STRIPE_PUBLISHABLE_KEY = 'pk_test_bench';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  name: string;
  base: string;
  process: ChildProcess;
  /** Milliseconds from spawn to the first 200 on /health (ours) or the `ready` line (raw). */
  readyMs: number;
  /** CPU time the process had used by then (user + system): less at the mercy of a busy machine. */
  readyCpuMs?: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** CPU time (user + system) a process has used, in ms, from /proc (Linux, 100 ticks a second). */
export function cpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are the 14th and 15th fields; [1] above starts at the 3rd.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/**
 * Node's flags in the production start (`npm run start:production`, the Dockerfile's CMD), so that
 * the benchmark starts ours exactly as production does.
 */
function productionNodeFlags(): string[] {
  const scripts = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).scripts;
  const [node, ...args] = String(scripts['start:production']).split(' ');
  if (node !== 'node' || args.at(-1) !== 'dist/server/main.js') {
    throw new Error(`start:production is not "node … dist/server/main.js": ${node} ${args}`);
  }
  return args.slice(0, -1);
}

/** The production start (`node … dist/server/main.js`) over `databaseUrl`, ready on /health. */
export async function startOurs(name: string, databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // BENCH_NODE_ARGS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where the time goes.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(
    process.execPath,
    [...productionNodeFlags(), ...nodeArgs, 'dist/server/main.js'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        PUBLIC_URL: base,
        APP_SECRET,
        DEMO: 'false',
        // Production takes real payments only; Stripe is never called by the requests measured.
        PAYMENT_PROVIDER: 'stripe',
        STRIPE_SECRET_KEY: 'sk_test_bench',
        STRIPE_PUBLISHABLE_KEY: STRIPE_PUBLISHABLE_KEY,
        STRIPE_WEBHOOK_SECRET: 'whsec_bench',
        STRIPE_API_BASE: 'http://127.0.0.1:9',
        // The benchmark is one client address sending thousands of requests a second; the limit's
        // bookkeeping still runs on every request, only the refusal never comes.
        RATE_LIMIT_PORTAL_PER_MINUTE: '1000000000',
      },
    },
  );
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readyMs = performance.now() - started;
  return { name, base, process: child, readyMs, readyCpuMs: cpuMs(child), stop: stopper(child) };
}

/** The raw baseline over the SQLite file; `pages` names the hosted pages' bytes (a JSON file). */
export async function startRaw(file: string, pages: string): Promise<RunningServer> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/bench/raw-portal-server.ts', file],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { PATH: process.env.PATH, BENCH_PAGES: pages, STRIPE_PUBLISHABLE_KEY },
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\d+)/.exec(out);
      if (ready) resolve(Number(ready[1]));
    });
    child.once('exit', (code) => reject(new Error(`raw server exited with ${code}`)));
  });
  return {
    name: 'raw',
    base: `http://127.0.0.1:${port}`,
    process: child,
    readyMs: performance.now() - started,
    stop: stopper(child),
  };
}
