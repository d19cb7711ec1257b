/** A payment link's life: regenerated, revoked, expired, ended by a void, and its activity. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createEstimate, tokenOf } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { linkCalls } from '../support/portal-client.ts';
import { customerWithDocuments } from '../support/scenarios.ts';

describe.each(testStores)('payment links API on $name', (store) => {
  const h = useHarness(store);
  const { portal } = linkCalls(h);

  afterEach(() => {
    vi.useRealTimers();
  });

  it('regenerates: the old token is dead at once, the new one works', async () => {
    const { staff, customer } = await customerWithDocuments(h);
    const { body: link } = await staff.post('/v1/payment_links', { customer: customer.id });
    const regenerated = await staff.post(`/v1/payment_links/${link.id}/regenerate`);
    expect(regenerated.status).toBe(200);
    expect(regenerated.body).toMatchObject({ id: link.id, status: 'active' });
    expect(regenerated.body.url).not.toBe(link.url);
    expect((await portal(tokenOf(link.url))).status).toBe(404);
    expect((await portal(tokenOf(regenerated.body.url))).status).toBe(200);
    expect((await staff.get(`/v1/payment_links/${link.id}`)).body.url).toBe(regenerated.body.url);
  });

  it('revokes for good, once', async () => {
    const { staff, customer } = await customerWithDocuments(h);
    const { body: link } = await staff.post('/v1/payment_links', { customer: customer.id });
    const revoked = await staff.post(`/v1/payment_links/${link.id}/revoke`);
    expect(revoked.body).toMatchObject({ id: link.id, status: 'revoked' });
    expect((await portal(tokenOf(link.url))).status).toBe(404);
    expect((await staff.post(`/v1/payment_links/${link.id}/revoke`)).body.status).toBe('revoked');
    const regenerate = await staff.post(`/v1/payment_links/${link.id}/regenerate`);
    expect(regenerate.status).toBe(409);
    expect(regenerate.body.error.code).toBe('link_revoked');
    const events = await staff.get(`/v1/payment_links/${link.id}/events`);
    expect(events.body.data.map((event: { type: string }) => event.type)).toEqual([
      'created',
      'revoked',
    ]);
  });

  it('lists the activity oldest first, and staff may record only "copied"', async () => {
    const { staff, customer } = await customerWithDocuments(h);
    const { body: link } = await staff.post('/v1/payment_links', { customer: customer.id });
    const copied = await staff.post(`/v1/payment_links/${link.id}/events`, { type: 'copied' });
    expect(copied.status).toBe(200);
    expect(copied.body).toMatchObject({ type: 'copied', channel: null, detail: null });
    expect(copied.body.id).toMatch(/^evt_/);
    for (const type of ['sent', 'viewed', 'revoked', 'payment_made']) {
      const refused = await staff.post(`/v1/payment_links/${link.id}/events`, { type });
      expect(refused.status).toBe(400);
      expect(refused.body.error.param).toBe('type');
    }
    await h.request(`/v1/portal/${tokenOf(link.url)}/views`, { method: 'POST' });
    const { body: regenerated } = await staff.post(`/v1/payment_links/${link.id}/regenerate`);
    await staff.post(`/v1/payment_links/${link.id}/revoke`);

    const events = await staff.get(`/v1/payment_links/${link.id}/events`);
    expect(events.body).toMatchObject({ object: 'list', has_more: false });
    expect(events.body.data.map((event: { type: string }) => event.type)).toEqual([
      'created',
      'copied',
      'viewed',
      'regenerated',
      'revoked',
    ]);
    const times = events.body.data.map((event: { created: string }) => event.created);
    expect([...times].sort()).toEqual(times);
    expect(JSON.stringify(events.body)).not.toContain(tokenOf(regenerated.url));

    const page = await staff.get(`/v1/payment_links/${link.id}/events?limit=2`);
    expect(page.body.has_more).toBe(true);
    const next = await staff.get(
      `/v1/payment_links/${link.id}/events?limit=2&starting_after=${page.body.data[1].id}`,
    );
    expect(next.body.data.map((event: { type: string }) => event.type)).toEqual([
      'viewed',
      'regenerated',
    ]);
  });

  it("expires customer links after the business's link_expiry_days, and regenerating renews", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T12:00:00.000Z'));
    const { staff, customer, invoice } = await customerWithDocuments(h);
    const never = await staff.post('/v1/payment_links', { customer: customer.id });
    expect(never.body.expires).toBeNull();
    expect((await staff.patch('/v1/settings', { link_expiry_days: 30 })).status).toBe(200);
    const { body: link } = await staff.post('/v1/payment_links', { customer: customer.id });
    const { body: invoiceLink } = await staff.post('/v1/payment_links', { invoice: invoice.id });
    expect(link.expires).toBe('2026-12-22T12:00:00.000Z');
    expect(invoiceLink.expires).toBe('2026-12-22T12:00:00.000Z');

    vi.setSystemTime(new Date('2026-12-22T11:59:59.000Z'));
    expect((await portal(tokenOf(link.url))).status).toBe(200);
    vi.setSystemTime(new Date('2026-12-22T12:00:00.000Z'));
    expect((await portal(tokenOf(link.url))).status).toBe(404);
    expect((await portal(tokenOf(invoiceLink.url))).status).toBe(404);
    expect((await staff.get(`/v1/payment_links/${link.id}`)).body.status).toBe('expired');
    // A link made before the setting keeps its terms.
    expect((await portal(tokenOf(never.body.url))).status).toBe(200);

    const renewed = await staff.post(`/v1/payment_links/${link.id}/regenerate`);
    expect(renewed.body).toMatchObject({ status: 'active', expires: '2027-01-21T12:00:00.000Z' });
    expect((await portal(tokenOf(renewed.body.url))).status).toBe(200);
  });

  it("ends an estimate link with the estimate's last valid day (UTC)", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T08:00:00.000Z'));
    const { staff, customer } = await customerWithDocuments(h);
    const estimate = await createEstimate(staff, customer.id, {
      lines: [{ description: 'Heater', quantity: 1, unit_amount: 90_000 }],
      valid_until: '2026-11-23',
    });
    const { body: link } = await staff.post('/v1/payment_links', { estimate: estimate.id });
    expect(link.expires).toBe('2026-11-24T00:00:00.000Z');
    vi.setSystemTime(new Date('2026-11-23T23:59:59.000Z'));
    expect((await portal(tokenOf(link.url))).status).toBe(200);
    vi.setSystemTime(new Date('2026-11-24T00:00:00.000Z'));
    expect((await portal(tokenOf(link.url))).status).toBe(404);
    expect((await staff.get(`/v1/payment_links/${link.id}`)).body.status).toBe('expired');
    const regenerate = await staff.post(`/v1/payment_links/${link.id}/regenerate`);
    expect(regenerate.body.error.code).toBe('estimate_expired');
    const late = await staff.post('/v1/payment_links', { estimate: estimate.id });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'estimate_expired', param: 'estimate' });
  });

  it('kills an invoice link when its invoice is voided', async () => {
    const { staff, invoice } = await customerWithDocuments(h);
    const { body: link } = await staff.post('/v1/payment_links', { invoice: invoice.id });
    expect((await portal(tokenOf(link.url))).status).toBe(200);
    expect((await staff.post(`/v1/invoices/${invoice.id}/void`)).status).toBe(200);
    expect((await portal(tokenOf(link.url))).status).toBe(404);
    expect((await staff.get(`/v1/payment_links/${link.id}`)).body.status).toBe('expired');
    const regenerate = await staff.post(`/v1/payment_links/${link.id}/regenerate`);
    expect(regenerate.body.error.code).toBe('invoice_void');
  });
});
