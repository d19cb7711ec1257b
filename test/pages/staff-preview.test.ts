import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { linkEvents } from '../support/fixtures.ts';
import { answer, UNLIMITED, useHarness } from '../support/harness.ts';
import { billedCustomer } from '../support/scenarios.ts';

describe.each(testStores)('staff preview on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it('opens the hosted page with the element pointed at the preview API, and says so', async () => {
    const { link } = await billedCustomer(h);
    const html = await (await h.request(`/p/${link.token}?preview=1`)).text();
    expect(html).toContain(
      `<pay-portal token="${link.token}" api-base="https://pay.example.test/preview">`,
    );
    expect(html).toContain('Staff preview');
    const customerPage = await (await h.request(`/p/${link.token}`)).text();
    expect(customerPage).not.toContain('api-base');
    expect(customerPage).not.toContain('Staff preview');
  });

  it('shows the portal as the customer sees it', async () => {
    const { link, invoice } = await billedCustomer(h);
    const preview = await answer(await h.request(`/preview/v1/portal/${link.token}`));
    const customer = await answer(await h.request(`/v1/portal/${link.token}`));
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual(customer.body);
    expect(preview.headers.get('cache-control')).toBe('no-store');
    const charges = await answer(await h.request(`/preview/v1/portal/${link.token}/charges`));
    expect(charges.body.data).toHaveLength(1);
    const quote = await answer(
      await h.request(`/preview/v1/portal/${link.token}/quote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          invoices: [{ id: invoice.id, amount: 10_825 }],
          balance_amount: 0,
          tip: { percent: 20 },
          method: null,
        }),
      }),
    );
    expect(quote.body).toMatchObject({ subtotal: 10_825, tip: 2_165, total: 12_990 });
  });

  it("never records the customer's view, while the real view does", async () => {
    const { staff, link, invoice } = await billedCustomer(h);
    const previewed = await h.request(`/preview/v1/portal/${link.token}/views`, {
      method: 'POST',
    });
    expect(previewed.status).toBe(204);
    expect(await linkEvents(staff, link.id)).toEqual(['created']);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('open');

    await h.request(`/v1/portal/${link.token}/views`, { method: 'POST' });
    expect(await linkEvents(staff, link.id)).toEqual(['created', 'viewed']);
  });

  it('answers dead links as the portal does', async () => {
    const { staff, link } = await billedCustomer(h);
    await staff.post(`/v1/payment_links/${link.id}/revoke`);
    for (const path of [`${link.token}`, `${link.token}/views`, 'never-issued/views']) {
      const method = path.endsWith('/views') ? 'POST' : 'GET';
      const response = await answer(await h.request(`/preview/v1/portal/${path}`, { method }));
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('link_invalid');
    }
  });
});
