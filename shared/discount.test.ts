/** An invoice's discount: before tax, spread over the lines exactly, rounded half away from zero. */
import { describe, expect, it } from 'vitest';
import { discountAmount, priceWithDiscount } from './discount.ts';
import { allocateInProportion } from './money.ts';

describe('allocateInProportion', () => {
  it('splits exactly, the leftover units to the largest remainders, earliest first on a tie', () => {
    expect(allocateInProportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateInProportion(1_000, [3_333, 3_333, 3_334])).toEqual([333, 333, 334]);
    expect(allocateInProportion(7, [10, 0, 30])).toEqual([2, 0, 5]);
    expect(allocateInProportion(0, [5, 5])).toEqual([0, 0]);
    expect(allocateInProportion(5, [0, 0])).toEqual([0, 0]);
  });

  it('always adds up to the total, whatever the weights', () => {
    for (let seed = 1; seed < 200; seed += 1) {
      const weights = [(seed * 7919) % 1_000, (seed * 104_729) % 777, seed % 13, 1];
      const total = (seed * 31) % (weights.reduce((a, b) => a + b, 0) + 1);
      const shares = allocateInProportion(total, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      for (const [i, share] of shares.entries()) {
        expect(share).toBeLessThanOrEqual(weights[i]!);
      }
    }
  });
});

describe('priceWithDiscount', () => {
  it('takes a percent off the subtotal half away from zero, before each line is taxed', () => {
    // 10 % of 123.45 is 12.345 → 12.35.
    expect(discountAmount(12_345, { type: 'percent', rate: 1_000 })).toBe(1_235);
    const priced = priceWithDiscount(
      [
        { amount: 18_000, tax_rate: 825 },
        { amount: 6_000, tax_rate: 625 },
        { amount: 5_000, tax_rate: 0 },
      ],
      { type: 'percent', rate: 1_000 },
    );
    // Lines keep 162.00, 54.00 and 45.00: tax 13.365 → 13.37 and 3.375 → 3.38.
    expect(priced).toEqual({
      subtotal: 29_000,
      discount: 2_900,
      tax: 1_675,
      total: 27_775,
      lines: [
        { discount: 1_800, tax: 1_337 },
        { discount: 600, tax: 338 },
        { discount: 500, tax: 0 },
      ],
    });
  });

  it('an amount off is taken as it is, never past the subtotal; none changes nothing', () => {
    const lines = [{ amount: 10_000, tax_rate: 1_000 }];
    expect(priceWithDiscount(lines, { type: 'amount', amount: 2_500 })).toMatchObject({
      discount: 2_500,
      tax: 750,
      total: 8_250,
    });
    expect(priceWithDiscount(lines, { type: 'amount', amount: 99_999 }).discount).toBe(10_000);
    expect(priceWithDiscount(lines, null)).toMatchObject({
      discount: 0,
      tax: 1_000,
      total: 11_000,
    });
  });
});
