/**
 * The two ways a refund divides between what was owed, the tip and the fee: vectors a business
 * would check by hand, and properties (fast-check) that keep several part refunds adding up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFUND_TIP_AND_FEE, refundedBy, refundSplit } from './refund-split.ts';

/** $100.00 owed, 18 % tip, 3 % + 30¢ fee: $121.84. */
const PAYMENT = { subtotal: 10_000, tip: 1_800, fee: 384 };

describe('refund split', () => {
  it('gives back what was owed first, then the tip, then the fee, by default', () => {
    expect(refundSplit(PAYMENT, 0, 4_000, 'last')).toEqual({ owed: 4_000, tip: 0, fee: 0 });
    expect(refundSplit(PAYMENT, 9_000, 2_000, 'last')).toEqual({ owed: 1_000, tip: 1_000, fee: 0 });
    expect(refundSplit(PAYMENT, 11_000, 1_184, 'last')).toEqual({ owed: 0, tip: 800, fee: 384 });
  });

  it('gives back the tip and fee in their share of the payment when chosen', () => {
    expect(refundSplit(PAYMENT, 0, 6_092, 'in_proportion')).toEqual({
      owed: 5_000,
      tip: 900,
      fee: 192,
    });
    // A cent cannot be split: it goes to what was owed.
    expect(refundSplit(PAYMENT, 0, 1, 'in_proportion')).toEqual({ owed: 1, tip: 0, fee: 0 });
    expect(refundSplit({ subtotal: 5_000, tip: 0, fee: 0 }, 0, 5_000, 'in_proportion')).toEqual({
      owed: 5_000,
      tip: 0,
      fee: 0,
    });
  });

  const payments = fc.record({
    subtotal: fc.integer({ min: 1, max: 99_999_999 }),
    tip: fc.integer({ min: 0, max: 9_999_999 }),
    fee: fc.integer({ min: 0, max: 999_999 }),
  });

  it('adds up to the whole payment, part by part, however it is refunded in pieces', () => {
    fc.assert(
      fc.property(
        payments,
        fc.constantFrom(...REFUND_TIP_AND_FEE),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (payment, mode, cuts) => {
          const total = payment.subtotal + payment.tip + payment.fee;
          const points = [...new Set(cuts.map((cut) => Math.floor(cut * total)))].sort(
            (a, b) => a - b,
          );
          const sum = { owed: 0, tip: 0, fee: 0 };
          let given = 0;
          for (const point of [...points, total]) {
            const split = refundSplit(payment, given, point - given, mode);
            for (const part of ['owed', 'tip', 'fee'] as const) {
              expect(split[part]).toBeGreaterThanOrEqual(0);
              sum[part] += split[part];
            }
            expect(split.owed + split.tip + split.fee).toBe(point - given);
            given = point;
          }
          expect(sum).toEqual({ owed: payment.subtotal, tip: payment.tip, fee: payment.fee });
        },
      ),
    );
  });

  it('keeps each part within a cent of its share when in proportion', () => {
    fc.assert(
      fc.property(payments, fc.double({ min: 0, max: 1, noNaN: true }), (payment, cut) => {
        const total = payment.subtotal + payment.tip + payment.fee;
        const given = Math.floor(cut * total);
        const split = refundedBy(payment, given, 'in_proportion');
        expect(Math.abs(split.tip - (payment.tip * given) / total)).toBeLessThan(2);
        expect(Math.abs(split.fee - (payment.fee * given) / total)).toBeLessThan(1);
      }),
    );
  });
});
