/**
 * Searching customers (issue 15): by part of a name, email or phone, or by an invoice number, in
 * any case; wildcards typed are taken literally; another business's customers never found.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, poolBusiness } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';

describe.each(testStores)('customer search on $name', (store) => {
  const h = useHarness(store);

  it('finds by name, email, phone or invoice number, in any case', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff, { name: 'Dana Diaz', email: 'dana@example.com' });
    const eli = await createCustomer(staff, { name: 'Eli 100% Pools', phone: '+1 555 010 2000' });
    const ola = await createCustomer(staff, { name: 'Ola', email: 'OLA@Shop.test' });
    await createInvoice(staff, dana.id, 1_000);
    await createInvoice(staff, ola.id, 2_000);
    const rival = await h.business({ name: 'Rival' });
    await createCustomer(rival, { name: 'Dana Doppel' });

    const names = async (q: string) =>
      (await staff.get(`/v1/customers?q=${encodeURIComponent(q)}`)).body.data.map(
        (c: { name: string }) => c.name,
      );
    expect(await names('dana')).toEqual(['Dana Diaz']);
    expect(await names('shop.TEST')).toEqual(['Ola']);
    expect(await names('010 2000')).toEqual(['Eli 100% Pools']);
    expect(await names('inv-0002')).toEqual(['Ola']);
    expect(await names('INV-000')).toEqual(['Ola', 'Dana Diaz']);
    expect(await names('0%')).toEqual(['Eli 100% Pools']);
    expect(await names('_')).toEqual([]);
    expect(await names('nobody')).toEqual([]);
    expect(eli.id).toMatch(/^cus_/);
    const tooLong = await staff.get(`/v1/customers?q=${'x'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.param).toBe('q');
  });
});
