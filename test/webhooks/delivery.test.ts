/**
 * Delivery: retried after a failure, caught up after the receiver was down, one object's events
 * in order, resent on request, and an endpoint failing for days disabled with staff emailed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../server/webhooks/schedule.ts';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createInvoice,
  createPaymentLink,
  DANA,
  poolService,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { deliverAll, HOUR, LOCAL_CONFIG, listenWith } from './support.ts';

describe.each(testStores)('webhook delivery on $name', (store) => {
  const h = useHarness(store, { ...UNLIMITED, ...LOCAL_CONFIG });
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  async function freshReceiver(staff: Parameters<typeof listenWith>[0], events?: string[]) {
    receiver.received.length = 0;
    receiver.script = [];
    return listenWith(staff, receiver, events);
  }

  it('answers 500, then 200: retried a minute later with the same id, each attempt kept', async () => {
    const staff = await h.business();
    await freshReceiver(staff, ['invoice.created']);
    receiver.script = [500];
    const dana = await createCustomer(staff);
    const invoice = await createInvoice(staff, dana.id, { lines: [poolService] });

    expect(await deliverAll(h.db)).toMatchObject({ delivered: 0, retrying: 1 });
    // Not due again yet.
    expect(await deliverAll(h.db)).toMatchObject({ delivered: 0, retrying: 0 });
    const later = new Date(Date.now() + retryDelayMs(1)! + 1000);
    expect(await deliverAll(h.db, later)).toMatchObject({ delivered: 1 });

    expect(receiver.received.map((r) => r.event?.data.object.id)).toEqual([invoice.id, invoice.id]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
    const [event] = (await staff.get('/v1/events?type=invoice.created')).body.data;
    const detail = (await staff.get(`/v1/events/${event.id}`)).body;
    expect(detail.deliveries).toHaveLength(1);
    expect(detail.deliveries[0]).toMatchObject({ state: 'delivered', resend: false });
    expect(detail.deliveries[0].attempts).toMatchObject([
      { status_code: 500, response_excerpt: 'not now', error: null },
      { status_code: 200, response_excerpt: 'ok', error: null },
    ]);
  });

  it('gets a payment made while the receiver was down once it is back', async () => {
    const staff = await h.business();
    await freshReceiver(staff, ['payment.succeeded']);
    const dana = await createCustomer(staff, DANA);
    const invoice = await createInvoice(staff, dana.id, { lines: [poolService] });
    await receiver.close();
    try {
      const customer = openPortal(h, await createPaymentLink(staff, { invoice: invoice.id }));
      const paid = await customer.pay({
        invoices: [{ id: invoice.id, amount: invoice.amount_due }],
        method: 'card',
      });
      // The payment did not wait for the receiver.
      expect(paid.body.status).toBe('succeeded');
      expect(await deliverAll(h.db)).toMatchObject({ delivered: 0, retrying: 1 });
      const [event] = (await staff.get('/v1/events?type=payment.succeeded')).body.data;
      const attempt = (await staff.get(`/v1/events/${event.id}`)).body.deliveries[0].attempts[0];
      expect(attempt).toMatchObject({
        status_code: null,
        error: expect.stringMatching(/ECONNREFUSED/),
      });
    } finally {
      await receiver.reopen();
    }
    const later = new Date(Date.now() + retryDelayMs(1)! + 1000);
    expect(await deliverAll(h.db, later)).toMatchObject({ delivered: 1 });
    expect(receiver.events().map((e) => e.type)).toEqual(['payment.succeeded']);
  });

  it("holds an object's later events until its earlier one is through", async () => {
    const staff = await h.business();
    await freshReceiver(staff, ['invoice.created', 'invoice.voided']);
    receiver.script = [503];
    const dana = await createCustomer(staff);
    const invoice = await createInvoice(staff, dana.id, { lines: [poolService] });
    expect((await staff.post(`/v1/invoices/${invoice.id}/void`)).status).toBe(200);

    await deliverAll(h.db);
    // invoice.voided waited behind the failed invoice.created.
    expect(receiver.received.map((r) => r.type)).toEqual(['invoice.created']);
    await deliverAll(h.db, new Date(Date.now() + retryDelayMs(1)! + 1000));
    expect(receiver.received.map((r) => r.type)).toEqual([
      'invoice.created',
      'invoice.created',
      'invoice.voided',
    ]);
  });

  it('resends an event on request, with the same webhook-id', async () => {
    const staff = await h.business();
    const endpoint = await freshReceiver(staff, ['invoice.created']);
    const dana = await createCustomer(staff);
    await createInvoice(staff, dana.id, { lines: [poolService] });
    await deliverAll(h.db);
    const [event] = (await staff.get('/v1/events')).body.data;
    const resent = await staff.post(`/v1/events/${event.id}/resend`, { endpoint: endpoint.id });
    expect(resent.status).toBe(200);
    expect(resent.body.deliveries.map((d: { resend: boolean }) => d.resend)).toEqual([false, true]);
    await deliverAll(h.db);
    expect(receiver.received.map((r) => r.id)).toEqual([event.id, event.id]);

    const elsewhere = await h.business({ name: 'Other' });
    expect((await elsewhere.post(`/v1/events/${event.id}/resend`)).status).toBe(404);
    await staff.patch(`/v1/webhook_endpoints/${endpoint.id}`, { enabled: false });
    const nowhere = await staff.post(`/v1/events/${event.id}/resend`);
    expect(nowhere.status).toBe(409);
    expect(nowhere.body.error).toMatchObject({ code: 'no_endpoint' });
  });

  it('disables an endpoint that failed for days and emails staff; enabling it resumes', async () => {
    const staff = await h.business();
    await staff.patch('/v1/settings', { notification_email: 'office@acme.test' });
    const endpoint = await freshReceiver(staff, ['invoice.created']);
    receiver.script = Array(20).fill(500);
    const dana = await createCustomer(staff);
    await createInvoice(staff, dana.id, { lines: [poolService] });

    let at = Date.now();
    await deliverAll(h.db, new Date(at));
    for (let attempt = 1; retryDelayMs(attempt) !== null; attempt += 1) {
      at += retryDelayMs(attempt)! + 1000;
      await deliverAll(h.db, new Date(at));
    }
    expect(receiver.received).toHaveLength(11);
    expect((at - Date.now()) / HOUR).toBeGreaterThan(60);
    const read = (await staff.get(`/v1/webhook_endpoints/${endpoint.id}`)).body;
    expect(read).toMatchObject({
      enabled: false,
      disabled_reason: expect.stringMatching(/failed/),
    });
    const mail = (await staff.get('/v1/outbox?kind=webhook_disabled')).body.data;
    expect(mail).toMatchObject([
      { to: 'office@acme.test', subject: expect.stringContaining(receiver.url) },
    ]);
    const [event] = (await staff.get('/v1/events')).body.data;
    expect((await staff.get(`/v1/events/${event.id}`)).body.deliveries[0].state).toBe('failed');

    const enabled = await staff.patch(`/v1/webhook_endpoints/${endpoint.id}`, { enabled: true });
    expect(enabled.body).toMatchObject({
      enabled: true,
      disabled_reason: null,
      failing_since: null,
    });
  });
});
