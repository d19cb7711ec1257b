/**
 * The webhooks migration (2026_12_05_0201) runs on a store that already ran a later-named one
 * (texts' 2026_12_05_0301): migration names are prefixes given out ahead of time.
 */
import { type Migration, Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../server/db/database.ts';
import { migrations } from '../../server/db/migrations/index.ts';

describe('the webhooks migration', () => {
  it('runs after a later-named migration already ran', async () => {
    const db = openDatabase(':memory:');
    try {
      const without: Record<string, Migration> = { ...migrations };
      delete without['2026_12_05_0201_webhooks'];
      const provider = { getMigrations: async () => without };
      const first = await new Migrator({ db, provider }).migrateToLatest();
      expect(first.error).toBeUndefined();
      await migrateToLatest(db);
      const endpoints = await db.selectFrom('webhook_endpoints').select('id').execute();
      expect(endpoints).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
