/**
 * The Square stand-in keeps Square's documented rules, through the real `square` SDK, so our code
 * cannot pass a test by sending what Square would refuse; and a Square configuration without its
 * keys stops the start.
 */
import { SquareError } from 'square';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { assertPaymentConfig } from '../../server/payments/providers.ts';
import { createSquareClient } from '../../server/payments/square/square-provider.ts';
import { type FakeSquare, startFakeSquare } from '../support/fake-square.ts';

let fake: FakeSquare;
let square: ReturnType<typeof createSquareClient>;
beforeAll(async () => {
  fake = await startFakeSquare();
  square = createSquareClient({
    accessToken: 'EAAAtest_standin',
    locationId: fake.api.locationId,
    environment: 'sandbox',
    apiBase: fake.url,
  });
});
afterAll(() => fake.close());

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof SquareError) {
      return { status: error.statusCode, codes: error.errors.map((e) => e.code) };
    }
    throw error;
  }
  throw new Error('Square took it');
}

const pay = (sourceId: string, key: string, amount = 5_000, extra = {}) =>
  square.payments.create({
    sourceId,
    idempotencyKey: key,
    amountMoney: { amount: BigInt(amount), currency: 'USD' },
    locationId: fake.api.locationId,
    autocomplete: false,
    ...extra,
  });

describe('the Square stand-in', () => {
  it('replays the same key and request; refuses the same key with another request', async () => {
    const token = fake.api.tokenize('4111111111111111');
    const first = await pay(token, 'k-1');
    const again = await pay(token, 'k-1');
    expect(again.payment?.id).toBe(first.payment?.id);
    expect(fake.requests.at(-1)).toMatchObject({ replayed: true });
    expect(await refusal(pay(token, 'k-1', 6_000))).toEqual({
      status: 400,
      codes: ['IDEMPOTENCY_KEY_REUSED'],
    });
  });

  it('uses a card token once, and refuses an amount or currency it cannot take', async () => {
    const token = fake.api.tokenize('4111111111111111');
    await pay(token, 'k-2');
    expect(await refusal(pay(token, 'k-3'))).toEqual({ status: 400, codes: ['CARD_TOKEN_USED'] });
    expect(await refusal(pay(fake.api.tokenize('4111111111111111'), 'k-4', 0))).toEqual({
      status: 400,
      codes: ['INVALID_VALUE'],
    });
    expect(
      await refusal(
        square.payments.create({
          sourceId: fake.api.tokenize('4111111111111111'),
          idempotencyKey: 'k-5',
          amountMoney: { amount: BigInt(500), currency: 'EUR' },
        }),
      ),
    ).toEqual({ status: 400, codes: ['INVALID_CURRENCY'] });
  });

  it('a decline is a PAYMENT_METHOD_ERROR that carries the FAILED payment, replayed for its key', async () => {
    let caught: unknown;
    await pay(fake.api.tokenize('4000000000009995'), 'k-6').catch((error: unknown) => {
      caught = error;
    });
    expect(caught).toBeInstanceOf(SquareError);
    const error = caught as SquareError;
    expect(error.errors[0]).toMatchObject({
      category: 'PAYMENT_METHOD_ERROR',
      code: 'INSUFFICIENT_FUNDS',
    });
    expect((error.body as { payment: { status: string } }).payment.status).toBe('FAILED');
  });

  it('completes or cancels only an APPROVED payment, and refunds at most what is left', async () => {
    const approved = (await pay(fake.api.tokenize('4111111111111111'), 'k-7')).payment!;
    await square.payments.cancel({ paymentId: approved.id! });
    expect(await refusal(square.payments.complete({ paymentId: approved.id! }))).toEqual({
      status: 400,
      codes: ['BAD_REQUEST'],
    });
    const paid = (await pay(fake.api.tokenize('4111111111111111'), 'k-8')).payment!;
    expect(
      await refusal(
        square.refunds.refundPayment({
          idempotencyKey: 'r-0',
          paymentId: paid.id!,
          amountMoney: { amount: BigInt(100), currency: 'USD' },
        }),
      ),
    ).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
    await square.payments.complete({ paymentId: paid.id! });
    expect(await refusal(square.payments.cancel({ paymentId: paid.id! }))).toEqual({
      status: 400,
      codes: ['BAD_REQUEST'],
    });
    const refund = await square.refunds.refundPayment({
      idempotencyKey: 'r-1',
      paymentId: paid.id!,
      amountMoney: { amount: BigInt(4_000), currency: 'USD' },
    });
    expect(refund.refund?.status).toBe('PENDING');
    expect(
      await refusal(
        square.refunds.refundPayment({
          idempotencyKey: 'r-2',
          paymentId: paid.id!,
          amountMoney: { amount: BigInt(1_001), currency: 'USD' },
        }),
      ),
    ).toEqual({ status: 400, codes: ['REFUND_AMOUNT_INVALID'] });
  });

  it('voids an authorization by the key it was made with', async () => {
    const approved = (await pay(fake.api.tokenize('4111111111111111'), 'k-9')).payment!;
    await square.payments.cancelByIdempotencyKey({ idempotencyKey: 'k-9' });
    expect((await square.payments.get({ paymentId: approved.id! })).payment?.status).toBe(
      'CANCELED',
    );
  });

  it('refuses a request without the access token', async () => {
    const anonymous = createSquareClient({
      accessToken: '',
      locationId: fake.api.locationId,
      environment: 'sandbox',
      apiBase: fake.url,
    });
    expect(await refusal(anonymous.payments.get({ paymentId: 'x' }))).toMatchObject({
      status: 401,
    });
  });
});

describe('a Square configuration', () => {
  const base = { NODE_ENV: 'test', DATABASE_URL: ':memory:', APP_SECRET: 's' };
  it('without its keys stops the start, naming them', () => {
    const config = loadConfig({ ...base, PAYMENT_PROVIDER: 'square' });
    expect(() => assertPaymentConfig(config)).toThrow(
      'PAYMENT_PROVIDER=square needs SQUARE_ACCESS_TOKEN and SQUARE_APPLICATION_ID and SQUARE_LOCATION_ID',
    );
  });
  it('in production needs the webhook signature key, and talks to production Square', () => {
    const config = loadConfig({
      ...base,
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://pay.example.test',
      PAYMENT_PROVIDER: 'square',
      SQUARE_ACCESS_TOKEN: 'EAAA',
      SQUARE_APPLICATION_ID: 'sq0idp-x',
      SQUARE_LOCATION_ID: 'L1',
    });
    expect(config.square.environment).toBe('production');
    expect(() => assertPaymentConfig(config)).toThrow(/SQUARE_WEBHOOK_SIGNATURE_KEY/);
    expect(() => loadConfig({ ...base, SQUARE_ENVIRONMENT: 'live' })).toThrow(
      /SQUARE_ENVIRONMENT must be "sandbox" or "production"/,
    );
  });
});
