/**
 * The ledger against the real database through the real migrations: whatever charges and credits
 * staff post, in whatever order and however concurrently, the balance the API reports is the sum
 * of the entries, every entry carries the running sum, and the sequence has no gaps.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createBusiness } from '../../server/businesses/businesses.ts';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { MAX_AMOUNT } from '../../shared/money.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer } from '../support/fixtures.ts';
import { type StaffClient, testConfig, useHarness } from '../support/harness.ts';
import { staffClient } from '../support/staff-client.ts';

type Posting =
  | { kind: 'charge'; amount: number; tax: number }
  | { kind: 'credit'; amount: number }
  | { kind: 'refused'; body: Record<string, unknown> };

const amount = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 100_000 }), weight: 4 },
  { arbitrary: fc.integer({ min: 1, max: MAX_AMOUNT }), weight: 1 },
);

const posting: fc.Arbitrary<Posting> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('charge' as const), amount, tax: fc.nat(10_000) }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('credit' as const), amount }), weight: 3 },
  {
    // Bad input must be refused and change nothing.
    arbitrary: fc.record({
      kind: fc.constant('refused' as const),
      body: fc.constantFrom<Record<string, unknown>>(
        { amount: 0, description: 'Nothing' },
        { amount: 12.5, description: 'Half a cent' },
        { amount: -100, description: 'Negative' },
        { amount: MAX_AMOUNT + 1, description: 'Too much' },
        { amount: 100, tax: -1, description: 'Negative tax' },
        { amount: 100 },
      ),
    }),
    weight: 1,
  },
);

function effectOf(post: Posting): number {
  if (post.kind === 'charge') return post.amount + post.tax;
  if (post.kind === 'credit') return -post.amount;
  return 0;
}

describe.each(testStores)('ledger properties on $name', (store) => {
  const h = useHarness(store);

  const newCustomer = async (staff: StaffClient, name = 'Property Pools') =>
    (await createCustomer(staff, { name })).id;

  async function ledgerRows(customerId: string) {
    return h.db
      .selectFrom('ledger_entries')
      .select(['seq', 'kind', 'amount', 'tax', 'balance_after'])
      .where('customer_id', '=', customerId)
      .orderBy('seq')
      .execute();
  }

  /** Everything the ledger promises about one customer, given the effects posted in order. */
  async function expectConsistentLedger(staff: StaffClient, customerId: string, effects: number[]) {
    const expected = effects.reduce((sum, effect) => sum + effect, 0);
    const balance = await staff.get(`/v1/customers/${customerId}/balance`);
    expect(balance.status).toBe(200);
    expect(balance.body.amount).toBe(expected);
    expect(balance.body.state).toBe(
      expected === 0 ? 'zero' : expected < 0 ? 'credit' : 'outstanding',
    );

    const rows = await ledgerRows(customerId);
    expect(rows.map((row) => row.seq)).toEqual(effects.map((_, index) => index + 1));
    expect(rows.map((row) => Number(row.amount)).sort()).toEqual([...effects].sort());
    let running = 0;
    for (const row of rows) {
      running += Number(row.amount);
      expect(Number(row.balance_after)).toBe(running);
    }
    const { total } = await h.db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('total'))
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow();
    expect(Number(total)).toBe(expected);
    return rows;
  }

  it('derives every balance from the entries, whatever is posted', async () => {
    const staff = await h.business();
    await fc.assert(
      fc.asyncProperty(fc.array(posting, { maxLength: 12 }), async (postings) => {
        const customerId = await newCustomer(staff);
        const effects: number[] = [];
        for (const post of postings) {
          if (post.kind === 'refused') {
            const refused = await staff.post(`/v1/customers/${customerId}/charges`, post.body);
            expect(refused.status).toBe(400);
            continue;
          }
          const { kind, ...body } = post;
          const answer = await staff.post(`/v1/customers/${customerId}/${kind}s`, {
            ...body,
            description: `A ${kind}`,
          });
          expect(answer.status).toBe(200);
          expect(answer.body).toMatchObject({ object: kind, amount: post.amount });
          effects.push(effectOf(post));
        }
        const rows = await expectConsistentLedger(staff, customerId, effects);
        // In the order posted, each row is the posting it records.
        expect(rows.map((row) => Number(row.amount))).toEqual(effects);
        expect(rows.map((row) => row.kind)).toEqual(
          postings.filter((post) => post.kind !== 'refused').map((post) => post.kind),
        );
      }),
      { numRuns: 25 },
    );
  });

  it('keeps one customer’s ledger apart from another’s', async () => {
    const staff = await h.business();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 1_000_000 })), {
          minLength: 1,
          maxLength: 10,
        }),
        async (postings) => {
          const first = await newCustomer(staff, 'First');
          const second = await newCustomer(staff, 'Second');
          const effects = new Map<string, number[]>([
            [first, []],
            [second, []],
          ]);
          for (const [toFirst, charge] of postings) {
            const customerId = toFirst ? first : second;
            await staff.post(`/v1/customers/${customerId}/charges`, {
              amount: charge,
              description: 'Service',
            });
            effects.get(customerId)!.push(charge);
          }
          for (const [customerId, posted] of effects) {
            await expectConsistentLedger(staff, customerId, posted);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('serialises 20 concurrent charges for one customer: 20 entries, seq 1..20, no lost update', async () => {
    const staff = await h.business();
    const customerId = await newCustomer(staff);
    const charges = Array.from({ length: 20 }, (_, index) => 1_000 + index);
    const answers = await Promise.all(
      charges.map((charge) =>
        staff.post(`/v1/customers/${customerId}/charges`, {
          amount: charge,
          tax: 1,
          description: `Visit ${charge}`,
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(charges.map(() => 200));
    const rows = await expectConsistentLedger(
      staff,
      customerId,
      charges.map((charge) => charge + 1),
    );
    expect(new Set(rows.map((row) => Number(row.amount))).size).toBe(20);
  });
});

describe('ledger across server processes on one SQLite file', () => {
  it('keeps charges of two processes racing for one customer in one gapless ledger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pay-portal-ledger-'));
    const databaseUrl = join(dir, 'ledger.sqlite');
    const db = openDatabase(databaseUrl);
    const posters: ChildProcessWithoutNullStreams[] = [];
    try {
      await migrateToLatest(db);
      const { business, apiKey } = await createBusiness(db, { name: 'Race', currency: 'usd' });
      const app = createApp({ db, config: testConfig(), logger: createLogger('silent') });
      const staff = staffClient({ id: business.id, apiKey }, async (path, init) =>
        app.request(path, init),
      );
      const customer = await createCustomer(staff, { name: 'Contested' });
      const env = {
        ...process.env,
        DATABASE_URL: databaseUrl,
        APP_SECRET: 'race',
        NODE_ENV: 'test',
      };
      for (const tag of ['east', 'west']) {
        posters.push(
          spawn(process.execPath, ['--import', 'tsx', POSTER, apiKey, customer.id, '10', tag], {
            env,
          }),
        );
      }
      const outputs = posters.map((poster) => linesOf(poster.stdout));
      for (const output of outputs) expect(await output.next()).toBe('ready');
      for (const poster of posters) poster.stdin.write('go\n');
      const statuses = await Promise.all(
        outputs.map(async (output) => JSON.parse(await output.next())),
      );
      expect(statuses.flat()).toEqual(Array(20).fill(200));

      const rows = await db
        .selectFrom('ledger_entries')
        .select(['seq', 'amount', 'balance_after'])
        .where('customer_id', '=', customer.id)
        .orderBy('seq')
        .execute();
      expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      let running = 0;
      for (const row of rows) {
        running += row.amount;
        expect(row.balance_after).toBe(running);
      }
      // Each process charged 100 + 0…9.
      expect(running).toBe(2 * (10 * 100 + 45));
    } finally {
      for (const poster of posters) poster.kill();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const POSTER = fileURLToPath(new URL('./charge-poster.ts', import.meta.url));

/** The lines a child writes, one `next()` at a time; '' once it has ended. */
function linesOf(stream: NodeJS.ReadableStream) {
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  const deliver = (line: string) => {
    const take = waiting.shift();
    if (take) take(line);
    else queue.push(line);
  };
  createInterface({ input: stream })
    .on('line', deliver)
    .on('close', () => {
      for (let i = 0; i < 10; i += 1) deliver('');
    });
  return {
    next: () =>
      new Promise<string>((resolve) => {
        const line = queue.shift();
        if (line !== undefined) resolve(line);
        else waiting.push(resolve);
      }),
  };
}
