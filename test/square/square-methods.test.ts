/**
 * The ways to pay that Square's Web Payments SDK offers beside a typed card, through the portal
 * API and the real `square` SDK against the Square stand-in: a card whose issuer asks for Strong
 * Customer Authentication (the token of `verifyBuyer` reaches Square's CreatePayment), Apple Pay
 * and Google Pay (paid as their card, with the card fee as its funding says), and an ACH bank
 * transfer (the bank method's fee; PENDING at Square until `payment.updated` says COMPLETED or
 * FAILED, posted once).
 */
import { describe, expect, it } from 'vitest';
import { paymentProvider } from '../../server/payments/providers.ts';
import { reconcilePayments } from '../../server/payments/reconcile.ts';
import { listSavedPaymentMethods } from '../../server/payments/saved-methods.ts';
import { testStores } from '../support/databases.ts';
import { balanceOf, poolBusiness } from '../support/fixtures.ts';
import { answer } from '../support/harness.ts';
import {
  confirmSquare,
  ledgerOf,
  startSquarePayment,
  tellSquare,
  useSquareHarness,
} from './support.ts';

const SCA = '4310000000201019';
const DEBIT = '4000056655665556';
const CREDIT = '4111111111111111';
const BANK_FEE = { percent_bps: 0, fixed: 150 };

describe.each(testStores)('Square’s other ways to pay on $name', (store) => {
  const square = useSquareHarness(store, 'methods');
  const { h } = square;
  const api = () => square.fake.api;
  const lastCreate = () => square.fake.requestsTo('POST', '/v2/payments').at(-1)!;

  describe('a card whose bank asks for verification (3-D Secure / SCA)', () => {
    it('is paid with the token verifyBuyer made, which reaches Square with the card', async () => {
      const staff = await poolBusiness(h);
      const { dana, token, payment } = await startSquarePayment(h, staff);
      const source = api().tokenize(SCA);
      const verification = api().verifyBuyer(source);
      const paid = await confirmSquare(h, token, payment.id, source, undefined, verification);
      expect(paid.body, JSON.stringify(paid.body)).toMatchObject({
        status: 'succeeded',
        amount: 10_330,
        funding: 'credit',
      });
      expect(lastCreate().body).toMatchObject({
        source_id: source,
        verification_token: verification,
        autocomplete: false,
      });
      expect(await balanceOf(staff, dana.id)).toBe(0);
    });

    it('without it the bank declines, in the customer’s words; verified, the same payment pays', async () => {
      const staff = await poolBusiness(h);
      const { dana, token, payment } = await startSquarePayment(h, staff);
      const failed = await confirmSquare(h, token, payment.id, api().tokenize(SCA));
      expect(failed.body).toMatchObject({
        status: 'failed',
        failure: {
          code: 'card_declined_verification_required',
          message:
            "Your bank asks you to verify this card, and it wasn't verified. Try again, or try another card.",
        },
      });
      expect(lastCreate().body.verification_token).toBeUndefined();
      expect(await balanceOf(staff, dana.id)).toBe(10_000);
      const source = api().tokenize(SCA);
      const paid = await confirmSquare(
        h,
        token,
        payment.id,
        source,
        undefined,
        api().verifyBuyer(source),
      );
      expect(paid.body.status).toBe('succeeded');
      expect(await balanceOf(staff, dana.id)).toBe(0);
    });

    it('a verification made for another token is refused by Square, and nothing is charged', async () => {
      const staff = await poolBusiness(h);
      const { token, payment, browser } = await startSquarePayment(h, staff);
      const other = api().verifyBuyer(api().tokenize(SCA));
      const refused = await confirmSquare(
        h,
        token,
        payment.id,
        api().tokenize(SCA),
        undefined,
        other,
      );
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'provider_invalid_value' });
      expect((await browser.payment(payment.id)).body.status).toBe('requires_confirmation');
    });

    it('refuses a verification token that is not one, before asking Square', async () => {
      const staff = await poolBusiness(h);
      const { token, payment } = await startSquarePayment(h, staff);
      const before = square.fake.requests.length;
      const refused = await answer(
        await h.request(`/v1/portal/${token}/payments/${payment.id}/confirm`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            square: { source_id: api().tokenize(SCA), verification_token: 'not a token' },
          }),
        }),
      );
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(JSON.stringify(refused.body.error)).toContain('verification_token');
      expect(square.fake.requests.length).toBe(before);
    });
  });

  describe('Apple Pay and Google Pay', () => {
    it('Google Pay with a credit card pays the card fee, as a card', async () => {
      const staff = await poolBusiness(h);
      const { dana, token, payment } = await startSquarePayment(h, staff, { tip: { percent: 20 } });
      const paid = await confirmSquare(
        h,
        token,
        payment.id,
        api().tokenizeWallet(CREDIT, 'GOOGLE_PAY'),
      );
      // 100.00 + 20.00 tip + 3 % and 30¢ of 120.00.
      expect(paid.body).toMatchObject({ status: 'succeeded', amount: 12_390, fee: 390 });
      expect(await ledgerOf(h, payment.id)).toEqual({ paid: 12_390, tip: 2_000, fee: 390 });
      expect(await balanceOf(staff, dana.id)).toBe(0);
    });

    it('Apple Pay with a debit card drops the fee (409 fee_changed), then pays without it', async () => {
      const staff = await poolBusiness(h);
      const { token, payment } = await startSquarePayment(h, staff);
      const refused = await confirmSquare(
        h,
        token,
        payment.id,
        api().tokenizeWallet(DEBIT, 'APPLE_PAY'),
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'fee_changed', payment: { fee: 0 } });
      const paid = await confirmSquare(
        h,
        token,
        payment.id,
        api().tokenizeWallet(DEBIT, 'APPLE_PAY'),
        10_000,
      );
      expect(paid.body).toMatchObject({ status: 'succeeded', amount: 10_000, fee: 0 });
    });

    it('an SCA card in a wallet needs no verifyBuyer: the device verified the buyer', async () => {
      const staff = await poolBusiness(h);
      const { token, payment } = await startSquarePayment(h, staff);
      const paid = await confirmSquare(
        h,
        token,
        payment.id,
        api().tokenizeWallet(SCA, 'APPLE_PAY'),
      );
      expect(paid.body.status).toBe('succeeded');
    });

    it('a wallet’s card is not kept on file, as Square’s Cards API refuses it; the payment stands', async () => {
      const staff = await poolBusiness(h);
      const { dana, token, payment } = await startSquarePayment(h, staff, {
        save_payment_method: true,
      });
      const paid = await confirmSquare(
        h,
        token,
        payment.id,
        api().tokenizeWallet(CREDIT, 'GOOGLE_PAY'),
      );
      expect(paid.body.status).toBe('succeeded');
      expect(square.fake.requestsTo('POST', '/v2/cards').at(-1)!.status).toBe(400);
      expect(await listSavedPaymentMethods(h.db, dana.id, 'square')).toEqual([]);
    });
  });

  describe('ACH bank transfer', () => {
    async function bankPayment(owed = 10_000) {
      const staff = await poolBusiness(h, {
        convenience_fees: { card: { percent_bps: 300, fixed: 30 }, us_bank_account: BANK_FEE },
      });
      const started = await startSquarePayment(h, staff, { method: 'us_bank_account' }, owed);
      return { staff, ...started };
    }
    const squareOf = (paymentId: string) =>
      [...api().payments.values()].filter((p) => p.reference_id === paymentId).at(-1)!;

    it('the portal offers a bank account to a USD business, with its fee', async () => {
      const { token } = await bankPayment();
      const portal = await answer(await h.request(`/v1/portal/${token}`));
      expect(portal.body.payment_methods).toEqual([
        { type: 'card', fee: { percent_bps: 300, fixed: 30 }, provider: 'square' },
        { type: 'us_bank_account', fee: BANK_FEE, provider: 'square' },
      ]);
    });

    it('is PENDING at Square, processing here, and posted once when payment.updated says COMPLETED', async () => {
      const { staff, dana, token, payment, browser, invoice } = await bankPayment();
      expect(payment).toMatchObject({ amount: 10_150, fee: 150, method: 'us_bank_account' });
      const asked = square.fake.requests.length;
      const sent = await confirmSquare(h, token, payment.id, api().tokenizeBank());
      expect(sent.body, JSON.stringify(sent.body)).toMatchObject({
        status: 'processing',
        amount: 10_150,
      });
      expect(lastCreate().body).toMatchObject({
        autocomplete: true,
        amount_money: { amount: 10_150, currency: 'USD' },
      });
      // Nothing is captured or voided: Square's ACH completes on its own.
      const since = square.fake.requests.slice(asked);
      expect(since.map((r) => `${r.method} ${r.path}`)).toEqual([
        'POST /v2/payments',
        expect.stringMatching(/^GET \/v2\/payments\//),
      ]);
      expect(await balanceOf(staff, dana.id)).toBe(10_000);
      // What the transfer holds stays held while the money moves: a second payment cannot take it.
      const again = await browser.create({
        invoices: [{ id: invoice.id, amount: 10_000 }],
        method: 'card',
      });
      expect(again.status).toBe(409);

      const completed = api().settleBankPayment(squareOf(payment.id).id);
      const told = await tellSquare(square, 'payment.updated', completed);
      expect(told.body.outcomes).toEqual(['applied']);
      await tellSquare(square, 'payment.updated', completed);
      expect((await browser.payment(payment.id)).body).toMatchObject({
        status: 'succeeded',
        amount: 10_150,
        receipt_number: expect.stringMatching(/^R-/),
      });
      expect(await ledgerOf(h, payment.id)).toEqual({ paid: 10_150, tip: 0, fee: 150 });
      expect(await balanceOf(staff, dana.id)).toBe(0);
    });

    it('a transfer that fails days later: failed in the customer’s words, nothing posted, payable again', async () => {
      const { staff, dana, token, payment, browser } = await bankPayment();
      await confirmSquare(h, token, payment.id, api().tokenizeBank('fails'));
      const failed = api().settleBankPayment(squareOf(payment.id).id);
      await tellSquare(square, 'payment.updated', failed);
      expect((await browser.payment(payment.id)).body).toMatchObject({
        status: 'failed',
        failure: {
          message: "Your bank didn't complete the transfer. Try another bank account or a card.",
        },
      });
      expect(await balanceOf(staff, dana.id)).toBe(10_000);
      const retry = await confirmSquare(h, token, payment.id, api().tokenizeBank());
      expect(retry.body.status).toBe('processing');
    });

    it('a bank token cannot pay a card payment (its fee is a card’s), and a card cannot pay a bank one', async () => {
      const { token, payment } = await bankPayment();
      const card = await confirmSquare(h, token, payment.id, api().tokenize(CREDIT));
      expect(card.status).toBe(422);
      expect(card.body.error).toMatchObject({ code: 'source_mismatch', param: 'square.source_id' });
      const staff = await poolBusiness(h);
      const byCard = await startSquarePayment(h, staff);
      const bank = await confirmSquare(h, byCard.token, byCard.payment.id, api().tokenizeBank());
      expect(bank.status).toBe(422);
      expect(bank.body.error.code).toBe('source_mismatch');
      expect(
        square.fake
          .requestsTo('POST', '/v2/payments')
          .filter((r) => r.body.reference_id === byCard.payment.id),
      ).toEqual([]);
    });

    it('is read again by reconciliation when its webhook is lost', async () => {
      const { staff, dana, token, payment } = await bankPayment();
      await confirmSquare(h, token, payment.id, api().tokenizeBank());
      api().settleBankPayment(squareOf(payment.id).id);
      await reconcilePayments(h.db, paymentProvider(h.config, h.db));
      expect(await balanceOf(staff, dana.id)).toBe(0);
    });
  });
});
