/**
 * The production start (issue 15, docs/deployment.md): the server compiled by `npm run
 * build:server` runs as plain JavaScript with `NODE_ENV=production`, from an installation folder
 * of its own (package.json, node_modules, dist/) and any working directory, and answers what the
 * Dockerfile's healthcheck and a first visitor ask for. The Dockerfile runs this same file.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('production start from compiled JavaScript', { timeout: 120_000 }, () => {
  const app = mkdtempSync(join(tmpdir(), 'pay-portal-production-'));
  let server: ChildProcess | null = null;
  let url = '';
  let output = '';

  beforeAll(async () => {
    // The server compiled into the installation's dist/, as `npm run build:server` does.
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        'tsconfig.server.json',
        '--outDir',
        join(app, 'dist'),
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    writeFileSync(join(app, 'package.json'), readFileSync(join(ROOT, 'package.json')));
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'));
    mkdirSync(join(app, 'dist/widget'), { recursive: true });
    writeFileSync(join(app, 'dist/widget/pay-portal.mjs'), 'export {};');
    writeFileSync(join(app, 'dist/widget/pay-portal.js'), '');

    server = spawn(process.execPath, [join(app, 'dist/server/main.js')], {
      cwd: tmpdir(),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: '0',
        PUBLIC_URL: 'https://pay.example.test',
        APP_SECRET: 'production-start-test-secret',
        PAYMENT_PROVIDER: 'stripe',
        STRIPE_SECRET_KEY: 'sk_test_production_start',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_production_start',
        STRIPE_WEBHOOK_SECRET: 'whsec_production_start',
        DATABASE_URL: join(app, 'pay-portal.sqlite'),
        LOG_LEVEL: 'warn',
      },
    });
    server.stderr!.on('data', (chunk) => {
      output += chunk;
    });
    url = await new Promise<string>((resolve, reject) => {
      server!.stdout!.on('data', (chunk) => {
        output += chunk;
        const port = /\(port (\d+)\)/.exec(output)?.[1];
        if (port) resolve(`http://127.0.0.1:${port}`);
      });
      server!.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
  }, 120_000);
  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(app, { recursive: true, force: true });
  });

  it('starts, migrates an empty store, seeds no demo and answers the healthcheck', async () => {
    expect(output).toContain('Pay Portal listening on https://pay.example.test');
    expect(output).not.toContain('Demo business');
    const health = await fetch(`${url}/health`);
    expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
  });

  it('serves the home page without the staff page, the API reference and the element', async () => {
    const home = await (await fetch(`${url}/`)).text();
    expect(home).toContain('<h1>Pay Portal</h1>');
    expect(home).not.toContain('href="/demo"');
    expect((await fetch(`${url}/demo`)).status).toBe(404);
    expect((await fetch(`${url}/docs`)).status).toBe(200);
    expect((await fetch(`${url}/docs/redoc.standalone.js`)).status).toBe(200);
    expect((await fetch(`${url}/widget/pay-portal.mjs`)).status).toBe(200);
    const spec = await (await fetch(`${url}/openapi.json`)).json();
    expect(spec.servers).toEqual([{ url: 'https://pay.example.test' }]);
  });

  it('is what the Dockerfile builds and runs, as a user other than root, checked on /health', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toContain('RUN npm run build && npm prune --omit=dev');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/health/m);
    expect(dockerfile).toContain('CMD ["node", "--max-semi-space-size=4", "dist/server/main.js"]');
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.build).toContain('npm run build:server');
    expect(scripts['start:production']).toBe('node --max-semi-space-size=4 dist/server/main.js');
  });
});
