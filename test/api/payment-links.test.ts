import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/http/logger.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createEstimate, createInvoice, tokenOf } from '../support/fixtures.ts';
import { type Harness, type StaffClient, useHarness } from '../support/harness.ts';

/** A business with a customer, an open invoice of 108.25 and a pending estimate; no link yet. */
async function customerWithDocuments(h: Harness, staff?: StaffClient) {
  const business = staff ?? (await h.business());
  const customer = await createCustomer(business);
  const invoice = await createInvoice(business, customer.id, { tax_rate: 825 });
  const estimate = await createEstimate(business, customer.id, {
    lines: [{ description: 'New pump', quantity: 1, unit_amount: 50_000 }],
    valid_until: '2099-12-31',
  });
  return { staff: business, customer, invoice, estimate };
}

describe.each(testStores)('payment links API on $name', (store) => {
  const h = useHarness(store);
  const portal = (token: string) => h.request(`/v1/portal/${token}`);

  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates a customer link whose URL comes from PUBLIC_URL and whose token is stored hashed', async () => {
    const { staff, customer } = await customerWithDocuments(h);
    const created = await staff.post(
      '/v1/payment_links',
      { customer: customer.id },
      { host: 'attacker.example', 'x-forwarded-host': 'attacker.example' },
    );
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      object: 'payment_link',
      kind: 'customer',
      customer: customer.id,
      invoice: null,
      estimate: null,
      status: 'active',
      expires: null,
    });
    expect(created.body.id).toMatch(/^lnk_/);
    expect(created.body.url).toMatch(/^https:\/\/pay\.example\.test\/p\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.body.url);

    const row = await h.db
      .selectFrom('payment_links')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);

    // Staff see the same URL again (kept sealed on purpose), and the customer gets in with it.
    const again = await staff.get(`/v1/payment_links/${created.body.id}`);
    expect(again.body.url).toBe(created.body.url);
    expect((await portal(token)).status).toBe(200);
  });

  it('makes invoice and estimate links for that document and its customer', async () => {
    const { staff, customer, invoice, estimate } = await customerWithDocuments(h);
    const forInvoice = await staff.post('/v1/payment_links', { invoice: invoice.id });
    expect(forInvoice.body).toMatchObject({
      kind: 'invoice',
      customer: customer.id,
      invoice: invoice.id,
      estimate: null,
      expires: null,
    });
    const forEstimate = await staff.post('/v1/payment_links', { estimate: estimate.id });
    expect(forEstimate.body).toMatchObject({
      kind: 'estimate',
      customer: customer.id,
      estimate: estimate.id,
      // The estimate is valid through 2099-12-31 (UTC), so the link works until that day ends.
      expires: '2100-01-01T00:00:00.000Z',
    });
    expect(tokenOf(forInvoice.body.url)).not.toBe(tokenOf(forEstimate.body.url));
  });

  it('asks for exactly one of customer, invoice or estimate', async () => {
    const { staff, customer, invoice } = await customerWithDocuments(h);
    const none = await staff.post('/v1/payment_links', {});
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ type: 'invalid_request_error', param: 'customer' });
    const two = await staff.post('/v1/payment_links', {
      customer: customer.id,
      invoice: invoice.id,
    });
    expect(two.status).toBe(400);
    expect(two.body.error.param).toBe('invoice');
    const badId = await staff.post('/v1/payment_links', { invoice: 'cus_123' });
    expect(badId.body.error).toMatchObject({ param: 'invoice', code: 'parameter_invalid' });
    const list = await staff.get(`/v1/payment_links?customer=${customer.id}`);
    expect(list.body.data).toEqual([]);
  });

  it('refuses links to draft and void invoices', async () => {
    const { staff, customer, invoice } = await customerWithDocuments(h);
    const { body: draft } = await staff.post('/v1/invoices', {
      customer: customer.id,
      lines: [{ description: 'Filter', quantity: 1, unit_amount: 2_000 }],
      draft: true,
    });
    const toDraft = await staff.post('/v1/payment_links', { invoice: draft.id });
    expect(toDraft.status).toBe(409);
    expect(toDraft.body.error).toMatchObject({ code: 'invoice_draft', param: 'invoice' });
    await staff.post(`/v1/invoices/${invoice.id}/void`);
    const toVoid = await staff.post('/v1/payment_links', { invoice: invoice.id });
    expect(toVoid.status).toBe(409);
    expect(toVoid.body.error.code).toBe('invoice_void');
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

  it("lists a customer's links, newest first", async () => {
    const { staff, customer, invoice } = await customerWithDocuments(h);
    const other = await customerWithDocuments(h, staff);
    const { body: first } = await staff.post('/v1/payment_links', { customer: customer.id });
    const { body: second } = await staff.post('/v1/payment_links', { invoice: invoice.id });
    await staff.post('/v1/payment_links', { customer: other.customer.id });
    const list = await staff.get(`/v1/payment_links?customer=${customer.id}`);
    expect(list.body.data.map((link: { id: string }) => link.id)).toEqual([second.id, first.id]);
    expect((await staff.get('/v1/payment_links')).body.data).toHaveLength(3);
    expect(list.body.data[1].url).toBe(first.url);
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

  it("never reaches another business's customers, documents or links", async () => {
    const owner = await customerWithDocuments(h);
    const intruder = await h.business({ name: 'Rival Pools' });
    const { body: link } = await owner.staff.post('/v1/payment_links', {
      customer: owner.customer.id,
    });

    for (const [target, id] of [
      ['customer', owner.customer.id],
      ['invoice', owner.invoice.id],
      ['estimate', owner.estimate.id],
    ] as const) {
      const attempt = await intruder.post('/v1/payment_links', { [target]: id });
      expect(attempt.status).toBe(404);
      expect(attempt.body.error).toMatchObject({ code: 'resource_missing', param: target });
    }
    const attempts = [
      intruder.get(`/v1/payment_links/${link.id}`),
      intruder.get(`/v1/payment_links?customer=${owner.customer.id}`),
      intruder.get(`/v1/payment_links?starting_after=${link.id}`),
      intruder.post(`/v1/payment_links/${link.id}/regenerate`),
      intruder.post(`/v1/payment_links/${link.id}/revoke`),
      intruder.post(`/v1/payment_links/${link.id}/events`, { type: 'copied' }),
      intruder.get(`/v1/payment_links/${link.id}/events`),
    ];
    for (const attempt of await Promise.all(attempts)) {
      expect(attempt.status).toBe(404);
      expect(attempt.body.error.type).toBe('invalid_request_error');
    }
    expect((await intruder.get('/v1/payment_links')).body.data).toEqual([]);

    // Nothing changed for the owner.
    const still = await owner.staff.get(`/v1/payment_links/${link.id}`);
    expect(still.body).toMatchObject({ status: 'active', url: link.url });
    const events = await owner.staff.get(`/v1/payment_links/${link.id}/events`);
    expect(events.body.data).toHaveLength(1);
    expect((await portal(tokenOf(link.url))).status).toBe(200);
  });

  it('opens a sealed URL only with its own secret and for its own link', async () => {
    const { staff, customer, invoice } = await customerWithDocuments(h);
    const { body: first } = await staff.post('/v1/payment_links', { customer: customer.id });
    const { body: second } = await staff.post('/v1/payment_links', { invoice: invoice.id });
    const sealed = await h.db
      .selectFrom('payment_links')
      .select('token_sealed')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    await h.db
      .updateTable('payment_links')
      .set({ token_sealed: sealed.token_sealed })
      .where('id', '=', second.id)
      .execute();
    expect((await staff.get(`/v1/payment_links/${second.id}`)).body.url).toBeNull();

    const elsewhere = createApp({
      db: h.db,
      config: { ...h.config, appSecret: 'another-secret' },
      logger: createLogger('silent'),
    });
    const response = await elsewhere.request(`/v1/payment_links/${first.id}`, {
      headers: { authorization: `Bearer ${staff.apiKey}` },
    });
    expect(await response.json()).toMatchObject({ id: first.id, url: null, status: 'active' });
    // The token itself still works: it is looked up by its hash, not unsealed.
    expect((await portal(tokenOf(first.url))).status).toBe(200);
  });

  it('answers 401 without a key', async () => {
    const response = await h.request('/v1/payment_links', { method: 'POST' });
    expect(response.status).toBe(401);
  });
});
