/**
 * Compression on the wire (issue 13): the element's files in the build's brotli and gzip copies,
 * chosen by Accept-Encoding; JSON and HTML of 1 KB or more compressed as they leave, never less;
 * `no-store` kept; `Vary: Accept-Encoding` on all of them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { addVary, preferredEncoding } from '../../server/http/compression.ts';
import { createLogger } from '../../server/http/logger.ts';
import { precompressFile } from '../../widget/build/precompress.ts';
import { createCustomer, createInvoice, createPaymentLink } from '../support/fixtures.ts';
import { testConfig, UNLIMITED } from '../support/harness.ts';
import { staffClient } from '../support/staff-client.ts';

/** A module of some kilobytes, as a build would leave it (repetitive, as code is). */
const MODULE = `${Array.from(
  { length: 200 },
  (_, i) => `export const part${i}=()=>"pay-portal part ${i}";`,
).join('\n')}\n`;
const TINY = 'export const tiny=1;\n';

function decoded(encoding: string | null, bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  if (encoding === 'br') return brotliDecompressSync(buffer).toString();
  if (encoding === 'gzip') return gunzipSync(buffer).toString();
  return buffer.toString();
}

async function fetchRaw(app: ReturnType<typeof createApp>, path: string, accept?: string) {
  const response = await app.request(path, {
    headers: accept === undefined ? {} : { 'accept-encoding': accept },
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const encoding = response.headers.get('content-encoding');
  return { response, bytes, encoding, text: decoded(encoding, bytes) };
}

describe('compression', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pay-portal-compression-'));
  const db = openDatabase(':memory:');
  let app: ReturnType<typeof createApp>;
  let token: string;

  beforeAll(async () => {
    await migrateToLatest(db);
    writeFileSync(join(dir, 'pay-portal.mjs'), MODULE);
    writeFileSync(join(dir, 'pay-portal.js'), TINY);
    precompressFile(join(dir, 'pay-portal.mjs'));
    precompressFile(join(dir, 'pay-portal.js'));
    app = createApp({
      db,
      config: testConfig(UNLIMITED),
      logger: createLogger('silent'),
      widgetDir: dir,
    });
    const { business, apiKey } = await createBusiness(db, { name: 'Acme Pools', currency: 'usd' });
    const staff = staffClient({ id: business.id, apiKey }, async (path, init) =>
      app.request(path, init),
    );
    const customer = await createCustomer(staff, { name: 'Dana Diaz' });
    for (let i = 0; i < 6; i += 1) await createInvoice(staff, customer.id, 1_000 + i);
    token = (await createPaymentLink(staff, { customer: customer.id })).token;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.destroy();
  });

  it('reads Accept-Encoding: brotli first, q=0 refuses, * stands for the rest', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredEncoding('gzip')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('br;q=0, *;q=0.1')).toBe('gzip');
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
  });

  it('writes brotli and gzip copies beside a built file of 1 KB or more, none beside a tiny one', () => {
    const original = readFileSync(join(dir, 'pay-portal.mjs'));
    expect(brotliDecompressSync(readFileSync(join(dir, 'pay-portal.mjs.br')))).toEqual(original);
    expect(gunzipSync(readFileSync(join(dir, 'pay-portal.mjs.gz')))).toEqual(original);
    expect(precompressFile(join(dir, 'pay-portal.js'))).toBeNull();
  });

  it('serves the element in the encoding the browser takes, the same bytes once decoded', async () => {
    const plain = await fetchRaw(app, '/widget/pay-portal.mjs');
    expect(plain.encoding).toBeNull();
    expect(plain.text).toBe(MODULE);
    const br = await fetchRaw(app, '/widget/pay-portal.mjs', 'gzip, deflate, br');
    const gzip = await fetchRaw(app, '/widget/pay-portal.mjs', 'gzip, deflate');
    expect([br.encoding, gzip.encoding]).toEqual(['br', 'gzip']);
    for (const answer of [plain, br, gzip]) {
      expect(answer.response.headers.get('vary')).toBe('Accept-Encoding');
      expect(answer.text).toBe(MODULE);
    }
    expect(br.bytes.byteLength).toBeLessThan(MODULE.length / 4);
    expect(gzip.bytes.byteLength).toBeLessThan(MODULE.length / 3);
    // Each encoding is its own representation with its own validator, revalidated as such.
    const tags = [plain, br, gzip].map((answer) => answer.response.headers.get('etag'));
    expect(new Set(tags).size).toBe(3);
    const again = await app.request('/widget/pay-portal.mjs', {
      headers: { 'accept-encoding': 'br', 'if-none-match': tags[1]! },
    });
    expect(again.status).toBe(304);
    // The content-hashed alias of the entry is compressed the same way.
    const embed = (await (await app.request('/widget/embed.json')).json()) as {
      module: { url: string };
    };
    const hashed = new URL(embed.module.url).pathname;
    expect((await fetchRaw(app, hashed, 'br')).encoding).toBe('br');
  });

  it('never compresses a file under 1 KB', async () => {
    const tiny = await fetchRaw(app, '/widget/pay-portal.js', 'br, gzip');
    expect(tiny.encoding).toBeNull();
    expect(tiny.text).toBe(TINY);
  });

  it('compresses a portal answer of 1 KB or more, and it stays no-store', async () => {
    const plain = await fetchRaw(app, `/v1/portal/${token}`);
    expect(plain.bytes.byteLength).toBeGreaterThan(1024);
    for (const accept of ['br', 'gzip']) {
      const answer = await fetchRaw(app, `/v1/portal/${token}`, accept);
      expect(answer.encoding).toBe(accept);
      expect(answer.bytes.byteLength).toBeLessThan(plain.bytes.byteLength / 2);
      expect(answer.response.headers.get('content-length')).toBe(String(answer.bytes.byteLength));
      expect(answer.response.headers.get('cache-control')).toBe('no-store');
      expect(answer.response.headers.get('vary')).toMatch(/Origin.*Accept-Encoding/);
      expect(JSON.parse(answer.text)).toEqual(JSON.parse(plain.text));
    }
  });

  it('sends answers under 1 KB as they are', async () => {
    const missing = await fetchRaw(
      app,
      '/v1/portal/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'br',
    );
    expect(missing.response.status).toBe(404);
    expect(missing.bytes.byteLength).toBeLessThan(1024);
    expect(missing.encoding).toBeNull();
    expect(JSON.parse(missing.text).error.code).toBe('link_invalid');
    expect(missing.response.headers.get('vary')).toContain('Accept-Encoding');
  });

  it('compresses the hosted page', async () => {
    const plain = await fetchRaw(app, `/p/${token}`);
    const gzip = await fetchRaw(app, `/p/${token}`, 'gzip');
    expect(plain.bytes.byteLength).toBeGreaterThan(1024);
    expect(gzip.encoding).toBe('gzip');
    expect(gzip.text).toBe(plain.text);
    expect(gzip.response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(gzip.response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('addVary', () => {
  const varyAfter = (vary: string | null) => {
    const headers = new Headers(vary === null ? {} : { vary });
    addVary(headers, 'Accept-Encoding');
    return headers.get('vary');
  };

  it('adds the name once, whatever its case or spacing, and never beside *', () => {
    expect(varyAfter(null)).toBe('Accept-Encoding');
    expect(varyAfter('Origin')).toBe('Origin, Accept-Encoding');
    expect(varyAfter('Origin,accept-encoding')).toBe('Origin,accept-encoding');
    expect(varyAfter('Origin , ACCEPT-ENCODING ')).toBe('Origin , ACCEPT-ENCODING');
    expect(varyAfter('*')).toBe('*');
    expect(varyAfter('Accept-Encoding-X')).toBe('Accept-Encoding-X, Accept-Encoding');
  });
});
