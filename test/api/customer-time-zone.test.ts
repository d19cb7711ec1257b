/**
 * A customer's time zone through the staff API (issue 12: quiet hours "in the customer's time
 * zone"): an IANA name `Intl` knows, kept in its canonical spelling; null (or never given) is the
 * business's; anything else is a 422 with the stable error shape, and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createCustomer } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';

describe.each(testStores)("a customer's time zone on $name", (store) => {
  const h = useHarness(store);

  it('keeps a known zone, spelled canonically, and clears it with null', async () => {
    const staff = await h.business();
    const made = await staff.post('/v1/customers', {
      name: 'Kai Walker',
      time_zone: 'australia/brisbane',
    });
    expect(made.status).toBe(200);
    expect(made.body.time_zone).toBe('Australia/Brisbane');
    expect((await staff.get(`/v1/customers/${made.body.id}`)).body.time_zone).toBe(
      'Australia/Brisbane',
    );

    const plain = await createCustomer(staff, { name: 'Dana Diaz' });
    expect((await staff.get(`/v1/customers/${plain.id}`)).body.time_zone).toBeNull();

    const moved = await staff.patch(`/v1/customers/${made.body.id}`, {
      time_zone: 'America/Chicago',
    });
    expect(moved.body.time_zone).toBe('America/Chicago');
    // A patch that leaves it out leaves it be.
    const renamed = await staff.patch(`/v1/customers/${made.body.id}`, { name: 'Kai W.' });
    expect(renamed.body.time_zone).toBe('America/Chicago');
    const cleared = await staff.patch(`/v1/customers/${made.body.id}`, { time_zone: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.time_zone).toBeNull();
  });

  it('refuses an unknown zone with a 422 and changes nothing', async () => {
    const staff = await h.business();
    const kai = await staff.post('/v1/customers', {
      name: 'Kai Walker',
      time_zone: 'Australia/Brisbane',
    });

    for (const wrong of ['Mars/Olympus_Mons', 'Brisbane', '+10:00', '', 'x'.repeat(100)]) {
      const refused = await staff.patch(`/v1/customers/${kai.body.id}`, {
        name: 'Someone Else',
        time_zone: wrong,
      });
      expect(refused.status).toBe(422);
      expect(refused.body).toEqual({
        error: {
          type: 'invalid_request_error',
          code: 'time_zone_invalid',
          message: expect.stringContaining('IANA'),
          param: 'time_zone',
        },
      });
    }
    const after = (await staff.get(`/v1/customers/${kai.body.id}`)).body;
    expect(after).toMatchObject({ name: 'Kai Walker', time_zone: 'Australia/Brisbane' });

    const before = (await staff.get('/v1/customers')).body.data.length;
    const notMade = await staff.post('/v1/customers', { name: 'Nobody', time_zone: 'Nowhere' });
    expect(notMade.status).toBe(422);
    expect(notMade.body.error).toMatchObject({ code: 'time_zone_invalid', param: 'time_zone' });
    expect((await staff.get('/v1/customers')).body.data.length).toBe(before);

    // Not a string at all: the schema's own 400, as for every field.
    const number = await staff.patch(`/v1/customers/${kai.body.id}`, { time_zone: 10 });
    expect(number.status).toBe(400);
    expect(number.body.error).toMatchObject({ type: 'invalid_request_error', param: 'time_zone' });
  });
});
