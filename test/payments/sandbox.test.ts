import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../server/businesses/settings.ts';
import { loadConfig } from '../../server/config.ts';
import { applicableFee } from '../../server/payments/fees.ts';
import { SandboxProvider } from '../../server/payments/sandbox.ts';
import {
  abaValid,
  luhnValid,
  readTestBankAccount,
  readTestCard,
  TEST_CARDS,
} from '../../server/payments/sandbox-instruments.ts';

const run = promisify(execFile);
const card = { card_number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' };
const PRODUCTION = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://pay.example.com',
  APP_SECRET: 'a-production-secret',
};

describe('the sandbox provider', () => {
  it("knows Stripe's test cards: valid numbers, with their brands, funding and outcomes", () => {
    for (const number of Object.keys(TEST_CARDS)) expect(luhnValid(number), number).toBe(true);
    expect(TEST_CARDS['4242424242424242']).toMatchObject({
      funding: 'credit',
      outcome: { kind: 'succeed' },
    });
    expect(TEST_CARDS['4000056655665556']).toMatchObject({
      funding: 'debit',
      outcome: { kind: 'succeed' },
    });
    expect(TEST_CARDS['4000000000000002']?.outcome).toMatchObject({
      kind: 'fail',
      failure: { code: 'card_declined' },
    });
    expect(TEST_CARDS['4000000000009995']?.outcome).toMatchObject({
      kind: 'fail',
      failure: { code: 'insufficient_funds' },
    });
    expect(TEST_CARDS['4000002500003155']?.outcome.kind).toBe('three_d_secure');
    expect(TEST_CARDS['4000000000003220']?.outcome.kind).toBe('three_d_secure');
    expect(TEST_CARDS['5555555555554444']).toMatchObject({
      brand: 'mastercard',
      funding: 'credit',
    });
    expect(TEST_CARDS['378282246310005']).toMatchObject({ brand: 'amex', funding: 'credit' });
  });

  it('reads a card as a card form does: spaces and dashes, two-digit years, the Amex CVC', () => {
    const at = new Date('2026-11-22T00:00:00Z');
    expect(
      readTestCard({ ...card, card_number: '4242 4242-4242 4242', exp_year: 34 }, at),
    ).toMatchObject({
      last4: '4242',
      brand: 'visa',
      expYear: 2034,
    });
    expect(readTestCard({ ...card, exp_month: 11, exp_year: 2026 }, at).expMonth).toBe(11);
    expect(() => readTestCard({ ...card, exp_month: 10, exp_year: 2026 }, at)).toThrow(
      /in the past/,
    );
    expect(readTestCard({ ...card, card_number: '378282246310005', cvc: '1234' }, at).brand).toBe(
      'amex',
    );
    expect(() => readTestCard({ ...card, card_number: '4242' }, at)).toThrow(/incorrect/);
  });

  it('reads test bank accounts and checks the routing number', () => {
    expect(abaValid('110000000')).toBe(true);
    expect(abaValid('110000001')).toBe(false);
    expect(
      readTestBankAccount({ routing_number: '110000000', account_number: '000123456789' }),
    ).toMatchObject({
      method: 'us_bank_account',
      last4: '6789',
      outcome: { kind: 'succeed' },
    });
    expect(() =>
      readTestBankAccount({ routing_number: '021000021', account_number: '000123456789' }),
    ).toThrow(/test bank accounts only/);
  });

  it('applies a card fee to credit cards only; a bank fee whatever the account', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      convenience_fees: {
        card: { percent_bps: 300, fixed: 30 },
        us_bank_account: { percent_bps: 0, fixed: 100 },
      },
    };
    expect(applicableFee(settings, 'card', null)).toEqual({ percent_bps: 300, fixed: 30 });
    expect(applicableFee(settings, 'card', 'credit')).toEqual({ percent_bps: 300, fixed: 30 });
    expect(applicableFee(settings, 'card', 'debit')).toBeUndefined();
    expect(applicableFee(settings, 'card', 'prepaid')).toBeUndefined();
    expect(applicableFee(settings, 'card', 'unknown')).toBeUndefined();
    expect(applicableFee(settings, 'us_bank_account', null)).toEqual({
      percent_bps: 0,
      fixed: 100,
    });
  });
});

describe('the sandbox in production', () => {
  it('is refused by the configuration, while Stripe is accepted', () => {
    expect(() => loadConfig(PRODUCTION)).toThrow(
      /PAYMENT_PROVIDER=sandbox is refused when NODE_ENV=production/,
    );
    expect(() => loadConfig({ ...PRODUCTION, PAYMENT_PROVIDER: 'sandbox' })).toThrow(/refused/);
    expect(loadConfig({ ...PRODUCTION, PAYMENT_PROVIDER: 'stripe' }).paymentProvider).toBe(
      'stripe',
    );
  });

  it('cannot be made for a production server', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the database is never reached.
    const db = {} as any;
    expect(() => new SandboxProvider(db, async () => {}, { production: true })).toThrow(/refused/);
    expect(() => new SandboxProvider(db, async () => {}, { production: false })).not.toThrow();
  });

  it('stops `npm start` before it serves anything', async () => {
    const data = mkdtempSync(join(tmpdir(), 'pay-portal-'));
    const started = run(join('node_modules', '.bin', 'tsx'), ['server/main.ts'], {
      env: {
        PATH: process.env.PATH,
        ...PRODUCTION,
        DATABASE_URL: join(data, 'db.sqlite'),
        PORT: '0',
      },
      timeout: 20_000,
    });
    const failure = await started.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(
      /Pay Portal failed to start: PAYMENT_PROVIDER=sandbox is refused/,
    );
  });
});
