/**
 * Who added it (issue 15), by name: staff say who is at the keyboard (`added_by_name`) when they
 * add a charge or a credit; the entry keeps it and the account statement lists it. A name too long
 * is refused with the API's stable validation error (`400 parameter_invalid`, as every field rule
 * is) and nothing is posted.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { balanceOf, createCustomer, poolBusiness } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';

describe.each(testStores)('who added an entry, by name, on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it('keeps the name given with a charge and a credit and lists it on the statement', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff, { name: 'Dana' });
    const charge = await staff.post(`/v1/customers/${dana.id}/charges`, {
      amount: 5_000,
      description: 'Filter repair',
      added_by_name: '  Maria  ',
    });
    expect(charge.status).toBe(200);
    expect(charge.body.added_by_name).toBe('Maria');
    const credit = await staff.post(`/v1/customers/${dana.id}/credits`, {
      amount: 500,
      description: 'Sorry for the wait',
      added_by_name: 'Luis',
    });
    expect(credit.body.added_by_name).toBe('Luis');
    const unnamed = await staff.post(`/v1/customers/${dana.id}/charges`, {
      amount: 100,
      description: 'Chlorine',
    });
    expect(unnamed.body.added_by_name).toBeNull();

    const statement = await staff.get(`/v1/customers/${dana.id}/entries`);
    expect(
      (
        statement.body.data as { description: string; added_by: string; added_by_name: string }[]
      ).map(({ description, added_by, added_by_name }) => ({
        description,
        added_by,
        added_by_name,
      })),
    ).toEqual([
      { description: 'Chlorine', added_by: 'staff', added_by_name: null },
      { description: 'Sorry for the wait', added_by: 'staff', added_by_name: 'Luis' },
      { description: 'Filter repair', added_by: 'staff', added_by_name: 'Maria' },
    ]);
  });

  it('keeps the name on the charges an invoice opened at once posts', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff, { name: 'Dana' });
    const invoice = await staff.post('/v1/invoices', {
      customer: dana.id,
      lines: [
        { description: 'Pump motor', quantity: 1, unit_amount: 42_000 },
        { description: 'Labour', quantity: 2, unit_amount: 5_000 },
      ],
      added_by_name: 'Maria',
    });
    expect(invoice.status).toBe(200);
    const statement = await staff.get(`/v1/customers/${dana.id}/entries`);
    expect(statement.body.data).toEqual([
      expect.objectContaining({ description: 'Labour', added_by_name: 'Maria' }),
      expect.objectContaining({ description: 'Pump motor', added_by_name: 'Maria' }),
    ]);
    const refused = await staff.post('/v1/invoices', {
      customer: dana.id,
      lines: [{ description: 'Filter', quantity: 1, unit_amount: 1_000 }],
      added_by_name: 'M'.repeat(81),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ param: 'added_by_name' });
    expect((await staff.get('/v1/invoices')).body.data).toHaveLength(1);
  });

  it('refuses a name past 80 characters or blank, and posts nothing', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff, { name: 'Dana' });
    for (const [path, body] of [
      ['charges', { amount: 5_000, description: 'Filter repair', added_by_name: 'M'.repeat(81) }],
      ['credits', { amount: 500, description: 'Goodwill', added_by_name: 'M'.repeat(81) }],
      ['charges', { amount: 5_000, description: 'Filter repair', added_by_name: '   ' }],
    ] as const) {
      const refused = await staff.post(`/v1/customers/${dana.id}/${path}`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        type: 'invalid_request_error',
        code: 'parameter_invalid',
        param: 'added_by_name',
      });
    }
    expect((await staff.get(`/v1/customers/${dana.id}/entries`)).body.data).toEqual([]);
    expect(await balanceOf(staff, dana.id)).toBe(0);
    const longest = await staff.post(`/v1/customers/${dana.id}/charges`, {
      amount: 100,
      description: 'Chlorine',
      added_by_name: 'M'.repeat(80),
    });
    expect(longest.body.added_by_name).toBe('M'.repeat(80));
  });
});
