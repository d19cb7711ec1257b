/**
 * The parts the element loads on demand (payment forms, signature_pad) are served beside
 * pay-portal.mjs: content-hashed, immutable, readable cross-origin like the entry. Nothing
 * outside the built folder is reachable: `../` in every spelling, through app.request() and
 * through a real socket (where the path arrives exactly as the client wrote it).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { testConfig } from '../support/harness.ts';

const SANDBOX = 'sandbox-form.DbmW3Ebp.mjs';
const STRIPE = 'stripe-form.8Za6k6Oj.mjs';
const SIGNATURE = 'signature_pad-Bx9k2LmQ.mjs';
const NESTED = 'chunks/shared.C4fe91aZ.mjs';
const SECRET = 'const secret = "outside the widget folder";\n';
const MODULE = `export const load = () => import("./${SANDBOX}");\n`;
const CLASSIC = '(function(){window.PayPortal={};})();\n';

const body = (name: string) => `export const part = ${JSON.stringify(name)};\n`;

/** Every way we know of to spell "one folder up", alone or after a subfolder. */
const TRAVERSALS = [
  '../secret.mjs',
  '..%2fsecret.mjs',
  '..%2Fsecret.mjs',
  '%2e%2e/secret.mjs',
  '%2e%2e%2fsecret.mjs',
  '%2E%2E%2Fsecret.mjs',
  '.%2e/secret.mjs',
  '%252e%252e%252fsecret.mjs',
  '..%252fsecret.mjs',
  '..%5csecret.mjs',
  '..\\secret.mjs',
  '%c0%ae%c0%ae/secret.mjs',
  '....//secret.mjs',
  'chunks/../../secret.mjs',
  'chunks/..%2f..%2fsecret.mjs',
  'chunks%2f..%2f..%2fsecret.mjs',
  '%2fetc%2fpasswd',
  '/etc/passwd',
  'linked.mjs',
  '.hidden.mjs',
  'notes.txt',
  'chunks',
];

describe('widget chunk files', () => {
  const root = mkdtempSync(join(tmpdir(), 'pay-portal-chunks-'));
  const dir = join(root, 'widget');
  const db = openDatabase(':memory:');
  const logger = createLogger('silent');
  let app: ReturnType<typeof createApp>;
  let server: ReturnType<typeof serve>;
  let port = 0;

  beforeAll(async () => {
    await migrateToLatest(db);
    mkdirSync(join(dir, 'chunks'), { recursive: true });
    writeFileSync(join(root, 'secret.mjs'), SECRET);
    writeFileSync(join(dir, 'pay-portal.mjs'), MODULE);
    writeFileSync(join(dir, 'pay-portal.js'), CLASSIC);
    for (const name of [SANDBOX, STRIPE, SIGNATURE, NESTED]) {
      writeFileSync(join(dir, name), body(name));
      writeFileSync(join(dir, `${name}.map`), '{"version":3,"sources":[]}');
    }
    writeFileSync(join(dir, '.hidden.mjs'), SECRET);
    writeFileSync(join(dir, 'notes.txt'), SECRET);
    symlinkSync(join(root, 'secret.mjs'), join(dir, 'linked.mjs'));
    app = createApp({ db, config: testConfig(), logger, widgetDir: dir });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        port = (info as AddressInfo).port;
        resolve();
      });
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
    await db.destroy();
  });

  /** A GET over a real socket, the path sent byte for byte as given. */
  const raw = (path: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves every part immutable for a year, readable from any origin like the entry', async () => {
    const entry = await app.request('/widget/pay-portal.mjs', {
      headers: { origin: 'https://shop.example' },
    });
    for (const name of [SANDBOX, STRIPE, SIGNATURE, NESTED]) {
      const response = await app.request(`/widget/${name}`, {
        headers: { origin: 'https://shop.example' },
      });
      expect(response.status, name).toBe(200);
      expect(await response.text()).toBe(body(name));
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      for (const header of [
        'access-control-allow-origin',
        'cross-origin-resource-policy',
        'x-content-type-options',
      ]) {
        expect(response.headers.get(header), header).toBe(entry.headers.get(header));
      }
      expect(response.headers.get('access-control-allow-origin')).toBe('*');

      const map = await app.request(`/widget/${name}.map`);
      expect(map.status).toBe(200);
      expect(map.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(map.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    // The entries' stable names (and their maps) still change on deploy: a short cache.
    expect(entry.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('answers the import the entry makes, resolved from its hashed URL', async () => {
    const embed = await (await app.request('/widget/embed.json')).json();
    const moduleUrl = new URL(embed.module.url);
    const imported = new URL(`./${SANDBOX}`, moduleUrl);
    expect(imported.pathname).toBe(`/widget/${SANDBOX}`);
    const response = await app.request(imported.pathname);
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag')!;
    const again = await app.request(imported.pathname, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves nothing outside the folder, nor dotfiles, links or other kinds of file', async () => {
    for (const path of TRAVERSALS) {
      for (const response of [
        await Promise.resolve(app.request(`/widget/${path}`)).then(async (r) => ({
          status: r.status,
          text: await r.text(),
        })),
        await raw(`/widget/${path}`),
      ]) {
        // 404 from the app; a raw backslash is refused by the HTTP parser itself (400).
        expect([400, 404], `${path}: ${response.status}`).toContain(response.status);
        expect(response.text, path).not.toContain('outside the widget folder');
      }
    }
    // The folder itself lists nothing.
    expect((await raw('/widget/')).status).toBe(404);
  });
});
