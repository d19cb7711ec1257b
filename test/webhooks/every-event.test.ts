/**
 * Every event type reaches a business's receiver once per change, signed so that the
 * `standardwebhooks` library verifies it with the endpoint's secret, carrying the object as the
 * staff API shows it; a change that is refused tells nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitCustomerSmsOptOut } from '../../server/businesses/customer-events.ts';
import { EVENT_TYPES } from '../../server/events/catalog.ts';
import { handleProviderEvent } from '../../server/payments/events.ts';
import { announceOverdueInvoices } from '../../server/webhooks/overdue.ts';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
  DANA,
  daysFromToday,
  poolService,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { DECLINED, openPortal } from '../support/portal-client.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { deliverAll, LOCAL_CONFIG, listenWith } from './support.ts';

describe.each(testStores)('every event, once per change, on $name', (store) => {
  const h = useHarness(store, { ...UNLIMITED, ...LOCAL_CONFIG });
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it('tells a verifying receiver of each change, in order per object', async () => {
    const staff = await h.business();
    await listenWith(staff, receiver);
    const dana = await createCustomer(staff, DANA);

    // An invoice due yesterday: created, sent, viewed, a declined card, paid, refunded, disputed.
    const invoice = await createInvoice(staff, dana.id, {
      lines: [poolService],
      due_date: daysFromToday(-1),
    });
    const link = await createPaymentLink(staff, { invoice: invoice.id });
    expect((await staff.post(`/v1/payment_links/${link.id}/send`, {})).status).toBe(200);
    const customer = openPortal(h, link);
    expect((await customer.view()).status).toBe(204);
    const choice = { invoices: [{ id: invoice.id, amount: invoice.amount_due }], method: 'card' };
    expect((await customer.pay(choice, DECLINED)).body.status).toBe('failed');
    const paid = await customer.pay(choice);
    expect(paid.body.status).toBe('succeeded');
    const refund = await staff.post(`/v1/payments/${paid.body.id}/refunds`, { amount: 1000 });
    expect(refund.status).toBe(200);
    const provider = (
      await h.db
        .selectFrom('payments')
        .select('provider_payment_id')
        .where('id', '=', paid.body.id)
        .executeTakeFirstOrThrow()
    ).provider_payment_id!;
    const dispute = {
      id: 'evt_dispute_1',
      provider: 'sandbox' as const,
      type: 'dispute.created' as const,
      providerPaymentId: provider,
      amount: 1000,
      dispute: { id: 'dp_1', reason: 'fraudulent', status: 'needs_response' },
    };
    expect(await handleProviderEvent(h.db, dispute)).toBe('applied');

    // Overdue is told once, however often the sweep runs.
    expect(await announceOverdueInvoices(h.db)).toBe(1);
    expect(await announceOverdueInvoices(h.db)).toBe(0);

    // Another invoice, voided; then a void refused (already void) tells nothing.
    const second = await createInvoice(staff, dana.id, { lines: [poolService] });
    expect((await staff.post(`/v1/invoices/${second.id}/void`)).status).toBe(200);
    const before = (await staff.get('/v1/events?limit=100')).body.data.length;
    expect((await staff.post(`/v1/invoices/${second.id}/void`)).status).toBe(409);
    expect((await staff.get('/v1/events?limit=100')).body.data.length).toBe(before);

    // Estimates: viewed (twice, told once), a question, approved; another declined.
    const estimate = await createEstimate(staff, dana.id);
    const estimateLink = openPortal(h, await createPaymentLink(staff, { estimate: estimate.id }));
    await estimateLink.view();
    await estimateLink.view();
    expect((await estimateLink.ask(estimate.id, 'Does it include the steps?')).status).toBe(200);
    const signature = { type: 'typed', name: 'Dana Diaz' };
    expect((await estimateLink.approve(estimate.id, signature)).status).toBe(200);
    const other = await createEstimate(staff, dana.id);
    const otherLink = openPortal(h, await createPaymentLink(staff, { estimate: other.id }));
    expect((await otherLink.decline(other.id, 'Too dear')).status).toBe(200);

    // Account credit, and the SMS opt-out the texting work calls.
    expect(
      (
        await staff.post(`/v1/customers/${dana.id}/credits`, {
          amount: 50_000,
          description: 'Goodwill',
        })
      ).status,
    ).toBe(200);
    const row = await h.db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', dana.id)
      .executeTakeFirstOrThrow();
    await h.db.transaction().execute((trx) => emitCustomerSmsOptOut(trx, row, '+15555550123'));

    const result = await deliverAll(h.db);
    expect(result).toMatchObject({ retrying: 0, failed: 0 });

    // Every delivery verified, each event once, and every event written was delivered.
    expect(receiver.received.every((r) => r.event !== null)).toBe(true);
    const ids = receiver.received.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const written = (await staff.get('/v1/events?limit=100')).body.data as { id: string }[];
    expect(new Set(ids)).toEqual(new Set(written.map((e) => e.id)));
    expect(new Set(receiver.events().map((e) => e.type))).toEqual(new Set(EVENT_TYPES));

    const told = (type: string, id: string) =>
      receiver.events().filter((e) => e.type === type && e.data.object.id === id).length;
    expect(told('invoice.created', invoice.id)).toBe(1);
    expect(told('invoice.sent', invoice.id)).toBe(1);
    expect(told('invoice.viewed', invoice.id)).toBe(1);
    // Paid, reopened by the refund, paid again by the credit: two changes, two events.
    expect(told('invoice.paid', invoice.id)).toBe(2);
    expect(told('invoice.overdue', invoice.id)).toBe(1);
    expect(told('invoice.voided', second.id)).toBe(1);
    expect(told('payment.succeeded', paid.body.id)).toBe(1);
    expect(told('payment.refunded', paid.body.id)).toBe(1);
    expect(told('payment.disputed', paid.body.id)).toBe(1);
    expect(told('estimate.viewed', estimate.id)).toBe(1);
    expect(told('estimate.question', estimate.id)).toBe(1);
    expect(told('estimate.approved', estimate.id)).toBe(1);
    expect(told('estimate.declined', other.id)).toBe(1);
    expect(receiver.events().filter((e) => e.type === 'payment.failed')).toHaveLength(1);
    expect(receiver.events().filter((e) => e.type === 'link.viewed')).toHaveLength(3);

    // The object is the staff API's own view of it.
    const paidEvent = receiver.events().findLast((e) => e.type === 'invoice.paid')!;
    expect(paidEvent.data.object).toMatchObject({
      object: 'invoice',
      id: invoice.id,
      status: 'paid',
      amount_due: 0,
    });
    const payment = receiver.events().find((e) => e.type === 'payment.refunded')!;
    const staffView = (await staff.get(`/v1/payments/${paid.body.id}`)).body;
    expect(payment.data.object).toMatchObject({
      id: staffView.id,
      amount: staffView.amount,
      amount_refunded: 1000,
    });
    expect(payment.data).toMatchObject({ refund: { amount: 1000, status: 'succeeded' } });
    const credit = receiver
      .events()
      .filter((e) => e.type === 'customer.credit_changed')
      .at(-1)!;
    expect(credit.data).toMatchObject({ object: { object: 'balance', customer: dana.id } });

    // One invoice's events arrive in the order they happened.
    const invoiceOrder = receiver
      .events()
      .filter((e) => e.data.object.id === invoice.id)
      .map((e) => e.type);
    expect(invoiceOrder).toEqual([
      'invoice.created',
      'invoice.sent',
      'invoice.viewed',
      'invoice.paid',
      'invoice.overdue',
      'invoice.paid',
    ]);
  });
});
