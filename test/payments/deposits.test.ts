import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  balanceOf,
  createCustomer,
  createEstimate,
  createPaymentLink,
  poolBusiness,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal, VISA, VISA_DEBIT } from '../support/portal-client.ts';

describe.each(testStores)('estimate deposits through the payment flow on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it("pays an approved estimate's deposit alone, once, as account credit tagged to it", async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff);
    const estimate = await createEstimate(staff, dana.id, {
      lines: [{ description: 'Resurfacing', quantity: 1, unit_amount: 400_000, tax_rate: 0 }],
      deposit_amount: 50_000,
    });
    const p = openPortal(h, await createPaymentLink(staff, { estimate: estimate.id }));

    const early = await p.create({ method: 'card', estimate_deposit: { estimate: estimate.id } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('estimate_not_approved');

    const approve = await p.approve(estimate.id, { type: 'typed', name: 'Dana Diaz' });
    expect(approve.status).toBe(200);

    const mixed = await p.create({
      method: 'card',
      tip: { percent: 18 },
      estimate_deposit: { estimate: estimate.id },
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body.error).toMatchObject({
      code: 'deposit_paid_alone',
      param: 'estimate_deposit',
    });

    const tabA = await p.create({ method: 'card', estimate_deposit: { estimate: estimate.id } });
    const tabB = await p.create({ method: 'card', estimate_deposit: { estimate: estimate.id } });
    expect(tabA.body).toMatchObject({ subtotal: 50_000, fee: 1_530, amount: 51_530 });
    const paid = await p.confirm(tabA.body.id, { sandbox: VISA });
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 51_530 });
    // The deposit is account credit until the estimate becomes an invoice; the fee was paid.
    expect(await balanceOf(staff, dana.id)).toBe(-50_000);
    const deposits = await h.db.selectFrom('estimate_deposits').selectAll().execute();
    expect(deposits.filter((row) => row.estimate_id === estimate.id)).toMatchObject([
      { payment_id: tabA.body.id, amount: 50_000 },
    ]);

    // The second tab's payment of the same deposit is refused before charging.
    const second = await p.confirm(tabB.body.id, { sandbox: VISA_DEBIT });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('deposit_not_due');
    expect((await p.payment(tabB.body.id)).body.status).toBe('canceled');
    expect(await balanceOf(staff, dana.id)).toBe(-50_000);
    const again = await p.create({ method: 'card', estimate_deposit: { estimate: estimate.id } });
    expect(again.body.error.code).toBe('deposit_not_due');
  });
});
