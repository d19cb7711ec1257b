/**
 * A Square business's customer paying by card, through the portal API and the real `square` SDK
 * against the Square stand-in: a full payment with a tip and the credit-card fee, a debit card
 * that drops the fee before anything is charged (Square's authorization is voided), a decline,
 * a partial payment, a saved card, and the ledger equal to what Square captured.
 */
import { describe, expect, it } from 'vitest';
import { listSavedPaymentMethods } from '../../server/payments/saved-methods.ts';
import { testStores } from '../support/databases.ts';
import { balanceOf, createInvoice, DANA, poolBusiness } from '../support/fixtures.ts';
import { answer } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';
import {
  confirmSquare,
  ledgerOf,
  startSquarePayment,
  tellSquare,
  useSquareHarness,
} from './support.ts';

const CREDIT = '4111111111111111';
const DEBIT = '4000056655665556';
const DECLINED = '4000000000000002';

describe.each(testStores)('paying with Square on $name', (store) => {
  const square = useSquareHarness(store, 'checkout');
  const { h } = square;
  const completed = () =>
    [...square.fake.api.payments.values()].filter((p) => p.status === 'COMPLETED');

  it('the portal names Square for the element, with what its card form needs', async () => {
    const staff = await poolBusiness(h);
    const { token } = await startSquarePayment(h, staff);
    const portal = await answer(await h.request(`/v1/portal/${token}`));
    expect(portal.body.provider).toEqual({
      name: 'square',
      application_id: 'sandbox-sq0idb-checkout',
      location_id: 'LTEST0LOCATION',
      test_mode: true,
    });
    // Cards (wallets pay as cards) and, for a USD business, ACH bank transfers.
    expect(portal.body.payment_methods).toEqual([
      { type: 'card', fee: { percent_bps: 300, fixed: 30 }, provider: 'square' },
      { type: 'us_bank_account', fee: null, provider: 'square' },
    ]);
  });

  it('offers no bank account outside USD (Square’s ACH is US only), and refuses one', async () => {
    const staff = await poolBusiness(h, {}, 'cad');
    const { customer, invoice, link } = await owingCustomer(staff, 10_000, DANA);
    const portal = await answer(await h.request(`/v1/portal/${link.token}`));
    expect(portal.body.payment_methods.map((m: { type: string }) => m.type)).toEqual(['card']);
    const refused = await openPortal(h, link).create({
      invoices: [{ id: invoice.id, amount: 1_000 }],
      method: 'us_bank_account',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'method_unavailable', param: 'method' });
    expect(await balanceOf(staff, customer.id)).toBe(10_000);
  });

  it('a full payment with a tip and the card fee: authorized, settled, captured, posted once', async () => {
    const staff = await poolBusiness(h);
    const { dana, token, payment } = await startSquarePayment(h, staff, { tip: { percent: 18 } });
    // 100.00 + 18.00 tip + 3 % and 30¢ of 118.00 as for a credit card.
    expect(payment).toMatchObject({ amount: 12_184, tip: 1_800, fee: 384, provider: 'square' });
    const paid = await confirmSquare(h, token, payment.id, square.fake.api.tokenize(CREDIT));
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({
      status: 'succeeded',
      amount: 12_184,
      funding: 'credit',
      card: { brand: 'visa', last4: '1111' },
      receipt_number: expect.stringMatching(/^R-\d{6}$/),
    });
    const [create] = square.fake.requestsTo('POST', '/v2/payments');
    expect(create!.body).toMatchObject({
      idempotency_key: `${payment.id}:confirm:1`,
      amount_money: { amount: 12_184, currency: 'USD' },
      autocomplete: false,
      location_id: 'LTEST0LOCATION',
      reference_id: payment.id,
    });
    const [captured] = completed().filter((p) => p.reference_id === payment.id);
    expect(captured!.total_money.amount).toBe(12_184);
    expect(await ledgerOf(h, payment.id)).toEqual({ paid: 12_184, tip: 1_800, fee: 384 });
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a debit card drops the fee: the authorization is voided, 409 fee_changed, then paid', async () => {
    const staff = await poolBusiness(h);
    const { dana, token, payment } = await startSquarePayment(h, staff);
    const refused = await confirmSquare(h, token, payment.id, square.fake.api.tokenize(DEBIT));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'fee_changed',
      payment: { amount: 10_000, fee: 0, funding: 'debit' },
    });
    const voided = [...square.fake.api.payments.values()].filter(
      (p) => p.reference_id === payment.id,
    );
    expect(voided.map((p) => p.status)).toEqual(['CANCELED']);
    expect(await balanceOf(staff, dana.id)).toBe(10_000);

    const paid = await confirmSquare(h, token, payment.id, square.fake.api.tokenize(DEBIT), 10_000);
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 10_000, fee: 0 });
    expect(await ledgerOf(h, payment.id)).toEqual({ paid: 10_000, tip: 0, fee: 0 });
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a decline says why in the customer’s words; another card pays the same payment', async () => {
    const staff = await poolBusiness(h);
    const { dana, token, payment } = await startSquarePayment(h, staff);
    const failed = await confirmSquare(h, token, payment.id, square.fake.api.tokenize(DECLINED));
    expect(failed.body).toMatchObject({
      status: 'failed',
      failure: { code: 'generic_decline', message: 'Your card was declined. Try another card.' },
    });
    expect(await balanceOf(staff, dana.id)).toBe(10_000);
    const paid = await confirmSquare(h, token, payment.id, square.fake.api.tokenize(CREDIT));
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 10_330 });
    const keys = square.fake
      .requestsTo('POST', '/v2/payments')
      .map((r) => r.body.idempotency_key)
      .filter((key) => String(key).startsWith(payment.id));
    expect(keys).toEqual([`${payment.id}:confirm:1`, `${payment.id}:confirm:2`]);
    expect(await ledgerOf(h, payment.id)).toMatchObject({ paid: 10_330 });
  });

  it('a partial payment: the invoice keeps what is left, and the customer can pay again', async () => {
    const staff = await poolBusiness(h);
    const { dana, invoice, token, payment, browser } = await startSquarePayment(
      h,
      staff,
      {},
      10_000,
      4_000,
    );
    const paid = await confirmSquare(h, token, payment.id, square.fake.api.tokenize(CREDIT));
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 4_150, subtotal: 4_000 });
    expect(await balanceOf(staff, dana.id)).toBe(6_000);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body).toMatchObject({
      status: 'partially_paid',
      amount_due: 6_000,
    });
    const rest = await browser.create({
      invoices: [{ id: invoice.id, amount: 6_000 }],
      method: 'card',
    });
    const again = await confirmSquare(
      h,
      token,
      rest.body.id,
      square.fake.api.tokenize(DEBIT),
      6_000,
    );
    expect(again.body).toMatchObject({ status: 'succeeded', amount: 6_000 });
    expect(await balanceOf(staff, dana.id)).toBe(0);
  });

  it('a saved card: kept on file at Square, and paid again with the fee its type makes', async () => {
    const staff = await poolBusiness(h);
    const first = await startSquarePayment(h, staff, { save_payment_method: true });
    const token = square.fake.api.tokenize(DEBIT);
    await confirmSquare(h, first.token, first.payment.id, token, 10_000);
    const [card] = await listSavedPaymentMethods(h.db, first.dana.id, 'square');
    expect(card).toMatchObject({ brand: 'visa', last4: '5556' });
    const next = await createInvoice(staff, first.dana.id, 5_000);
    const again = await first.browser.create({
      invoices: [{ id: next.id, amount: 5_000 }],
      method: 'card',
      payment_method: card!.id,
    });
    // Square's Cards API says DEBIT before anything is charged: no card fee.
    expect(again.body).toMatchObject({ amount: 5_000, fee: 0 });
    const paid = await confirmSquare(h, first.token, again.body.id, null);
    expect(paid.body).toMatchObject({ status: 'succeeded', amount: 5_000 });
    const last = square.fake.requestsTo('POST', '/v2/payments').at(-1)!;
    expect(String(last.body.source_id)).toMatch(/^ccof:/);
    expect(last.body.customer_id).toBeTruthy();
    expect(await balanceOf(staff, first.dana.id)).toBe(0);
  });

  it('refuses a confirmation it cannot make, changing nothing', async () => {
    const staff = await poolBusiness(h);
    const { token, payment } = await startSquarePayment(h, staff);
    const noToken = await confirmSquare(h, token, payment.id, null);
    expect(noToken.status).toBe(422);
    expect(noToken.body.error).toMatchObject({
      code: 'parameter_missing',
      param: 'square.source_id',
    });
    const reused = square.fake.api.tokenize(CREDIT);
    expect((await confirmSquare(h, token, payment.id, reused)).body.status).toBe('succeeded');
    const twice = await confirmSquare(h, token, payment.id, square.fake.api.tokenize(CREDIT));
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'payment_already_succeeded' });
    // The token is used once at Square: a second payment with it is refused there.
    const other = await startSquarePayment(h, staff);
    const usedAgain = await confirmSquare(h, other.token, other.payment.id, reused);
    expect(usedAgain.status).toBe(422);
    expect(usedAgain.body.error).toMatchObject({ code: 'provider_card_token_used' });
    expect((await other.browser.payment(other.payment.id)).body.status).toBe(
      'requires_confirmation',
    );
  });

  it('a signature that does not verify is refused and records nothing', async () => {
    const staff = await poolBusiness(h);
    const { token, payment } = await startSquarePayment(h, staff);
    await confirmSquare(h, token, payment.id, square.fake.api.tokenize(CREDIT));
    const sq = [...square.fake.api.payments.values()].find((p) => p.reference_id === payment.id)!;
    const forged = await tellSquare(square, 'payment.updated', sq, 'not-the-key');
    expect(forged.status).toBe(400);
    expect(forged.body.error).toMatchObject({ code: 'signature_invalid' });
  });
});
