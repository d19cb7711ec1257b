/** Account credit meeting open invoices, whichever comes first (invoices/credit-application.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  balanceOf,
  chargeCustomer,
  createCustomer,
  createInvoice,
  createPaymentLink,
  creditCustomer,
  poolBusiness,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { creditChecks } from './credit-checks.ts';

describe.each(testStores)('account credit applied to open invoices on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const { invoiceView, expectBalanceIsSumOfEntries } = creditChecks(h);

  it('credit, then invoice: the invoice and the portal ask for the balance, and paying it settles all', async () => {
    const staff = await poolBusiness(h, { tips: { enabled: true, percentages: [10, 15, 20] } });
    const dana = await createCustomer(staff);
    await creditCustomer(staff, dana.id, 3_000);
    const invoice = await createInvoice(staff, dana.id, 10_000);

    expect(await invoiceView(staff, invoice.id)).toMatchObject({
      status: 'open',
      total: 10_000,
      amount_due: 7_000,
      amount_paid: 0,
      amount_credited: 3_000,
    });
    const p = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    const shown = (await p.get()).body;
    expect(shown.balance).toEqual({ amount: 7_000, state: 'outstanding' });
    expect(shown.balance_due).toBe(0);
    expect(shown.invoices).toMatchObject([{ id: invoice.id, total: 10_000, amount_due: 7_000 }]);

    // The whole invoice is not payable any more, only what it asks for.
    const tooMuch = await p.create({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      method: 'card',
    });
    expect(tooMuch.status).toBe(422);
    const paid = await p.pay({
      invoices: [{ id: invoice.id, amount: 7_000 }],
      tip: { percent: 10 },
      method: 'card',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ status: 'succeeded', subtotal: 7_000, tip: 700 });
    expect(await balanceOf(staff, dana.id)).toBe(0);
    expect(await invoiceView(staff, invoice.id)).toMatchObject({
      status: 'paid',
      amount_due: 0,
      amount_paid: 7_000,
      amount_credited: 3_000,
    });
    expect(await expectBalanceIsSumOfEntries(staff, dana.id)).toBe(0);
  });

  it('invoice, then credit: the credit pays the open invoice down', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff);
    const invoice = await createInvoice(staff, dana.id, 10_000);
    const posted = await creditCustomer(staff, dana.id, 3_000);
    // The answer is the credit itself.
    expect(posted).toMatchObject({ object: 'credit', amount: 3_000 });

    expect(await invoiceView(staff, invoice.id)).toMatchObject({
      status: 'open',
      amount_due: 7_000,
      amount_paid: 0,
      amount_credited: 3_000,
    });
    const p = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    expect((await p.get()).body).toMatchObject({
      balance: { amount: 7_000 },
      balance_due: 0,
      invoices: [{ id: invoice.id, amount_due: 7_000 }],
    });
    // An invoice link shows the same figure.
    const invoiceLink = openPortal(h, await createPaymentLink(staff, { invoice: invoice.id }));
    expect((await invoiceLink.get()).body.invoices).toMatchObject([{ amount_due: 7_000 }]);

    const paid = await p.pay({ invoices: [{ id: invoice.id, amount: 7_000 }], method: 'card' });
    expect(paid.body.status).toBe('succeeded');
    expect(await balanceOf(staff, dana.id)).toBe(0);
    expect((await invoiceView(staff, invoice.id)).status).toBe('paid');
    await expectBalanceIsSumOfEntries(staff, dana.id);
  });

  it('credit larger than the invoice: the invoice is paid and the rest stays as credit for the next one', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff);
    await creditCustomer(staff, dana.id, 15_000);
    const first = await createInvoice(staff, dana.id, 10_000);
    expect(await invoiceView(staff, first.id)).toMatchObject({
      status: 'paid',
      amount_due: 0,
      amount_paid: 0,
      amount_credited: 10_000,
    });
    expect(await balanceOf(staff, dana.id)).toBe(-5_000);
    const p = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    expect((await p.get()).body).toMatchObject({
      balance: { amount: -5_000, state: 'credit' },
      balance_due: 0,
      invoices: [],
    });

    const second = await createInvoice(staff, dana.id, 8_000);
    expect(await invoiceView(staff, second.id)).toMatchObject({
      status: 'open',
      amount_due: 3_000,
      amount_credited: 5_000,
    });
    expect(await expectBalanceIsSumOfEntries(staff, dana.id)).toBe(3_000);
  });

  it('applies credit oldest invoice first, and a draft takes none until finalized', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff);
    const older = await createInvoice(staff, dana.id, 4_000);
    const newer = await createInvoice(staff, dana.id, 5_000);
    const draft = await createInvoice(staff, dana.id, {
      unit_amount: 2_000,
      description: 'Pump repair',
      draft: true,
    });
    await creditCustomer(staff, dana.id, 6_000);
    expect(await invoiceView(staff, older.id)).toMatchObject({ status: 'paid', amount_due: 0 });
    expect(await invoiceView(staff, newer.id)).toMatchObject({
      status: 'open',
      amount_due: 3_000,
      amount_credited: 2_000,
    });
    expect(await invoiceView(staff, draft.id)).toMatchObject({
      status: 'draft',
      amount_credited: 0,
    });

    await creditCustomer(staff, dana.id, 4_000); // 3 000 for the newer invoice, 1 000 left over
    expect((await invoiceView(staff, newer.id)).status).toBe('paid');
    expect(await balanceOf(staff, dana.id)).toBe(-1_000);
    const finalized = await staff.post(`/v1/invoices/${draft.id}/finalize`);
    expect(finalized.body).toMatchObject({
      status: 'open',
      amount_due: 1_000,
      amount_credited: 1_000,
    });
    expect(await expectBalanceIsSumOfEntries(staff, dana.id)).toBe(1_000);
  });

  it('an account charge is paid from the credit before any invoice is', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff);
    await chargeCustomer(staff, dana.id, { amount: 1_500, description: 'Call-out' });
    await creditCustomer(staff, dana.id, 2_000);
    const invoice = await createInvoice(staff, dana.id, 3_000);
    expect(await invoiceView(staff, invoice.id)).toMatchObject({
      amount_due: 2_500,
      amount_credited: 500,
    });
    expect(await expectBalanceIsSumOfEntries(staff, dana.id)).toBe(2_500);
  });

  it('property: whatever staff do, the balance is the sum of the entries and no credit sits unused beside an open invoice', async () => {
    const staff = await poolBusiness(h);
    type Step =
      | { kind: 'credit'; amount: number }
      | { kind: 'invoice'; amount: number }
      | { kind: 'charge'; amount: number }
      | { kind: 'void'; pick: number };
    const amount = fc.integer({ min: 1, max: 20_000 });
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('credit' as const), amount }),
      fc.record({ kind: fc.constant('invoice' as const), amount }),
      fc.record({ kind: fc.constant('charge' as const), amount }),
      fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 7 }), async (steps) => {
        runs += 1;
        const customer = (await createCustomer(staff, { name: `Property ${runs}` })).id;
        const invoices: { id: string; total: number }[] = [];
        let expected = 0;
        for (const s of steps) {
          if (s.kind === 'credit') {
            await creditCustomer(staff, customer, s.amount);
            expected -= s.amount;
          } else if (s.kind === 'charge') {
            await chargeCustomer(staff, customer, { amount: s.amount, description: 'Chemicals' });
            expected += s.amount;
          } else if (s.kind === 'invoice') {
            invoices.push(await createInvoice(staff, customer, s.amount));
            expected += s.amount;
          } else if (invoices.length > 0) {
            const [voided] = invoices.splice(s.pick % invoices.length, 1);
            expect((await staff.post(`/v1/invoices/${voided!.id}/void`)).status).toBe(200);
            expected -= voided!.total;
          }
          expect(await expectBalanceIsSumOfEntries(staff, customer)).toBe(expected);
          const views = await Promise.all(invoices.map((i) => invoiceView(staff, i.id)));
          const open = views.filter((v) => v.status !== 'paid');
          const owedOnInvoices = open.reduce((sum, v) => sum + v.amount_due, 0);
          for (const v of views) {
            expect(v.amount_due).toBeGreaterThanOrEqual(0);
            expect(v.amount_due + v.amount_credited).toBe(v.total);
            expect(v.status).toBe(v.amount_due === 0 ? 'paid' : 'open');
          }
          // Credit left unapplied only when no invoice asks for anything.
          if (owedOnInvoices > 0) expect(expected).toBeGreaterThanOrEqual(owedOnInvoices);
        }
      }),
      { numRuns: store.name === 'sqlite' ? 25 : 10 },
    );
  });
});
