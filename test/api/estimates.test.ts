import { describe, expect, it } from 'vitest';
import { today } from '../../server/db/ids.ts';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createEstimate,
  daysFromToday,
  expireEstimate,
} from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';

const resurfacing = { description: 'Pool resurfacing', quantity: 1, unit_amount: 500_000 };
const tiles = { description: 'Tiles', quantity: 3, unit_amount: 1999, tax_rate: 825 };

describe.each(testStores)('estimates API on $name', (store) => {
  const h = useHarness(store);

  it('creates numbered, pending estimates with computed totals and no effect on the balance', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff);
    const validUntil = daysFromToday(30);
    const first = await staff.post('/v1/estimates', {
      customer: dana.id,
      lines: [resurfacing, tiles],
      valid_until: validUntil,
      terms: 'Half up front, the rest on completion.',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      object: 'estimate',
      number: 'EST-0001',
      customer: dana.id,
      status: 'pending',
      currency: 'usd',
      subtotal: 505_997,
      tax: 495,
      total: 506_492,
      valid_until: validUntil,
      expired: false,
      deposit_percent: null,
      deposit_amount: 0,
      terms: 'Half up front, the rest on completion.',
    });
    expect(first.body.lines[1]).toMatchObject({ amount: 5997, tax: 495, tax_rate: 825 });
    const second = await staff.post('/v1/estimates', {
      customer: dana.id,
      lines: [tiles],
      valid_until: validUntil,
    });
    expect(second.body.number).toBe('EST-0002');
    expect((await staff.get(`/v1/estimates/${first.body.id}`)).body).toEqual(first.body);
    expect((await staff.get(`/v1/customers/${dana.id}/balance`)).body.amount).toBe(0);
    // Estimates and invoices count separately.
    const invoice = await staff.post('/v1/invoices', { customer: dana.id, lines: [tiles] });
    expect(invoice.body.number).toBe('INV-0001');
  });

  it('computes the deposit from a percentage (half away from zero) or takes a fixed amount', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff);
    const create = (deposit: object, lines: object[] = [tiles]) =>
      staff.post('/v1/estimates', {
        customer: dana.id,
        lines,
        valid_until: daysFromToday(7),
        ...deposit,
      });
    // 25 % of 6492 is 1623; 25 % of 10 is 2.5 → 3; 33 % of 6492 is 2142.36 → 2142.
    expect((await create({ deposit_percent: 25 })).body).toMatchObject({
      total: 6492,
      deposit_percent: 25,
      deposit_amount: 1623,
    });
    const tiny = [{ description: 'Test strip', quantity: 1, unit_amount: 10 }];
    expect((await create({ deposit_percent: 25 }, tiny)).body.deposit_amount).toBe(3);
    expect((await create({ deposit_percent: 33 })).body.deposit_amount).toBe(2142);
    expect((await create({ deposit_percent: 100 })).body.deposit_amount).toBe(6492);
    expect((await create({ deposit_amount: 6492 })).body).toMatchObject({
      deposit_percent: null,
      deposit_amount: 6492,
    });
  });

  it('refuses bad input with the offending param, creating nothing', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff);
    const valid = { customer: dana.id, lines: [tiles], valid_until: daysFromToday(7) };
    const cases: [object, number, string][] = [
      [{ ...valid, deposit_percent: 10, deposit_amount: 100 }, 400, 'deposit_amount'],
      [{ ...valid, deposit_amount: 6493 }, 422, 'deposit_amount'],
      [{ ...valid, deposit_percent: 101 }, 400, 'deposit_percent'],
      [{ ...valid, deposit_percent: 12.5 }, 400, 'deposit_percent'],
      [{ ...valid, deposit_amount: -1 }, 400, 'deposit_amount'],
      [{ ...valid, valid_until: daysFromToday(-1) }, 400, 'valid_until'],
      [{ ...valid, valid_until: '2031-13-01' }, 400, 'valid_until'],
      [{ ...valid, valid_until: undefined }, 400, 'valid_until'],
      [{ ...valid, lines: [{ ...tiles, tax_rate: -1 }] }, 400, 'lines[0].tax_rate'],
      [{ ...valid, customer: 'cus_nobody' }, 404, 'customer'],
    ];
    for (const [body, status, param] of cases) {
      const refused = await staff.post('/v1/estimates', body);
      expect({ status: refused.status, param: refused.body.error?.param }).toEqual({
        status,
        param,
      });
    }
    expect((await staff.get('/v1/estimates')).body.data).toEqual([]);
    const created = await staff.post('/v1/estimates', { ...valid, valid_until: today() });
    expect(created.body).toMatchObject({ number: 'EST-0001', expired: false });
  });

  it('shows an estimate as expired once its valid-until day has passed', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff);
    const estimate = await createEstimate(staff, dana.id, { lines: [tiles], valid_until: today() });
    expect(estimate.expired).toBe(false);
    await expireEstimate(h, estimate.id);
    expect((await staff.get(`/v1/estimates/${estimate.id}`)).body).toMatchObject({
      expired: true,
      status: 'pending',
    });
  });

  it('lists estimates by customer', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff);
    const eli = await createCustomer(staff, { name: 'Eli Evans' });
    const body = { lines: [tiles], valid_until: daysFromToday(7) };
    const a = await createEstimate(staff, dana.id, body);
    await createEstimate(staff, eli.id, body);
    const danas = await staff.get(`/v1/estimates?customer=${dana.id}`);
    expect(danas.body).toMatchObject({ object: 'list', has_more: false });
    expect(danas.body.data.map((e: { id: string }) => e.id)).toEqual([a.id]);
    expect(danas.body.data[0].lines).toHaveLength(1);
    expect((await staff.get('/v1/estimates?status=pending')).body.data).toHaveLength(2);
    expect((await staff.get('/v1/estimates?customer=nobody')).body.error.param).toBe('customer');
  });

  it("never shows another business's estimates", async () => {
    const acme = await h.business();
    const rival = await h.business({ name: 'Rival Pools' });
    const dana = await createCustomer(acme);
    const estimate = await createEstimate(acme, dana.id, {
      lines: [tiles],
      valid_until: daysFromToday(7),
    });
    const unknown = await rival.get('/v1/estimates/est_doesnotexist');
    const other = await rival.get(`/v1/estimates/${estimate.id}`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
    expect((await rival.get(`/v1/estimates?customer=${dana.id}`)).status).toBe(404);
    expect((await rival.get('/v1/estimates')).body.data).toEqual([]);
    const steal = await rival.post('/v1/estimates', {
      customer: dana.id,
      lines: [tiles],
      valid_until: daysFromToday(7),
    });
    expect(steal.status).toBe(404);
    expect((await acme.get(`/v1/estimates/${estimate.id}`)).body.id).toBe(estimate.id);
  });
});
