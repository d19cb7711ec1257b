/** The quote arithmetic of shared/quote.ts held to its invariants by fast-check properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAmount } from './money.ts';
import { checkQuoteInput, computeQuote, type PayableState } from './quote.ts';

describe('quote properties', () => {
  const due = fc.integer({ min: 1, max: 10_000_000 });
  const fee = fc.record({
    percent_bps: fc.integer({ min: 0, max: 1_000 }),
    fixed: fc.integer({ min: 0, max: 500 }),
  });
  const tip = fc.oneof(
    fc.constant(null),
    fc.constantFrom(18, 20, 25, 18.5).map((percent) => ({ percent })),
    fc.integer({ min: 0, max: 100_000 }).map((amount) => ({ amount })),
  );

  it('totals subtotal + tip + fee in whole, non-negative minor units', () => {
    fc.assert(
      fc.property(
        fc.array(due, { maxLength: 5 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        tip,
        fc.constantFrom('card', 'us_bank_account', null),
        fee,
        fee,
        (amounts, balance, tipChoice, method, card, bank) => {
          const invoices = amounts.map((amount, index) => ({ id: `inv_${index}`, amount }));
          const input = { invoices, balance_amount: balance, tip: tipChoice, method };
          const quote = computeQuote(input, { card, us_bank_account: bank });
          for (const figure of Object.values(quote)) expect(isAmount(figure)).toBe(true);
          expect(quote.total).toBe(quote.subtotal + quote.tip + quote.fee);
          expect(quote.subtotal).toBe(amounts.reduce((sum, amount) => sum + amount, balance));
          // The tip is the same whatever the method: it is never computed on the fee.
          expect(quote.tip).toBe(computeQuote({ ...input, method: null }, {}).tip);
          if (!method) expect(quote.fee).toBe(0);
        },
      ),
    );
  });

  it('never accepts an allocation above what is due', () => {
    const state = fc.record({
      invoices: fc
        .array(due, { minLength: 1, maxLength: 4 })
        .map((dues) => dues.map((amount_due, index) => ({ id: `inv_${index}`, amount_due }))),
      balance_due: fc.integer({ min: 0, max: 10_000_000 }),
      partial_payments: fc.record({
        enabled: fc.boolean(),
        minimum: fc.integer({ min: 0, max: 10_000 }),
      }),
      tip_options: fc.constant<PayableState['tip_options']>({
        percentages: [18, 20, 25],
        custom: true,
      }),
    });
    // Choices near what is due (exactly, a little under or over) or anywhere at all, on open
    // invoices and on one that is not open, so that both answers come up often.
    const offset = fc.oneof(
      { arbitrary: fc.constant(0), weight: 4 },
      { arbitrary: fc.integer({ min: -3, max: 3 }), weight: 2 },
      { arbitrary: fc.integer({ min: -12_000_000, max: 12_000_000 }), weight: 1 },
    );
    const index = fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 3 }), weight: 9 },
      { arbitrary: fc.constant(9), weight: 1 },
    );
    const choice = fc.record({ index, offset });
    let accepted = 0;
    fc.assert(
      fc.property(
        state,
        fc.array(choice, { maxLength: 3 }),
        offset,
        (payable: PayableState, choices, balanceOffset) => {
          const invoices = choices.map(({ index, offset: delta }) => ({
            id: `inv_${index}`,
            amount: (payable.invoices[index]?.amount_due ?? 0) + delta,
          }));
          const balance = balanceOffset === 0 ? 0 : payable.balance_due + balanceOffset;
          const problems = checkQuoteInput({ invoices, balance_amount: balance }, payable);
          if (problems.length > 0) return;
          accepted += 1;
          const seen = new Set<string>();
          for (const picked of invoices) {
            const invoice = payable.invoices.find((open) => open.id === picked.id);
            expect(invoice).toBeDefined();
            expect(seen.has(picked.id)).toBe(false);
            seen.add(picked.id);
            expect(picked.amount).toBeGreaterThanOrEqual(1);
            expect(picked.amount).toBeLessThanOrEqual(invoice!.amount_due);
            if (!payable.partial_payments.enabled) expect(picked.amount).toBe(invoice!.amount_due);
          }
          expect(balance).toBeGreaterThanOrEqual(0);
          expect(balance).toBeLessThanOrEqual(payable.balance_due);
          expect(invoices.reduce((sum, picked) => sum + picked.amount, balance)).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
    // The property means something only if some choices pass.
    expect(accepted).toBeGreaterThan(20);
  });
});
