import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/http/logger.ts';
import { countHit, peekCount } from '../../server/http/rate-limit.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createPaymentLink } from '../support/fixtures.ts';
import { answer, type Harness, useHarness } from '../support/harness.ts';

const UNKNOWN = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

async function customerLinkToken(h: Harness) {
  const staff = await h.business();
  const customer = await createCustomer(staff);
  return (await createPaymentLink(staff, { customer: customer.id })).token;
}

// Counted where each store counts by default (memory on SQLite), and in the table on SQLite too.
const cases = [
  ...testStores.map((store) => ({ store, name: store.name, counted: undefined })),
  ...testStores
    .filter((store) => store.name === 'sqlite')
    .map((store) => ({
      store,
      name: 'sqlite, RATE_LIMIT_STORE=database',
      counted: 'database' as const,
    })),
];

describe.each(cases)('portal rate limits on $name', ({ store, counted }) => {
  const h = useHarness(store, {
    rateLimit: {
      portalPerMinute: 5,
      misses: 3,
      missWindowSeconds: 600,
      ...(counted ? { store: counted } : {}),
    },
  });
  const from = (address: string, path: string, init?: RequestInit) =>
    h.request(path, init, address).then(answer);

  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a client over its per-minute budget with 429 and Retry-After, until the minute ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:10.000Z'));
    const token = await customerLinkToken(h);
    // Every portal request counts, whatever it answers.
    expect((await from('198.51.100.1', `/v1/portal/${token}`)).status).toBe(200);
    expect((await from('198.51.100.1', `/v1/portal/${token}/charges?limit=0`)).status).toBe(400);
    expect((await from('198.51.100.1', `/v1/portal/${UNKNOWN}`)).status).toBe(404);
    for (let i = 0; i < 2; i += 1) {
      expect((await from('198.51.100.1', `/v1/portal/${token}/charges`)).status).toBe(200);
    }
    const refused = await from('198.51.100.1', `/v1/portal/${token}`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('50');
    expect(refused.body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limited' });
    expect(refused.headers.get('cache-control')).toBe('no-store');
    // Another client is not affected.
    expect((await from('198.51.100.2', `/v1/portal/${token}`)).status).toBe(200);

    vi.setSystemTime(new Date('2026-11-22T10:01:00.000Z'));
    expect((await from('198.51.100.1', `/v1/portal/${token}`)).status).toBe(200);
  });

  it('blocks a client that keeps missing, even with a good token, for the miss window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00.000Z'));
    const token = await customerLinkToken(h);
    for (let miss = 0; miss < 3; miss += 1) {
      vi.setSystemTime(new Date(`2026-11-22T10:0${miss}:00.000Z`));
      const answer = await from('198.51.100.3', `/v1/portal/${UNKNOWN.slice(miss)}`);
      expect(answer.status).toBe(404);
    }
    vi.setSystemTime(new Date('2026-11-22T10:05:00.000Z'));
    const blocked = await from('198.51.100.3', `/v1/portal/${token}`);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.type).toBe('rate_limit_error');
    // The ten-minute window that began at 10:00 ends at 10:10.
    expect(blocked.headers.get('retry-after')).toBe('300');
    // A blocked client learns nothing of a token from any origin: live or dead, the same 429,
    // readable by the page that asked.
    for (const probe of [token, UNKNOWN]) {
      const foreign = await from('198.51.100.3', `/v1/portal/${probe}`, {
        headers: { origin: 'https://evil.example' },
      });
      expect(foreign.status).toBe(429);
      expect(foreign.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    }
    expect((await from('198.51.100.4', `/v1/portal/${token}`)).status).toBe(200);

    vi.setSystemTime(new Date('2026-11-22T10:10:00.000Z'));
    expect((await from('198.51.100.3', `/v1/portal/${token}`)).status).toBe(200);
  });

  it('does not count good links as misses', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const token = await customerLinkToken(h);
    for (let minute = 0; minute < 4; minute += 1) {
      vi.setSystemTime(new Date(`2026-11-22T11:0${minute}:00.000Z`));
      for (let i = 0; i < 5; i += 1) {
        expect((await from('198.51.100.5', `/v1/portal/${token}`)).status).toBe(200);
      }
    }
  });

  it('shares the counts between two servers on one database', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T12:00:00.000Z'));
    const token = await customerLinkToken(h);
    const second = createApp({ db: h.db, config: h.config, logger: createLogger('silent') });
    const viaSecond = (path: string) =>
      Promise.resolve(
        second.request(path, {}, { incoming: { socket: { remoteAddress: '198.51.100.6' } } }),
      );
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response =
        i % 2 === 0
          ? await h.request(`/v1/portal/${token}`, {}, '198.51.100.6')
          : await viaSecond(`/v1/portal/${token}`);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('counts concurrent hits atomically, and a new window starts again at one', async () => {
    const at = Date.parse('2026-11-22T13:00:00.000Z');
    const counts = await Promise.all(
      Array.from({ length: 25 }, () => countHit(h.db, 'test:concurrent', 60, at)),
    );
    expect(counts.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect((await peekCount(h.db, 'test:concurrent', 60, at)).count).toBe(25);
    expect((await peekCount(h.db, 'test:concurrent', 60, at + 60_000)).count).toBe(0);
    expect((await countHit(h.db, 'test:concurrent', 60, at + 60_000)).count).toBe(1);
    // A server whose clock is behind keeps counting in the newer window rather than resetting it.
    expect((await countHit(h.db, 'test:concurrent', 60, at)).count).toBe(2);
  });
});
