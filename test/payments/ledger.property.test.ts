/**
 * Property: whatever the customer chooses (invoices, partial amounts, the account balance, tips),
 * whatever the fee and the card, in a two-decimal or a zero-decimal currency, what the ledger
 * records for a payment equals what the provider charged, to the minor unit, and the customer's
 * balance moves by exactly −subtotal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  balanceOf,
  chargeCustomer,
  createCustomer,
  createInvoice,
  createPaymentLink,
  poolBusiness,
} from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { BANK, openPortal, VISA } from '../support/portal-client.ts';

const CARDS = {
  credit: VISA,
  debit: { ...VISA, card_number: '4000056655665556' },
  prepaid: { ...VISA, card_number: '5105105105105100' },
  mastercard: { ...VISA, card_number: '5555555555554444' },
};

const choice = fc.record({
  currency: fc.constantFrom('usd', 'jpy'),
  cardFee: fc.option(
    fc.record({
      percent_bps: fc.integer({ min: 0, max: 500 }),
      fixed: fc.integer({ min: 0, max: 100 }),
    }),
  ),
  bankFee: fc.option(
    fc.record({
      percent_bps: fc.integer({ min: 0, max: 100 }),
      fixed: fc.integer({ min: 0, max: 50 }),
    }),
  ),
  invoices: fc.array(
    fc.record({
      amount: fc.integer({ min: 100, max: 400_000 }),
      chosen: fc.boolean(),
      // Share of what is due that is paid: 1 is in full.
      share: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  accountCharge: fc.option(fc.integer({ min: 100, max: 50_000 })),
  payAccount: fc.boolean(),
  tip: fc.oneof(
    fc.constant(null),
    fc.record({ percent: fc.constantFrom(18, 20, 25) }),
    fc.record({ amount: fc.integer({ min: 0, max: 5_000 }) }),
  ),
  instrument: fc.constantFrom('credit', 'debit', 'prepaid', 'mastercard', 'bank'),
});

describe.each(testStores)('payment ledger property on $name', (store) => {
  const h = useHarness(store, {
    rateLimit: { portalPerMinute: 1_000_000, misses: 1_000_000, missWindowSeconds: 600 },
  });

  it('records exactly what the provider charged, and moves the balance by −subtotal', async () => {
    await fc.assert(
      fc.asyncProperty(choice, async (c) => {
        const fees: Record<string, unknown> = {};
        if (c.cardFee) fees.card = c.cardFee;
        if (c.bankFee) fees.us_bank_account = c.bankFee;
        const staff = await poolBusiness(h, { convenience_fees: fees }, c.currency);
        const customer = await createCustomer(staff);
        const invoices = [];
        for (const invoice of c.invoices) {
          invoices.push({
            ...invoice,
            id: (await createInvoice(staff, customer.id, invoice.amount)).id,
          });
        }
        if (c.accountCharge) {
          await chargeCustomer(staff, customer.id, {
            amount: c.accountCharge,
            description: 'Filter',
          });
        }
        const chosen = invoices
          .filter((invoice, index) => invoice.chosen || index === 0)
          .map((invoice) => ({
            id: invoice.id,
            amount: Math.max(
              100,
              Math.min(invoice.amount, Math.round(invoice.amount * invoice.share)),
            ),
          }));
        const balanceAmount = c.accountCharge && c.payAccount ? c.accountCharge : 0;
        const bank = c.instrument === 'bank' && c.currency === 'usd';
        const before = await balanceOf(staff, customer.id);

        const p = openPortal(h, await createPaymentLink(staff, { customer: customer.id }));
        const paid = await p.pay(
          {
            invoices: chosen,
            balance_amount: balanceAmount,
            tip: c.tip,
            method: bank ? 'us_bank_account' : 'card',
          },
          bank ? BANK : CARDS[c.instrument === 'bank' ? 'credit' : c.instrument],
        );
        expect(paid.body.status).toBe('succeeded');
        const subtotal = chosen.reduce((sum, part) => sum + part.amount, balanceAmount);
        expect(paid.body.subtotal).toBe(subtotal);
        if (['debit', 'prepaid'].includes(c.instrument) && !bank) expect(paid.body.fee).toBe(0);

        const charged = await h.db
          .selectFrom('sandbox_payments')
          .select('amount')
          .where('payment_id', '=', paid.body.id)
          .executeTakeFirstOrThrow();
        const entries = await h.db
          .selectFrom('ledger_entries')
          .select(['kind', 'amount'])
          .where('payment_id', '=', paid.body.id)
          .execute();
        const sum = (kind: string) =>
          entries.filter((e) => e.kind === kind).reduce((total, e) => total + Number(e.amount), 0);
        expect(-sum('payment')).toBe(Number(charged.amount));
        expect(sum('tip') + sum('fee') + subtotal).toBe(Number(charged.amount));
        expect(sum('tip')).toBe(paid.body.tip);
        expect(sum('fee')).toBe(paid.body.fee);
        expect(paid.body.amount).toBe(Number(charged.amount));
        expect(await balanceOf(staff, customer.id)).toBe(before - subtotal);
      }),
      { numRuns: 30 },
    );
  });
});
