import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { useHarness } from '../support/harness.ts';

describe.each(testStores)('time zone, slug and reminder settings on $name', (store) => {
  const h = useHarness(store);

  it("takes the time zone from the locale's region when it has one, else UTC", async () => {
    expect((await (await h.business({ locale: 'fr-FR' })).get('/v1/settings')).body.time_zone).toBe(
      'Europe/Paris',
    );
    // The United States span many zones: UTC until the business says which.
    expect((await (await h.business({ locale: 'en-US' })).get('/v1/settings')).body.time_zone).toBe(
      'UTC',
    );
  });

  it('keeps a chosen IANA zone, refuses an unknown one, and resets to the default on null', async () => {
    const staff = await h.business({ locale: 'fr-FR' });
    const chosen = await staff.patch('/v1/settings', { time_zone: 'America/Chicago' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.time_zone).toBe('America/Chicago');

    const wrong = await staff.patch('/v1/settings', { time_zone: 'Mars/Olympus_Mons' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ param: 'time_zone' });
    expect((await staff.get('/v1/settings')).body.time_zone).toBe('America/Chicago');

    const reset = await staff.patch('/v1/settings', { time_zone: null });
    expect(reset.body.time_zone).toBe('Europe/Paris');
  });

  it('changes reminder settings in part, sorts offsets and refuses nonsense', async () => {
    const staff = await h.business();
    const changed = await staff.patch('/v1/settings', {
      reminders: { channel: 'both', invoice: { offsets_days: [7, -1, 0], max_per_invoice: 2 } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.reminders).toEqual({
      channel: 'both',
      invoice: { enabled: true, offsets_days: [-1, 0, 7], max_per_invoice: 2 },
      estimate: { enabled: true, follow_up_days: 3, before_expiry_days: 2 },
      not_opened: { enabled: true, after_days: 2 },
    });
    for (const reminders of [
      { channel: 'pigeon' },
      { invoice: { offsets_days: [3, 3] } },
      { not_opened: { after_days: 0 } },
      { estimate: { follow_up: 3 } },
    ]) {
      const refused = await staff.patch('/v1/settings', { reminders });
      expect(refused.status, JSON.stringify(reminders)).toBe(400);
      expect(refused.body.error.param).toMatch(/^reminders\./);
    }
    expect((await staff.get('/v1/settings')).body.reminders.channel).toBe('both');
  });

  it('gives each business its own slug', async () => {
    const acme = await h.business();
    const other = await h.business();
    const slug = `acme-pools-${acme.id.slice(-6).toLowerCase()}`;
    const taken = await acme.patch('/v1/settings', { slug: slug.toUpperCase() });
    expect(taken.status).toBe(200);
    expect(taken.body.slug).toBe(slug);
    const clash = await other.patch('/v1/settings', { slug });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'slug_taken', param: 'slug' });
    const bad = await other.patch('/v1/settings', { slug: 'no spaces/here' });
    expect(bad.status).toBe(400);
  });
});
