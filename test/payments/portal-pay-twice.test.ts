/** Paying twice at once: a second tab is told what is left, a resent request is replayed. */
import { describe, expect, it } from 'vitest';
import { pruneIdempotencyKeys } from '../../server/payments/idempotency.ts';
import { testStores } from '../support/databases.ts';
import {
  balanceOf,
  createCustomer,
  createInvoice,
  createPaymentLink,
  poolBusiness,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { DECLINED, newKey, openPortal } from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';

describe.each(testStores)('portal payments on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it('holds what a payment in flight pays: the second tab is told what is left', async () => {
    const staff = await poolBusiness(h);
    const jo = await createCustomer(staff, { name: 'Jo' });
    const invoice = await createInvoice(staff, jo.id, 10_000);
    const link = await createPaymentLink(staff, { customer: jo.id });
    const tabA = openPortal(h, link);
    const tabB = openPortal(h, link);
    const a = await tabA.create({ invoices: [{ id: invoice.id, amount: 6_000 }], method: 'card' });
    expect(a.status).toBe(200);
    const b = await tabB.create({ invoices: [{ id: invoice.id, amount: 10_000 }], method: 'card' });
    expect(b.status).toBe(409);
    expect(b.body.error).toMatchObject({
      code: 'amount_unavailable',
      param: 'invoices[0].amount',
      amount_available: 4_000,
      message: 'Another payment for this is in progress; $40.00 is left to pay.',
    });
    const rest = await tabB.create({
      invoices: [{ id: invoice.id, amount: 4_000 }],
      method: 'card',
    });
    expect(rest.status).toBe(200);
    // A declined payment frees what it held.
    await tabA.confirm(a.body.id, { sandbox: DECLINED });
    const again = await tabB.create({
      invoices: [{ id: invoice.id, amount: 6_000 }],
      method: 'card',
    });
    expect(again.status).toBe(200);
    expect(await balanceOf(staff, jo.id)).toBe(10_000);
  });

  it('replays the same key and body, and refuses the same key with another body', async () => {
    const staff = await poolBusiness(h);
    const { customer: lee, invoice, link } = await owingCustomer(staff, 8_000, { name: 'Lee' });
    const p = openPortal(h, link);
    const key = newKey();
    const body = { invoices: [{ id: invoice.id, amount: 8_000 }], method: 'card' };
    const first = await p.create(body, key);
    const second = await p.create(
      { method: 'card', invoices: [{ amount: 8_000, id: invoice.id }] },
      key,
    );
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const other = await p.create({ ...body, tip: { percent: 20 } }, key);
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      type: 'idempotency_error',
      code: 'idempotency_error',
    });
    // Another link of the same business cannot read this key's answer.
    const mo = await createCustomer(staff, { name: 'Mo' });
    const theirs = await openPortal(h, await createPaymentLink(staff, { customer: mo.id })).create(
      body,
      key,
    );
    expect(theirs.status).toBe(422);
    expect(
      await h.db.selectFrom('payments').select('id').where('customer_id', '=', lee.id).execute(),
    ).toHaveLength(1);
    const stored = await h.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ response_status: 200, payment_id: first.body.id });

    // Kept at least 24 hours: a day-old key is still answered; an older one is forgotten.
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    await h.db
      .updateTable('idempotency_keys')
      .set({ created_at: hoursAgo(23) })
      .where('key', '=', key)
      .execute();
    expect(await pruneIdempotencyKeys(h.db)).toBe(0);
    expect((await p.create(body, key)).body).toEqual(first.body);
    await h.db
      .updateTable('idempotency_keys')
      .set({ created_at: hoursAgo(25) })
      .where('key', '=', key)
      .execute();
    expect(await pruneIdempotencyKeys(h.db)).toBeGreaterThanOrEqual(1);
    expect(
      await h.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute(),
    ).toEqual([]);
  });
});
