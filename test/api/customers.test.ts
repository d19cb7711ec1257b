import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, createPaymentLink } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';

describe.each(testStores)('customers API on $name', (store) => {
  const h = useHarness(store);

  it('creates, reads, updates and lists customers', async () => {
    const staff = await h.business();
    const created = await staff.post('/v1/customers', {
      name: 'Dana Diaz',
      email: 'dana@example.com',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      object: 'customer',
      name: 'Dana Diaz',
      email: 'dana@example.com',
    });
    expect(created.body.id).toMatch(/^cus_/);

    const updated = await staff.patch(`/v1/customers/${created.body.id}`, {
      phone: '+1 555 010 2000',
    });
    expect(updated.body).toMatchObject({ name: 'Dana Diaz', phone: '+1 555 010 2000' });

    await staff.post('/v1/customers', { name: 'Eli Evans' });
    const list = await staff.get('/v1/customers?limit=1');
    expect(list.body).toMatchObject({ object: 'list', has_more: true });
    expect(list.body.data[0].name).toBe('Eli Evans');
    const next = await staff.get(`/v1/customers?limit=1&starting_after=${list.body.data[0].id}`);
    expect(next.body.data[0].name).toBe('Dana Diaz');
  });

  it('derives the balance and its state from charges and credits', async () => {
    const staff = await h.business();
    const customer = await createCustomer(staff, { name: 'Finn' });
    const balance = () => staff.get(`/v1/customers/${customer.id}/balance`).then((a) => a.body);
    expect(await balance()).toMatchObject({ amount: 0, state: 'zero', currency: 'usd' });

    const charge = await staff.post(`/v1/customers/${customer.id}/charges`, {
      amount: 10_000,
      tax: 825,
      description: 'Pool cleaning',
    });
    expect(charge.body).toMatchObject({ object: 'charge', amount: 10_000, tax: 825 });
    expect(await balance()).toMatchObject({ amount: 10_825, state: 'outstanding' });

    await staff.post(`/v1/customers/${customer.id}/credits`, {
      amount: 12_075,
      description: 'Goodwill',
    });
    expect(await balance()).toMatchObject({ amount: -1_250, state: 'credit' });
  });

  it('refuses bad input with the error shape and changes nothing', async () => {
    const staff = await h.business();
    const customer = await createCustomer(staff, { name: 'Gale' });
    const bad = await staff.post(`/v1/customers/${customer.id}/charges`, {
      amount: 12.5,
      description: 'Half a cent',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ type: 'invalid_request_error', param: 'amount' });
    const missing = await staff.post('/v1/customers', {});
    expect(missing.body.error).toMatchObject({ code: 'parameter_missing', param: 'name' });
    const wrong = await staff.post('/v1/customers', { name: 42 });
    expect(wrong.body.error).toMatchObject({ code: 'parameter_invalid', param: 'name' });
    // A missing choice is missing too, not merely "not one of the options".
    const link = await createPaymentLink(staff, { customer: customer.id });
    const noType = await staff.post(`/v1/payment_links/${link.id}/events`, {});
    expect(noType.body.error).toMatchObject({ code: 'parameter_missing', param: 'type' });
    const badType = await staff.post(`/v1/payment_links/${link.id}/events`, { type: 'viewed' });
    expect(badType.body.error).toMatchObject({ code: 'parameter_invalid', param: 'type' });
    const notJson = await h.request('/v1/customers', {
      method: 'POST',
      headers: { authorization: `Bearer ${staff.apiKey}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.type).toBe('invalid_request_error');
    const notDeclared = await h.request('/v1/customers', {
      method: 'POST',
      headers: { authorization: `Bearer ${staff.apiKey}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ name: 'Plain text' }),
    });
    expect(notDeclared.status).toBe(415);
    expect((await notDeclared.json()).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'content_type_invalid',
    });
    expect((await staff.get('/v1/customers?limit=100')).body.data).toHaveLength(1);
    expect((await staff.get(`/v1/customers/${customer.id}/balance`)).body.amount).toBe(0);
  });

  it('adds a charge to an open invoice as a line, and refuses a draft', async () => {
    const staff = await h.business();
    const customer = await createCustomer(staff, { name: 'Hal' });
    const line = { description: 'Filter', quantity: 1, unit_amount: 2_000, tax_rate: 0 };
    const open = await createInvoice(staff, customer.id, { lines: [line] });
    const added = await staff.post(`/v1/customers/${customer.id}/charges`, {
      amount: 500,
      tax: 40,
      description: 'Extra visit',
      invoice: open.id,
    });
    expect(added.status).toBe(200);
    const invoice = (await staff.get(`/v1/invoices/${open.id}`)).body;
    expect(invoice).toMatchObject({ total: 2_540, amount_due: 2_540 });
    expect(invoice.lines).toHaveLength(2);

    const draft = await createInvoice(staff, customer.id, { lines: [line], draft: true });
    const refused = await staff.post(`/v1/customers/${customer.id}/charges`, {
      amount: 500,
      description: 'Would count twice',
      invoice: draft.id,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'invoice_not_open', param: 'invoice' });
    expect((await staff.get(`/v1/customers/${customer.id}/balance`)).body.amount).toBe(2_540);
  });

  it('answers 401 without a valid key', async () => {
    const response = await h.request('/v1/customers');
    expect(response.status).toBe(401);
    expect((await response.json()).error.type).toBe('authentication_error');
  });
});
