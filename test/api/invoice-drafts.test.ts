/**
 * Editing a draft invoice (issue 15): lines replaced and priced again, due date and notes changed,
 * nothing on the balance until it is issued; an open invoice and bad input refused, unchanged.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { balanceOf, createCustomer, createInvoice, poolBusiness } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';

const FILTER = { description: 'Filter cartridge', quantity: 2, unit_amount: 4_500, tax_rate: 825 };
const SERVICE = { description: 'Weekly service', quantity: 4, unit_amount: 8_500, tax_rate: 0 };

describe.each(testStores)('draft invoices on $name', (store) => {
  const h = useHarness(store);

  it('edits a draft: new lines priced, due date and notes, nothing owed until issued', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff, { name: 'Dana' });
    const draft = await createInvoice(staff, dana.id, { lines: [FILTER], draft: true });
    expect(draft).toMatchObject({ status: 'draft', total: 9_743 });

    const edited = await staff.patch(`/v1/invoices/${draft.id}`, {
      lines: [SERVICE, FILTER],
      due_date: '2026-12-31',
      notes: 'Gate code 4411.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: draft.id,
      number: draft.number,
      status: 'draft',
      subtotal: 43_000,
      tax: 743,
      total: 43_743,
      amount_due: 43_743,
      due_date: '2026-12-31',
      notes: 'Gate code 4411.',
    });
    expect(edited.body.lines.map((line: { description: string }) => line.description)).toEqual([
      'Weekly service',
      'Filter cartridge',
    ]);
    expect(await balanceOf(staff, dana.id)).toBe(0);

    // Notes cleared, the lines left as they are.
    const cleared = await staff.patch(`/v1/invoices/${draft.id}`, { notes: null, due_date: null });
    expect(cleared.body).toMatchObject({ notes: null, due_date: null, total: 43_743 });

    const issued = await staff.post(`/v1/invoices/${draft.id}/finalize`);
    expect(issued.body.status).toBe('open');
    expect(await balanceOf(staff, dana.id)).toBe(43_743);
    const late = await staff.patch(`/v1/invoices/${draft.id}`, { notes: 'Too late' });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'invoice_not_draft', param: 'id' });
    expect((await staff.get(`/v1/invoices/${draft.id}`)).body.notes).toBeNull();
  });

  it('refuses bad changes and other businesses, changing nothing', async () => {
    const staff = await poolBusiness(h);
    const dana = await createCustomer(staff, { name: 'Dana' });
    const draft = await createInvoice(staff, dana.id, { lines: [FILTER], draft: true });
    const cases: [unknown, number, string][] = [
      [{ lines: [] }, 400, 'lines'],
      [{ lines: [{ ...FILTER, quantity: 0 }] }, 400, 'lines[0].quantity'],
      [{ lines: [{ ...FILTER, unit_amount: 0 }] }, 422, 'lines'],
      [{ due_date: '31/12/2026' }, 400, 'due_date'],
    ];
    for (const [body, status, param] of cases) {
      const refused = await staff.patch(`/v1/invoices/${draft.id}`, body);
      expect({ status: refused.status, param: refused.body.error?.param }).toEqual({
        status,
        param,
      });
    }
    const unknown = await staff.patch(`/v1/invoices/${draft.id}`, { colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('colour');
    const rival = await h.business({ name: 'Rival Pools' });
    expect((await rival.patch(`/v1/invoices/${draft.id}`, { notes: 'x' })).status).toBe(404);
    const after = (await staff.get(`/v1/invoices/${draft.id}`)).body;
    expect(after).toMatchObject({ total: 9_743, notes: null, due_date: null });
    expect(after.lines).toHaveLength(1);
  });
});
