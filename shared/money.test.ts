/**
 * The one rounding rule of Pay Portal (half away from zero at the minor unit) pinned by test
 * vectors for tips and fees, and held to its invariants by fast-check properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyBasisPoints,
  divideRounded,
  formatMoney,
  MAX_AMOUNT,
  minorUnitDigits,
  parseMoney,
  percentToBasisPoints,
} from './money.ts';
import { type ConvenienceFee, computeQuote, convenienceFee, tipAmount } from './quote.ts';

const CARD_FEE: ConvenienceFee = { percent_bps: 290, fixed: 30 };

describe('tips: half away from zero at the minor unit', () => {
  it.each([
    // [amount, percent, tip]  (the exact value in the comment)
    [1, 18, 0], // 0.18
    [3, 18, 1], // 0.54
    [25, 18, 5], // 4.5: a half goes up
    [250, 18, 45], // exact
    [10_000, 18, 1_800],
    [1_000, 18.5, 185], // exact
    [100, 18.5, 19], // 18.5
    [1, 18.5, 0], // 0.185
    [2, 25, 1], // 0.5
    [10, 25, 3], // 2.5: banker's rounding would say 2
    [6, 25, 2], // 1.5
    [12, 20, 2], // 2.4
    [13, 20, 3], // 2.6
    [1_250, 20, 250],
    [0, 25, 0],
  ])('%i at %s percent tips %i', (amount, percent, tip) => {
    expect(tipAmount(amount, { percent })).toBe(tip);
    expect(applyBasisPoints(amount, percentToBasisPoints(percent))).toBe(tip);
  });

  it.each([
    [-25, 18, -5], // -4.5: away from zero, not towards +∞ as Math.round would
    [-10, 25, -3],
    [-250, 18, -45],
    [-100, 18.5, -19],
  ])('refunds mirror payments: %i at %s percent is %i', (amount, percent, tip) => {
    expect(applyBasisPoints(amount, percentToBasisPoints(percent))).toBe(tip);
  });

  it('a negative amount that rounds to nothing is plain zero, not -0', () => {
    expect(applyBasisPoints(-1, 1800)).toBe(0);
    expect(Object.is(applyBasisPoints(-1, 1800), -0)).toBe(false);
  });

  it('takes a fixed tip as it is and no tip as zero', () => {
    expect(tipAmount(10_000, { amount: 777 })).toBe(777);
    expect(tipAmount(10_000, null)).toBe(0);
    expect(tipAmount(10_000, undefined)).toBe(0);
  });

  it('refuses percentages finer than two decimals', () => {
    expect(percentToBasisPoints(18)).toBe(1_800);
    expect(percentToBasisPoints(18.5)).toBe(1_850);
    expect(percentToBasisPoints(0.07)).toBe(7);
    expect(() => percentToBasisPoints(18.555)).toThrow(RangeError);
  });
});

describe('convenience fees: 2.9 % + 30', () => {
  it.each([
    [10_000, 320], // 290 + 30
    [1_000, 59], // 29 + 30
    [1_234, 66], // 35.786 → 36
    [50, 31], // 1.45 → 1
    [500, 45], // 14.5 → 15
    [1_550, 75], // 44.95 → 45
  ])('on %i the fee is %i', (base, fee) => {
    expect(convenienceFee(base, CARD_FEE)).toBe(fee);
  });

  it('charges no fee, not even the fixed part, when there is nothing to pay or no fee is set', () => {
    expect(convenienceFee(0, CARD_FEE)).toBe(0);
    expect(convenienceFee(10_000, undefined)).toBe(0);
  });

  it('takes the fee on subtotal and tip once, and never tips the fee', () => {
    const quote = computeQuote(
      { invoices: [{ id: 'inv_1', amount: 6_000 }], balance_amount: 4_000, tip: { percent: 18 } },
      { card: CARD_FEE },
    );
    expect(quote).toEqual({ subtotal: 10_000, tip: 1_800, fee: 0, total: 11_800 });
    const byCard = computeQuote(
      {
        invoices: [{ id: 'inv_1', amount: 6_000 }],
        balance_amount: 4_000,
        tip: { percent: 18 },
        method: 'card',
      },
      { card: CARD_FEE },
    );
    // 2.9 % of 11 800 is 342.2 → 342, plus 30.
    expect(byCard).toEqual({ subtotal: 10_000, tip: 1_800, fee: 372, total: 12_172 });
    const byBank = computeQuote(
      { invoices: [], balance_amount: 10_000, method: 'us_bank_account' },
      { card: CARD_FEE },
    );
    expect(byBank.fee).toBe(0);
  });
});

describe('divideRounded and applyBasisPoints at the edges', () => {
  it.each([
    [5, 2, 3],
    [-5, 2, -3], // Math.round(-2.5) would say -2
    [5, -2, -3],
    [-5, -2, 3],
    [1, 3, 0],
    [2, 3, 1],
    [0, 7, 0],
    [MAX_AMOUNT, 1, MAX_AMOUNT],
  ])('%i / %i is %i', (numerator, denominator, quotient) => {
    expect(divideRounded(numerator, denominator)).toBe(quotient);
  });

  it('stays exact where floating point would not, near MAX_AMOUNT', () => {
    expect(applyBasisPoints(MAX_AMOUNT, 2_500)).toBe(250_000_000_000);
    expect(applyBasisPoints(MAX_AMOUNT, 10_000)).toBe(MAX_AMOUNT);
    // 999 999 995 001 × 9 999 / 10 000 = 999 899 995 001.4999; floats make it …002.
    expect(Math.round((999_999_995_001 * 9_999) / 10_000)).toBe(999_899_995_002);
    expect(applyBasisPoints(999_999_995_001, 9_999)).toBe(999_899_995_001);
    expect(applyBasisPoints(999_999_995_000, 9_999)).toBe(999_899_995_001); // ….5 up
    expect(applyBasisPoints(-999_999_995_000, 9_999)).toBe(-999_899_995_001);
  });

  it('refuses what is not a safe integer, and division by zero', () => {
    expect(() => divideRounded(1, 0)).toThrow(RangeError);
    expect(() => divideRounded(1.5, 2)).toThrow(RangeError);
    expect(() => divideRounded(2 ** 53, 3)).toThrow(RangeError);
    expect(() => applyBasisPoints(100, 18.5)).toThrow(RangeError);
    expect(() => applyBasisPoints(Number.NaN, 100)).toThrow(RangeError);
  });
});

describe('parsing and formatting money', () => {
  // Intl puts no-break spaces between figure and symbol in some locales; compare plain spaces.
  const format = (amount: number, currency: string, locale: string) =>
    formatMoney(amount, currency, locale).replace(/[\u00a0\u202f]/g, ' ');

  it('knows each currency’s minor unit', () => {
    expect([minorUnitDigits('usd'), minorUnitDigits('JPY'), minorUnitDigits('kwd')]).toEqual([
      2, 0, 3,
    ]);
  });

  it.each([
    ['12.5', 'usd', 1_250],
    ['12.50', 'usd', 1_250],
    ['1,234.50', 'usd', 123_450],
    ['.5', 'usd', 50],
    [' 7 ', 'usd', 700],
    ['10000000000', 'usd', MAX_AMOUNT],
    ['1500', 'jpy', 1_500],
    ['1.234', 'kwd', 1_234],
    ['1.2', 'kwd', 1_200],
  ])('parses %j %s as %i', (text, currency, amount) => {
    expect(parseMoney(text, currency)).toBe(amount);
  });

  it.each([
    ['12.345', 'usd'], // finer than a cent
    ['15.5', 'jpy'], // yen have no decimals
    ['1.2345', 'kwd'],
    ['-1', 'usd'],
    ['1e3', 'usd'],
    ['abc', 'usd'],
    ['', 'usd'],
    ['.', 'usd'],
    ['10000000000.01', 'usd'], // over MAX_AMOUNT
  ])('refuses %j in %s', (text, currency) => {
    expect(parseMoney(text, currency)).toBeNull();
  });

  it.each([
    [1_250, 'usd', 'en-US', '$12.50'],
    [-1_250, 'usd', 'en-US', '-$12.50'],
    [0, 'usd', 'en-US', '$0.00'],
    [1_500, 'jpy', 'en-US', '¥1,500'],
    [1_500, 'jpy', 'ja-JP', '￥1,500'],
    [1_234, 'kwd', 'en-US', 'KWD 1.234'],
    [1_234_567, 'eur', 'es-ES', '12.345,67 €'],
    [1_234_567, 'usd', 'es-ES', '12.345,67 US$'],
    [1_500, 'JPY', 'es-ES', '1500 JPY'],
    [1_234_567, 'kwd', 'es-ES', '1234,567 KWD'],
  ])('formats %i %s in %s as %j', (amount, currency, locale, text) => {
    expect(format(amount, currency, locale)).toBe(text);
  });

  it('reads back every amount it writes, in every kind of currency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT }),
        fc.constantFrom('usd', 'jpy', 'kwd'),
        (amount, currency) => {
          const shown = formatMoney(amount, currency, 'en-US').replace(/[^\d.,]/g, '');
          expect(parseMoney(shown, currency)).toBe(amount);
        },
      ),
    );
  });
});

describe('rounding properties', () => {
  const numerator = fc.integer({ min: -MAX_AMOUNT, max: MAX_AMOUNT });
  const denominator = fc.integer({ min: 1, max: 1_000_000 }).chain((d) => fc.constantFrom(d, -d));
  const basisPoints = fc.integer({ min: 0, max: 10_000 });

  it('lands within half a minor unit of the exact quotient, ties away from zero', () => {
    fc.assert(
      fc.property(numerator, denominator, (n, d) => {
        const q = BigInt(divideRounded(n, d));
        // |n/d - q| ≤ 1/2  ⇔  |2(n - q·d)| ≤ |d|
        const twiceError = 2n * (BigInt(n) - q * BigInt(d));
        const absD = BigInt(Math.abs(d));
        const absError = twiceError < 0n ? -twiceError : twiceError;
        expect(absError <= absD).toBe(true);
        if (absError === absD) expect(Math.abs(Number(q)) > Math.abs(n / d)).toBe(true);
      }),
    );
  });

  it('is symmetric: f(-x) = -f(x)', () => {
    fc.assert(
      fc.property(numerator, denominator, basisPoints, (n, d, bp) => {
        expect(divideRounded(-n, d) + divideRounded(n, d)).toBe(0);
        expect(applyBasisPoints(-n, bp) + applyBasisPoints(n, bp)).toBe(0);
      }),
    );
  });

  it('is stable: rounding a result that is already whole changes nothing', () => {
    fc.assert(
      fc.property(numerator, denominator, basisPoints, (n, d, bp) => {
        const once = divideRounded(n, d);
        expect(divideRounded(once * d, d)).toBe(once);
        const share = applyBasisPoints(n, bp);
        expect(applyBasisPoints(share, 10_000)).toBe(share);
      }),
    );
  });

  it('never lets a larger amount earn a smaller share', () => {
    fc.assert(
      fc.property(numerator, numerator, basisPoints, (a, b, bp) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(applyBasisPoints(low, bp)).toBeLessThanOrEqual(applyBasisPoints(high, bp));
      }),
    );
  });
});
