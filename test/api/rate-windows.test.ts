import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { memoryCounter, rateCounter, rateLimitStore } from '../../server/http/rate-windows.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createPaymentLink } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';

const AT = Date.parse('2026-11-22T13:00:10.000Z');

describe('rate windows in memory', () => {
  it('counts like the table: a new window starts at one, a clock behind keeps the newer window', async () => {
    const counter = memoryCounter();
    const counts = [];
    for (let i = 0; i < 3; i += 1) counts.push((await counter.countHit('k', 60, AT)).count);
    expect(counts).toEqual([1, 2, 3]);
    // 50 s left in the minute that began at 13:00:00.
    expect((await counter.countHit('k', 60, AT)).retryAfter).toBe(50);
    expect((await counter.countHit('k', 60, AT + 60_000)).count).toBe(1);
    expect((await counter.countHit('k', 60, AT)).count).toBe(2);
    expect((await counter.countHit('other', 60, AT)).count).toBe(1);
  });

  it('peeks at a key without counting it, as it was before the hit', async () => {
    const counter = memoryCounter();
    const hit = { key: 'portal:a', windowSeconds: 60 };
    const misses = { key: 'portal-miss:a', windowSeconds: 600 };
    await counter.countHit(misses.key, 600, AT);
    await counter.countHit(misses.key, 600, AT);
    const first = await counter.countHitAndPeek(hit, misses, AT);
    expect(first.hit.count).toBe(1);
    expect(first.peek).toEqual({ count: 2, retryAfter: 590 });
    expect((await counter.countHitAndPeek(hit, misses, AT)).peek.count).toBe(2);
    // The ten-minute window is over: the misses are forgotten.
    expect((await counter.countHitAndPeek(hit, misses, AT + 600_000)).peek.count).toBe(0);
  });

  it('stays within its bound of keys when a flood of addresses arrives, keeping the newest', async () => {
    const counter = memoryCounter(100);
    for (let i = 0; i < 1_000; i += 1) await counter.countHit(`addr:${i}`, 60, AT);
    expect((await counter.countHit('addr:999', 60, AT)).count).toBe(2);
    expect((await counter.countHit('addr:0', 60, AT)).count).toBe(1);
  });

  it('forgets windows long over when pruned', async () => {
    const counter = memoryCounter();
    await counter.countHit('old', 60, AT);
    await counter.prune(120, AT + 600_000);
    expect((await counter.countHit('old', 60, AT)).count).toBe(1);
  });
});

describe('RATE_LIMIT_STORE', () => {
  const env = { NODE_ENV: 'test', DATABASE_URL: ':memory:', APP_SECRET: 's' };
  it('takes memory or database, and refuses anything else at start', () => {
    expect(loadConfig({ ...env, RATE_LIMIT_STORE: 'database' }).rateLimit.store).toBe('database');
    expect(loadConfig({ ...env, RATE_LIMIT_STORE: 'memory' }).rateLimit.store).toBe('memory');
    expect(loadConfig(env).rateLimit.store).toBeUndefined();
    expect(() => loadConfig({ ...env, RATE_LIMIT_STORE: 'redis' })).toThrow(/RATE_LIMIT_STORE/);
  });
});

describe.each(testStores)('where portal requests are counted on $name', (store) => {
  const h = useHarness(store);

  it('in memory on SQLite, in the rate_limits table on PostgreSQL (both shared per database)', async () => {
    const staff = await h.business();
    const customer = await createCustomer(staff);
    const { token } = await createPaymentLink(staff, { customer: customer.id });
    const address = store.name === 'sqlite' ? '198.51.100.70' : '198.51.100.71';
    expect((await h.request(`/v1/portal/${token}`, {}, address)).status).toBe(200);
    const rows = await h.db
      .selectFrom('rate_limits')
      .select('count')
      .where('key', '=', `portal:${address}`)
      .execute();
    if (store.name === 'sqlite') {
      expect(rateLimitStore(h.db, h.config)).toBe('memory');
      expect(rows).toEqual([]);
      expect((await rateCounter(h.db, h.config).countHit(`portal:${address}`, 60)).count).toBe(2);
    } else {
      expect(rateLimitStore(h.db, h.config)).toBe('database');
      expect(rows.map((row) => Number(row.count))).toEqual([1]);
    }
    const inTable = {
      ...h.config,
      rateLimit: { ...h.config.rateLimit, store: 'database' as const },
    };
    expect(rateLimitStore(h.db, inTable)).toBe('database');
  });
});
