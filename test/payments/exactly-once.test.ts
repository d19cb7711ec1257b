/**
 * "A payment is recorded once, when the provider says it succeeded, whatever the number of webhook
 * deliveries, retries, tabs or crashes" (design.md, issue 4): each way it could be recorded twice
 * or lost, as a test, on SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { handleProviderEvent } from '../../server/payments/events.ts';
import type { ProviderEvent } from '../../server/payments/provider.ts';
import { paymentProvider } from '../../server/payments/providers.ts';
import { reconcilePayments } from '../../server/payments/reconcile.ts';
import { SandboxProvider } from '../../server/payments/sandbox.ts';
import { readTestCard } from '../../server/payments/sandbox-instruments.ts';
import { testStores } from '../support/databases.ts';
import { balanceOf, DANA, poolBusiness } from '../support/fixtures.ts';
import { type Harness, UNLIMITED, useHarness } from '../support/harness.ts';
import {
  DECLINED,
  dieBeforeAnswering,
  newKey,
  openPortal,
  VISA,
} from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';

/** A customer owing one 100.00 invoice, and a payment of it started through the portal. */
async function startedPayment(h: Harness) {
  const staff = await poolBusiness(h, { convenience_fees: {} });
  const { customer, invoice, link } = await owingCustomer(staff, 10_000, DANA);
  const p = openPortal(h, link);
  const created = await p.create({
    invoices: [{ id: invoice.id, amount: 10_000 }],
    method: 'card',
  });
  expect(created.status).toBe(200);
  const row = await h.db
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', created.body.id)
    .executeTakeFirstOrThrow();
  return { staff, customer, invoice, p, payment: row };
}

/** The provider's side alone: it confirms at its end and its events are kept, not delivered. */
function providerOnly(h: Harness) {
  const events: ProviderEvent[] = [];
  const sandbox = new SandboxProvider(h.db, async (event) => events.push(event), {
    production: false,
  });
  return { sandbox, events };
}

async function postingsOf(h: Harness, paymentId: string) {
  return h.db
    .selectFrom('ledger_entries')
    .select(['kind', 'amount'])
    .where('payment_id', '=', paymentId)
    .execute();
}

describe.each(testStores)('exactly once on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it('records once when the same event is delivered again, even many times at once', async () => {
    const { staff, customer, payment } = await startedPayment(h);
    const { sandbox, events } = providerOnly(h);
    await sandbox.confirm(payment.provider_payment_id!, readTestCard(VISA));
    const [succeeded] = events;
    expect(succeeded?.type).toBe('payment.succeeded');

    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => handleProviderEvent(h.db, succeeded!)),
    );
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(5);
    expect(await handleProviderEvent(h.db, succeeded!)).toBe('duplicate');
    // The same outcome under another event id (Stripe sends one per delivery attempt kind).
    expect(await handleProviderEvent(h.db, { ...succeeded!, id: 'evt_other_delivery' })).toBe(
      'ignored',
    );

    expect(await postingsOf(h, payment.id)).toHaveLength(1);
    expect(await balanceOf(staff, customer.id)).toBe(0);
    // One receipt to the customer, not one per delivery.
    const receipts = await h.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('payment_id', '=', payment.id)
      .where('kind', '=', 'receipt')
      .execute();
    expect(receipts).toHaveLength(1);
  });

  it('ignores a failure that arrives after the success', async () => {
    const { staff, customer, payment } = await startedPayment(h);
    const { sandbox, events } = providerOnly(h);
    await sandbox.confirm(payment.provider_payment_id!, readTestCard(VISA));
    expect(await handleProviderEvent(h.db, events[0]!)).toBe('applied');
    const lateFailure: ProviderEvent = {
      id: 'evt_late_failure',
      provider: 'sandbox',
      type: 'payment.failed',
      providerPaymentId: payment.provider_payment_id!,
      amount: 10_000,
      failure: { code: 'card_declined', message: 'Your card was declined. Try another card.' },
    };
    expect(await handleProviderEvent(h.db, lateFailure)).toBe('ignored');
    const lateAction = {
      ...lateFailure,
      id: 'evt_late_action',
      type: 'payment.requires_action' as const,
    };
    expect(await handleProviderEvent(h.db, lateAction)).toBe('ignored');
    const row = await h.db
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', payment.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'succeeded', failure_code: null });
    expect(await balanceOf(staff, customer.id)).toBe(0);
  });

  it('records a success that follows a failure of the same payment (a retried attempt)', async () => {
    const { staff, customer, payment } = await startedPayment(h);
    const { sandbox, events } = providerOnly(h);
    await sandbox.confirm(payment.provider_payment_id!, readTestCard(DECLINED));
    await sandbox.confirm(payment.provider_payment_id!, readTestCard(VISA));
    const [failed, succeeded] = events;
    expect(failed?.type).toBe('payment.failed');
    // Delivered in order: failed, then succeeded.
    expect(await handleProviderEvent(h.db, failed!)).toBe('applied');
    expect(await balanceOf(staff, customer.id)).toBe(10_000);
    expect(await handleProviderEvent(h.db, succeeded!)).toBe('applied');
    expect(await balanceOf(staff, customer.id)).toBe(0);
    // The first attempt's failure delivered again, late, under another id: still ignored.
    expect(await handleProviderEvent(h.db, { ...failed!, id: 'evt_failure_again' })).toBe(
      'ignored',
    );
    const row = await h.db
      .selectFrom('payments')
      .select(['status', 'receipt_number'])
      .where('id', '=', payment.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('succeeded');
    expect(await postingsOf(h, payment.id)).toHaveLength(1);
  });

  it('charges once when the same payment is confirmed from several tabs at once', async () => {
    const { staff, customer, payment, p } = await startedPayment(h);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => p.confirm(payment.id, { sandbox: VISA })),
    );
    const ok = answers.filter((a) => a.status === 200);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.body.status).toBe('succeeded');
    for (const refused of answers.filter((a) => a.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(['payment_in_progress', 'payment_already_succeeded']).toContain(
        refused.body.error.code,
      );
    }
    expect(await postingsOf(h, payment.id)).toHaveLength(1);
    expect(await balanceOf(staff, customer.id)).toBe(0);
    const book = await h.db
      .selectFrom('sandbox_payments')
      .select('status')
      .where('payment_id', '=', payment.id)
      .execute();
    expect(book).toEqual([{ status: 'succeeded' }]);
  });

  it('makes one payment from a double click (the same Idempotency-Key twice at once)', async () => {
    const staff = await poolBusiness(h);
    const { customer, invoice, link } = await owingCustomer(staff, 7_500);
    const p = openPortal(h, link);
    const key = newKey();
    const body = {
      invoices: [{ id: invoice.id, amount: 7_500 }],
      tip: { percent: 20 },
      method: 'card',
    };
    const answers = await Promise.all(Array.from({ length: 3 }, () => p.create(body, key)));
    for (const a of answers) expect(a.status).toBe(200);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    const rows = await h.db
      .selectFrom('payments')
      .select('id')
      .where('customer_id', '=', customer.id)
      .execute();
    expect(rows).toHaveLength(1);
    const atProvider = await h.db
      .selectFrom('sandbox_payments')
      .select('id')
      .where('payment_id', '=', rows[0]!.id)
      .execute();
    expect(atProvider).toHaveLength(1);
    const paid = await p.confirm(rows[0]!.id, { sandbox: VISA });
    expect(paid.body.status).toBe('succeeded');
    expect(await balanceOf(staff, customer.id)).toBe(0);
  });

  it("records once after a restart between the provider's success and our write (reconciliation)", async () => {
    const { staff, customer, invoice, payment } = await startedPayment(h);
    // Our claim was written, the provider took the money, and the process died before the
    // event reached our books: the event is lost.
    await h.db
      .updateTable('payments')
      .set({ status: 'processing' })
      .where('id', '=', payment.id)
      .execute();
    const { sandbox, events } = providerOnly(h);
    await sandbox.confirm(payment.provider_payment_id!, readTestCard(VISA));
    expect(await balanceOf(staff, customer.id)).toBe(10_000);

    const provider = paymentProvider(h.config, h.db);
    const [first, second] = await Promise.all([
      reconcilePayments(h.db, provider),
      reconcilePayments(h.db, provider),
    ]);
    expect(first.recorded + second.recorded).toBe(1);
    expect((await reconcilePayments(h.db, provider)).recorded).toBe(0);
    // The lost event turns up after all: nothing more.
    expect(await handleProviderEvent(h.db, events[0]!)).toBe('ignored');

    expect(await postingsOf(h, payment.id)).toHaveLength(1);
    expect(await balanceOf(staff, customer.id)).toBe(0);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('paid');
    expect((await staff.get(`/v1/payments/${payment.id}`)).body).toMatchObject({
      status: 'succeeded',
      receipt_number: expect.stringMatching(/^R-\d{6}$/),
    });
  });

  it('records a payment whose event was lost when the customer asks for its status', async () => {
    const { staff, customer, payment, p } = await startedPayment(h);
    const { sandbox } = providerOnly(h);
    await sandbox.confirm(payment.provider_payment_id!, readTestCard(VISA));
    const [first, second] = await Promise.all([p.payment(payment.id), p.payment(payment.id)]);
    expect(first.body.status).toBe('succeeded');
    expect(second.body.status).toBe('succeeded');
    expect(await postingsOf(h, payment.id)).toHaveLength(1);
    expect(await balanceOf(staff, customer.id)).toBe(0);
  });

  it('resumes the same payment when a request died after writing it (a retry with the same key)', async () => {
    const staff = await poolBusiness(h);
    const { customer, invoice, link } = await owingCustomer(staff, 4_000);
    const p = openPortal(h, link);
    const key = newKey();
    const body = { invoices: [{ id: invoice.id, amount: 4_000 }], method: 'card' };
    const first = await p.create(body, key);
    await dieBeforeAnswering(h, key);
    const retried = await p.create(body, key);
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(first.body.id);
    expect(
      await h.db
        .selectFrom('payments')
        .select('id')
        .where('customer_id', '=', customer.id)
        .execute(),
    ).toHaveLength(1);
    expect(
      await h.db
        .selectFrom('sandbox_payments')
        .select('id')
        .where('payment_id', '=', first.body.id)
        .execute(),
    ).toHaveLength(1);
  });
});
