/**
 * Staff see a customer's saved cards and forget one (issue 15): detached at the provider, no
 * longer offered in the portal, another business's customer and card out of reach, and bad ids
 * refused with the one error shape.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createInvoice,
  createPaymentLink,
  poolBusiness,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';

describe.each(testStores)("a customer's saved cards, for staff, on $name", (store) => {
  const h = useHarness(store, UNLIMITED);

  async function customerWithSavedCard() {
    const staff = await poolBusiness(h);
    const ola = await createCustomer(staff, { name: 'Ola' });
    const invoice = await createInvoice(staff, ola.id, 1_000);
    const link = await createPaymentLink(staff, { customer: ola.id });
    const p = openPortal(h, link);
    const paid = await p.pay({
      invoices: [{ id: invoice.id, amount: 1_000 }],
      method: 'card',
      save_payment_method: true,
    });
    expect(paid.body.status).toBe('succeeded');
    return { staff, ola, p };
  }

  it('lists them and forgets one: detached at the provider, gone from the portal', async () => {
    const { staff, ola, p } = await customerWithSavedCard();
    const listed = await staff.get(`/v1/customers/${ola.id}/payment_methods`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ object: 'list', has_more: false });
    expect(listed.body.data).toEqual([
      {
        id: expect.stringMatching(/^pm_/),
        object: 'payment_method',
        customer: ola.id,
        provider: 'sandbox',
        brand: 'visa',
        last4: '4242',
        exp_month: 12,
        exp_year: 2034,
        created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    const card = listed.body.data[0].id as string;

    const forgotten = await staff.del(`/v1/customers/${ola.id}/payment_methods/${card}`);
    expect(forgotten.status).toBe(200);
    expect(forgotten.body).toEqual({ id: card, object: 'payment_method', deleted: true });
    expect((await staff.get(`/v1/customers/${ola.id}/payment_methods`)).body.data).toEqual([]);
    expect((await p.get()).body.saved_payment_methods).toEqual([]);
    const atProvider = await h.db
      .selectFrom('payment_methods')
      .innerJoin(
        'sandbox_payment_methods',
        'sandbox_payment_methods.id',
        'payment_methods.provider_payment_method_id',
      )
      .select('sandbox_payment_methods.detached_at')
      .where('payment_methods.id', '=', card)
      .executeTakeFirstOrThrow();
    expect(atProvider.detached_at).not.toBeNull();

    const again = await staff.del(`/v1/customers/${ola.id}/payment_methods/${card}`);
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ code: 'resource_missing', param: 'card' });
  });

  it("keeps one business's customers' cards from another, and refuses bad ids", async () => {
    const { staff, ola } = await customerWithSavedCard();
    const card = (await staff.get(`/v1/customers/${ola.id}/payment_methods`)).body.data[0].id;
    const stranger = await h.business({ name: 'Other Co' });
    expect((await stranger.get(`/v1/customers/${ola.id}/payment_methods`)).status).toBe(404);
    const reach = await stranger.del(`/v1/customers/${ola.id}/payment_methods/${card}`);
    expect(reach.status).toBe(404);
    // Another customer of the same business cannot reach Ola's card either.
    const pat = await createCustomer(staff, { name: 'Pat' });
    expect((await staff.del(`/v1/customers/${pat.id}/payment_methods/${card}`)).status).toBe(404);
    const bad = await staff.del(`/v1/customers/${ola.id}/payment_methods/card_1`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('card');
    expect((await h.request(`/v1/customers/${ola.id}/payment_methods`)).status).toBe(401);
    expect((await staff.get(`/v1/customers/${ola.id}/payment_methods`)).body.data).toHaveLength(1);
  });
});
