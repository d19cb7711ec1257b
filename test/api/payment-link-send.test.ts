import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createCustomer, createPaymentLink, linkEvents } from '../support/fixtures.ts';
import { type StaffClient, useHarness } from '../support/harness.ts';
import { billedCustomer } from '../support/scenarios.ts';

describe.each(testStores)('sending a payment link by email on $name', (store) => {
  const h = useHarness(store);

  const outbox = async (staff: StaffClient) =>
    (await staff.get('/v1/outbox?kind=link')).body.data as {
      id: string;
      to: string;
      subject: string;
    }[];

  it('queues an email with the link in the outbox and records "sent" by email', async () => {
    const { staff, link } = await billedCustomer(h, {
      branding: { email: 'billing@bluelagoon.example' },
    });
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      object: 'link_event',
      type: 'sent',
      channel: 'email',
      detail: { to: 'dana@example.com', message: expect.stringMatching(/^msg_/) },
    });
    const messages = await outbox(staff);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      id: sent.body.detail.message,
      to: 'dana@example.com',
      reply_to: 'billing@bluelagoon.example',
      subject: 'Your account with Blue Lagoon Pools',
      state: 'pending',
    });
    const detail = (await staff.get(`/v1/outbox/${messages[0]!.id}`)).body;
    expect(detail.text).toContain(link.url);
    expect(detail.text).toContain('Hello Dana Diaz,');
    expect(detail.html).toContain(`href="${link.url}"`);

    const { body: events } = await staff.get(`/v1/payment_links/${link.id}/events`);
    expect(
      events.data.map((e: { type: string; channel: string | null }) => [e.type, e.channel]),
    ).toEqual([
      ['created', null],
      ['sent', 'email'],
    ]);
  });

  it('sends to another address when staff give one', async () => {
    const { staff, link } = await billedCustomer(h);
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, {
      to: 'accounts@diaz.example',
    });
    expect(sent.body.detail.to).toBe('accounts@diaz.example');
    expect((await outbox(staff))[0]!.to).toBe('accounts@diaz.example');
  });

  it('names the invoice, in the business language', async () => {
    const { staff, invoice } = await billedCustomer(h, { locale: 'es-MX' });
    const link = await createPaymentLink(staff, { invoice: invoice.id });
    await staff.post(`/v1/payment_links/${link.id}/send`, {});
    const [message] = await outbox(staff);
    expect(message!.subject).toBe(`Factura ${invoice.number} de Blue Lagoon Pools`);
  });

  it('refuses a customer without email, and queues and records nothing', async () => {
    const { staff } = await billedCustomer(h);
    const customer = await createCustomer(staff, { name: 'No Mail' });
    const link = await createPaymentLink(staff, { customer: customer.id });
    const refused = await staff.post(`/v1/payment_links/${link.id}/send`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'customer_email_missing', param: 'to' });
    expect(await outbox(staff)).toEqual([]);
    expect(await linkEvents(staff, link.id)).toEqual(['created']);
  });

  it('refuses a revoked link', async () => {
    const { staff, link } = await billedCustomer(h);
    await staff.post(`/v1/payment_links/${link.id}/revoke`);
    const refused = await staff.post(`/v1/payment_links/${link.id}/send`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('link_revoked');
    expect(await outbox(staff)).toEqual([]);
  });

  it('refuses channels it does not know and addresses that are not emails', async () => {
    const { staff, link } = await billedCustomer(h);
    const fax = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'fax' });
    expect(fax.status).toBe(400);
    expect(fax.body.error.param).toBe('channel');
    const bad = await staff.post(`/v1/payment_links/${link.id}/send`, { to: 'not an email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('to');
    expect(await outbox(staff)).toEqual([]);
  });

  it("cannot send another business's link", async () => {
    const { link } = await billedCustomer(h);
    const other = await h.business({ name: 'Other' });
    const refused = await other.post(`/v1/payment_links/${link.id}/send`, {});
    expect(refused.status).toBe(404);
    expect((await other.get('/v1/outbox')).body.data).toEqual([]);
  });
});
