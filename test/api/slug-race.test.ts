/**
 * Two businesses asking for the same slug at once (issue 12's "Pay your bill" page, /b/:slug):
 * the check before the write cannot see a slug another request wrote and has not committed; the
 * unique index refuses the second write, and the answer is the API's 409 `slug_taken`, never a
 * 500. On PostgreSQL a real race is staged: one business's write held open while the other asks.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../server/db/unique-violation.ts';
import { testStores } from '../support/databases.ts';
import { useHarness } from '../support/harness.ts';

const SLUG_INDEX = { name: 'businesses_slug_idx', table: 'businesses', column: 'slug' };

describe.each(testStores)('a slug two businesses want on $name', (store) => {
  const h = useHarness(store);
  const slugFor = (id: string) => `pool-${id.slice(-8).toLowerCase()}`;

  it("knows the database's own refusal of a second business with the slug", async () => {
    const [acme, other] = [await h.business(), await h.business()];
    const slug = slugFor(acme.id);
    await h.db.updateTable('businesses').set({ slug }).where('id', '=', acme.id).execute();
    const refusal = await h.db
      .updateTable('businesses')
      .set({ slug })
      .where('id', '=', other.id)
      .execute()
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refusal).not.toBeNull();
    expect(isUniqueViolation(refusal, SLUG_INDEX)).toBe(true);
    expect(isUniqueViolation(refusal, { name: 'other_idx', table: 'other', column: 'slug' })).toBe(
      false,
    );
    expect(isUniqueViolation(new Error('connection reset'), SLUG_INDEX)).toBe(false);
  });

  it('gives the slug to one of two businesses asking at once; the other gets slug_taken', async () => {
    const [acme, other] = [await h.business(), await h.business()];
    const slug = slugFor(other.id);
    const answers = await Promise.all([
      acme.patch('/v1/settings', { slug }),
      other.patch('/v1/settings', { slug }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'slug_taken',
        message: 'Another business has this slug: choose another.',
        param: 'slug',
      },
    });
    const owners = await h.db
      .selectFrom('businesses')
      .select('id')
      .where('slug', '=', slug)
      .execute();
    expect(owners).toHaveLength(1);
  });
});

// The staged race needs PostgreSQL's row locks; SQLite writes one transaction at a time.
const postgres = testStores.find((store) => store.name === 'postgres');
if (postgres) {
  describe('a slug raced for on PostgreSQL', () => {
    const h = useHarness(postgres);
    const slugFor = (id: string) => `pool-${id.slice(-8).toLowerCase()}`;

    it('answers 409 when the other write is committed while this one waits on the index', async () => {
      const [acme, other] = [await h.business(), await h.business()];
      const slug = slugFor(acme.id);
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let written!: () => void;
      const wrote = new Promise<void>((resolve) => {
        written = resolve;
      });
      // Acme's write, not yet committed: the other business's check cannot see it.
      const acmeWrite = h.db.transaction().execute(async (trx) => {
        await trx.updateTable('businesses').set({ slug }).where('id', '=', acme.id).execute();
        written();
        await held;
      });
      await wrote;
      const asking = other.patch('/v1/settings', { slug });
      // Wait until the other request's write is blocked on the unique index, behind Acme's.
      for (let waited = 0; ; waited += 1) {
        const { rows } = await sql<{ waiting: number }>`
            select count(*)::int as waiting from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(h.db);
        if (rows[0]!.waiting > 0) break;
        if (waited > 500) throw new Error('the second write never waited on the index');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      release();
      await acmeWrite;
      const answer = await asking;
      expect(answer.status).toBe(409);
      expect(answer.body.error).toMatchObject({ code: 'slug_taken', param: 'slug' });
      expect((await other.get('/v1/settings')).body.slug).toBeNull();
      expect((await acme.get('/v1/settings')).body.slug).toBe(slug);
    });
  });
}
