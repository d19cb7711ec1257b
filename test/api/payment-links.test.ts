/** Making payment links: URL and hashed token, targets, lists, and who may reach them. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/http/logger.ts';
import { testStores } from '../support/databases.ts';
import { tokenOf } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { linkCalls } from '../support/portal-client.ts';
import { customerWithDocuments } from '../support/scenarios.ts';

describe.each(testStores)('payment links API on $name', (store) => {
  const h = useHarness(store);
  const { portal } = linkCalls(h);

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

  it("lists a customer's links, newest first", async () => {
    const { staff, customer, invoice } = await customerWithDocuments(h);
    const other = await customerWithDocuments(h, staff);
    const { body: first } = await staff.post('/v1/payment_links', { customer: customer.id });
    // "Newest" is by creation time, kept to the millisecond: two links made within one (the
    // server makes one in well under a millisecond now) have no order but their random ids'.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const { body: second } = await staff.post('/v1/payment_links', { invoice: invoice.id });
    await staff.post('/v1/payment_links', { customer: other.customer.id });
    const list = await staff.get(`/v1/payment_links?customer=${customer.id}`);
    expect(list.body.data.map((link: { id: string }) => link.id)).toEqual([second.id, first.id]);
    expect((await staff.get('/v1/payment_links')).body.data).toHaveLength(3);
    expect(list.body.data[1].url).toBe(first.url);
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
    // "Newest" is by creation time, kept to the millisecond: two links made within one (the
    // server makes one in well under a millisecond now) have no order but their random ids'.
    await new Promise((resolve) => setTimeout(resolve, 2));
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
