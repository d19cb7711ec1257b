/** Consent given while paying: SMS reminders, and a saved card paid with again and removed. */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  balanceOf,
  createCustomer,
  createInvoice,
  createPaymentLink,
  poolBusiness,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal, PHONE_BROWSER } from '../support/portal-client.ts';

describe.each(testStores)('portal payments on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it('records SMS and card-saving consent, saves the card only when asked, and lets the customer remove it', async () => {
    const staff = await poolBusiness(h);
    const ola = await createCustomer(staff, { name: 'Ola' });
    const first = await createInvoice(staff, ola.id, 1_000);
    const second = await createInvoice(staff, ola.id, 2_000);
    const link = await createPaymentLink(staff, { customer: ola.id });
    const p = openPortal(h, link, '198.51.100.4');
    const text = 'Text me payment reminders. Msg & data rates may apply. Reply STOP to end.';
    const saved = await p.pay({
      invoices: [{ id: first.id, amount: 1_000 }],
      method: 'card',
      save_payment_method: true,
      sms_consent: { phone: '+1 555 010 2000', text },
    });
    expect(saved.body.status).toBe('succeeded');
    const consents = await h.db
      .selectFrom('consents')
      .selectAll()
      .where('customer_id', '=', ola.id)
      .orderBy('kind')
      .execute();
    expect(consents).toHaveLength(2);
    expect(consents[0]).toMatchObject({
      kind: 'save_card',
      text: 'Save card for future payments',
      client_address: '198.51.100.4',
    });
    expect(consents[1]).toMatchObject({
      kind: 'sms',
      phone: '+1 555 010 2000',
      text,
      client_address: '198.51.100.4',
      user_agent: PHONE_BROWSER,
    });
    expect(consents[1]!.payment_link_id).toMatch(/^lnk_/);
    expect(consents[1]!.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);

    const cards = await h.db
      .selectFrom('payment_methods')
      .selectAll()
      .where('customer_id', '=', ola.id)
      .execute();
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      brand: 'visa',
      last4: '4242',
      exp_month: 12,
      exp_year: 2034,
      removed_at: null,
    });
    expect((await p.get()).body.saved_payment_methods).toEqual([
      { id: cards[0]!.id, brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034 },
    ]);

    // Paying again with the saved card.
    const { body: again } = await p.create({
      invoices: [{ id: second.id, amount: 2_000 }],
      method: 'card',
      payment_method: cards[0]!.id,
    });
    const reused = await p.confirm(again.id, { sandbox: { payment_method: cards[0]!.id } });
    expect(reused.body).toMatchObject({ status: 'succeeded', card: { last4: '4242' } });
    expect(await balanceOf(staff, ola.id)).toBe(0);

    const removed = await p.removeCard(cards[0]!.id);
    expect(removed.body).toEqual({ id: cards[0]!.id, object: 'payment_method', deleted: true });
    expect((await p.removeCard(cards[0]!.id)).status).toBe(404);
    expect((await p.get()).body.saved_payment_methods).toEqual([]);
    const gone = await h.db
      .selectFrom('sandbox_payment_methods')
      .select('detached_at')
      .where('id', '=', cards[0]!.provider_payment_method_id)
      .executeTakeFirstOrThrow();
    expect(gone.detached_at).not.toBeNull();

    // Unticked (the default): nothing saved, no consent kept.
    const pat = await createCustomer(staff, { name: 'Pat' });
    const third = await createInvoice(staff, pat.id, 1_000);
    await openPortal(h, await createPaymentLink(staff, { customer: pat.id })).pay({
      invoices: [{ id: third.id, amount: 1_000 }],
      method: 'card',
    });
    expect(
      await h.db
        .selectFrom('payment_methods')
        .select('id')
        .where('customer_id', '=', pat.id)
        .execute(),
    ).toEqual([]);
    expect(
      await h.db.selectFrom('consents').select('id').where('customer_id', '=', pat.id).execute(),
    ).toEqual([]);
  });
});
