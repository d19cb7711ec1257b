/**
 * Work that races on one customer: every transaction takes the customer, then the invoice, then
 * the business row (document numbers). On PostgreSQL a different order deadlocks; these races
 * must all end in answers that agree with the ledger.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';

describe.each(testStores)('concurrent staff work on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const line = (amount: number) => [{ description: 'Service', quantity: 1, unit_amount: amount }];

  it('adds ten charges to one invoice at once, and the invoice agrees with the ledger', async () => {
    const staff = await h.business();
    const customer = await createCustomer(staff, { name: 'Dana' });
    const invoice = await createInvoice(staff, customer.id, { lines: line(1_000) });
    const charges = await Promise.all(
      Array.from({ length: 10 }, () =>
        staff.post(`/v1/customers/${customer.id}/charges`, {
          amount: 100,
          description: 'Extra',
          invoice: invoice.id,
        }),
      ),
    );
    expect(charges.map((charge) => charge.status)).toEqual(Array(10).fill(200));
    const after = (await staff.get(`/v1/invoices/${invoice.id}`)).body;
    expect(after).toMatchObject({ total: 2_000, amount_due: 2_000 });
    expect(after.lines).toHaveLength(11);
  });

  it('never leaves money owed on a void invoice when a charge races the void', async () => {
    const staff = await h.business();
    const customer = await createCustomer(staff, { name: 'Eli' });
    for (let round = 0; round < 5; round += 1) {
      const invoice = await createInvoice(staff, customer.id, { lines: line(1_000) });
      const [charge, voided] = await Promise.all([
        staff.post(`/v1/customers/${customer.id}/charges`, {
          amount: 500,
          description: 'Late fee',
          invoice: invoice.id,
        }),
        staff.post(`/v1/invoices/${invoice.id}/void`),
      ]);
      expect(voided.status).toBe(200);
      expect([200, 409]).toContain(charge.status);
      const after = (await staff.get(`/v1/invoices/${invoice.id}`)).body;
      expect(after).toMatchObject({ status: 'void', amount_due: 0 });
    }
  });

  it('turns an estimate into an invoice while another invoice is created, without a deadlock', async () => {
    const staff = await h.business();
    const customer = await createCustomer(staff, { name: 'Finn' });
    const finn = openPortal(h, await createPaymentLink(staff, { customer: customer.id }));
    for (let round = 0; round < 5; round += 1) {
      const estimate = await createEstimate(staff, customer.id, {
        lines: line(1_000),
        valid_until: '2099-01-01',
      });
      const approved = await finn.approve(estimate.id, { type: 'typed', name: 'Finn' });
      expect(approved.status).toBe(200);
      const answers = await Promise.all([
        staff.post(`/v1/estimates/${estimate.id}/invoice`),
        staff.post('/v1/invoices', { customer: customer.id, lines: line(500) }),
        staff.post('/v1/estimates', {
          customer: customer.id,
          lines: line(700),
          valid_until: '2099-01-01',
        }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    }
  });
});
