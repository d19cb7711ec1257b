/**
 * The sandbox provider: the embedded default, so the product runs with no keys. It keeps its own
 * book (the `sandbox_*` tables), as an outside provider would, and tells its outcomes through the
 * same path as Stripe's webhooks: a ProviderEvent handed to the sink (handleProviderEvent). So a
 * crash between its "succeeded" and our write is mended by reconciliation, as with Stripe.
 *
 * Its book is read in sandbox-book.ts, its saved cards kept in sandbox-cards.ts. Its test form takes
 * Stripe's test cards and bank accounts (sandbox-instruments.ts). Refused in
 * production: see assertSandboxAllowed().
 */
import type { Db } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import type { SandboxPaymentTable } from '../db/schema.ts';
import { conflict } from '../http/errors.ts';
import type {
  CreatedPayment,
  CreatePaymentInput,
  PaymentProvider,
  ProviderEvent,
  ProviderEventSink,
  ProviderPaymentState,
  RefundInput,
  SavedMethod,
} from './provider.ts';
import { sandboxPayment, sandboxPaymentByKey, stateOf } from './sandbox-book.ts';
import { detachSavedCard, listSavedCards, saveCard, savedInstrument } from './sandbox-cards.ts';
import { FAILURES, type SandboxInstrument } from './sandbox-instruments.ts';

/** The sandbox is for trying things out: a production server must take real money or none. */
export function assertSandboxAllowed(config: { production: boolean }): void {
  if (config.production) {
    throw new Error(
      'The sandbox payment provider is refused when NODE_ENV=production: set PAYMENT_PROVIDER=stripe with your Stripe keys.',
    );
  }
}

export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox' as const;

  constructor(
    private readonly db: Db,
    private readonly emit: ProviderEventSink,
    config: { production: boolean },
  ) {
    assertSandboxAllowed(config);
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    const existing = await sandboxPaymentByKey(this.db, input.idempotencyKey);
    const customerRef = input.customer.providerCustomerId ?? `sbxcus_${input.customer.id}`;
    if (existing)
      return {
        providerPaymentId: existing.id,
        clientSecret: null,
        status: 'requires_confirmation',
        providerCustomerId: customerRef,
      };
    const at = now();
    const row: SandboxPaymentTable = {
      id: newId('sbx'),
      idempotency_key: input.idempotencyKey,
      payment_id: input.paymentId,
      customer_ref: customerRef,
      amount: input.amount,
      amount_refunded: 0,
      currency: input.currency,
      status: 'requires_confirmation',
      save_payment_method: input.savePaymentMethod ? 1 : 0,
      // The sandbox never takes PayPal (the registry sends it to the PayPal provider).
      method: input.method === 'paypal' ? null : input.method,
      funding: null,
      brand: null,
      last4: null,
      exp_month: null,
      exp_year: null,
      payment_method_id: input.savedPaymentMethodId,
      failure_code: null,
      failure_message: null,
      created_at: at,
      updated_at: at,
    };
    await this.db
      .insertInto('sandbox_payments')
      .values(row)
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .execute();
    const stored = (await sandboxPaymentByKey(this.db, input.idempotencyKey))!;
    return {
      providerPaymentId: stored.id,
      clientSecret: null,
      status: 'requires_confirmation',
      providerCustomerId: customerRef,
    };
  }

  async updateAmount(providerPaymentId: string, amount: number, _key?: string): Promise<number> {
    const result = await this.db
      .updateTable('sandbox_payments')
      .set({ amount, updated_at: now() })
      .where('id', '=', providerPaymentId)
      .where('status', 'in', ['requires_confirmation', 'failed'])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw conflict('payment_not_updatable', 'The amount of this payment can no longer change.');
    }
    return amount;
  }

  /** As Stripe cancels a PaymentIntent: only one not taken yet; again is fine. */
  async cancel(providerPaymentId: string, _key?: string): Promise<void> {
    const result = await this.db
      .updateTable('sandbox_payments')
      .set({ status: 'canceled', updated_at: now() })
      .where('id', '=', providerPaymentId)
      .where('status', 'in', ['requires_confirmation', 'requires_action', 'failed'])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return;
    const row = await sandboxPayment(this.db, providerPaymentId);
    if (row.status === 'canceled') return;
    throw conflict(
      'payment_not_cancelable',
      `This payment is ${row.status} and can no longer be canceled.`,
    );
  }

  async retrieve(providerPaymentId: string): Promise<ProviderPaymentState> {
    return stateOf(await sandboxPayment(this.db, providerPaymentId));
  }

  /**
   * The customer submitted the test form. The sandbox decides as Stripe would for that test
   * card or account, writes its book, then tells the outcome through the sink.
   */
  async confirm(
    providerPaymentId: string,
    instrument: SandboxInstrument,
  ): Promise<ProviderPaymentState> {
    const row = await sandboxPayment(this.db, providerPaymentId);
    if (row.status !== 'requires_confirmation' && row.status !== 'failed') {
      throw conflict('payment_not_confirmable', `This payment is ${row.status} at the provider.`);
    }
    const outcome = instrument.outcome;
    let paymentMethodId: string | null = row.payment_method_id;
    if (instrument.method === 'card' && row.save_payment_method && outcome.kind !== 'fail') {
      paymentMethodId = await saveCard(this.db, row.customer_ref, instrument);
    }
    const status =
      outcome.kind === 'succeed'
        ? 'succeeded'
        : outcome.kind === 'fail'
          ? 'failed'
          : 'requires_action';
    await this.db
      .updateTable('sandbox_payments')
      .set({
        status,
        method: instrument.method,
        funding: instrument.method === 'card' ? instrument.funding : null,
        brand: instrument.method === 'card' ? instrument.brand : null,
        last4: instrument.last4,
        exp_month: instrument.method === 'card' ? instrument.expMonth : null,
        exp_year: instrument.method === 'card' ? instrument.expYear : null,
        payment_method_id: paymentMethodId,
        failure_code: outcome.kind === 'fail' ? outcome.failure.code : null,
        failure_message: outcome.kind === 'fail' ? outcome.failure.message : null,
        updated_at: now(),
      })
      .where('id', '=', row.id)
      .where('status', 'in', ['requires_confirmation', 'failed'])
      .executeTakeFirst()
      .then((result) => {
        // Two confirmations at once: the provider takes one.
        if (Number(result.numUpdatedRows) === 0) {
          throw conflict('payment_not_confirmable', 'This payment is already being confirmed.');
        }
      });
    return this.tell(row.id);
  }

  /** The customer's answer to the 3-D Secure step. */
  async completeAction(
    providerPaymentId: string,
    decision: 'approve' | 'fail',
  ): Promise<ProviderPaymentState> {
    const row = await sandboxPayment(this.db, providerPaymentId);
    if (row.status !== 'requires_action') {
      throw conflict(
        'payment_not_awaiting_action',
        `This payment is ${row.status} at the provider.`,
      );
    }
    const failure = FAILURES.authentication_failed;
    await this.db
      .updateTable('sandbox_payments')
      .set({
        status: decision === 'approve' ? 'succeeded' : 'failed',
        failure_code: decision === 'approve' ? null : failure.code,
        failure_message: decision === 'approve' ? null : failure.message,
        updated_at: now(),
      })
      .where('id', '=', row.id)
      .where('status', '=', 'requires_action')
      .execute();
    return this.tell(row.id);
  }

  /** A saved card of the customer's, as a test-form instrument, to pay with again. */
  savedInstrument(providerPaymentMethodId: string): Promise<SandboxInstrument | null> {
    return savedInstrument(this.db, providerPaymentMethodId);
  }

  listSavedMethods(providerCustomerId: string): Promise<SavedMethod[]> {
    return listSavedCards(this.db, providerCustomerId);
  }

  detachSavedMethod(providerPaymentMethodId: string): Promise<void> {
    return detachSavedCard(this.db, providerPaymentMethodId);
  }

  async refund(input: RefundInput) {
    const existing = await this.db
      .selectFrom('sandbox_refunds')
      .selectAll()
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (existing) return { providerRefundId: existing.id, status: 'succeeded' as const };
    const row = await sandboxPayment(this.db, input.providerPaymentId);
    if (
      row.status !== 'succeeded' ||
      input.amount > Number(row.amount) - Number(row.amount_refunded)
    ) {
      throw conflict('refund_refused', 'The sandbox cannot refund that much of this payment.');
    }
    const id = newId('sbx');
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sandbox_refunds')
        .values({
          id,
          idempotency_key: input.idempotencyKey,
          sandbox_payment_id: row.id,
          amount: input.amount,
          created_at: now(),
        })
        .execute();
      await trx
        .updateTable('sandbox_payments')
        .set({ amount_refunded: Number(row.amount_refunded) + input.amount, updated_at: now() })
        .where('id', '=', row.id)
        .execute();
    });
    await this.emit({
      id: newId('evt'),
      provider: 'sandbox',
      type: 'refund.succeeded',
      providerPaymentId: row.id,
      paymentId: row.payment_id,
      amount: input.amount,
      providerRefundId: id,
      refundId: input.refundId,
    });
    return { providerRefundId: id, status: 'succeeded' as const };
  }

  /** Reads the book again and tells the outcome, as Stripe sends a webhook. */
  private async tell(providerPaymentId: string): Promise<ProviderPaymentState> {
    const row = await sandboxPayment(this.db, providerPaymentId);
    const state = stateOf(row);
    const type =
      state.status === 'succeeded'
        ? 'payment.succeeded'
        : state.status === 'failed'
          ? 'payment.failed'
          : 'payment.requires_action';
    const event: ProviderEvent = {
      id: newId('evt'),
      provider: 'sandbox',
      type,
      providerPaymentId: row.id,
      paymentId: row.payment_id,
      amount: Number(row.amount),
      details: state.details,
      failure: state.failure,
    };
    await this.emit(event);
    return state;
  }
}
