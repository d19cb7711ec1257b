/** Invoices as staff make and read them: numbers, amounts, bad input, lists, other businesses. */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { balanceOf, createCustomer, createInvoice, poolService } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';

describe.each(testStores)('invoices API on $name', (store) => {
  const h = useHarness(store);

  it('numbers invoices per business: INV-0001, INV-0002…', async () => {
    const acme = await h.business();
    const other = await h.business({ name: 'Blue Lagoon' });
    const dana = await createCustomer(acme);
    const first = await acme.post('/v1/invoices', { customer: dana.id, lines: [poolService] });
    const second = await acme.post('/v1/invoices', { customer: dana.id, lines: [poolService] });
    expect(first.status).toBe(200);
    expect([first.body.number, second.body.number]).toEqual(['INV-0001', 'INV-0002']);
    const elsewhere = await other.post('/v1/invoices', {
      customer: (await createCustomer(other)).id,
      lines: [poolService],
    });
    expect(elsewhere.body.number).toBe('INV-0001');
  });

  it('gives concurrent creations distinct, gapless numbers', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        staff.post('/v1/invoices', { customer: dana.id, lines: [poolService] }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body.number).sort()).toEqual([
      'INV-0001',
      'INV-0002',
      'INV-0003',
      'INV-0004',
      'INV-0005',
      'INV-0006',
    ]);
    expect(await balanceOf(staff, dana.id)).toBe(6 * 18_000);
  });

  it('computes line amounts, tax rounded half away from zero, and totals', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff);
    const created = await staff.post('/v1/invoices', {
      customer: dana.id,
      due_date: '2031-01-31',
      notes: 'Thank you!',
      lines: [
        { description: 'Chlorine', quantity: 1, unit_amount: 1000, tax_rate: 825 }, // 82.5 → 83
        { description: 'Filter', quantity: 3, unit_amount: 1999, tax_rate: 825 }, // 494.75 → 495
        { description: 'Washer', quantity: 1, unit_amount: 1, tax_rate: 5000 }, // 0.5 → 1
        { description: 'Labour', quantity: 2, unit_amount: 250 }, // untaxed
      ],
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      object: 'invoice',
      customer: dana.id,
      status: 'open',
      currency: 'usd',
      subtotal: 7498,
      tax: 579,
      total: 8077,
      amount_paid: 0,
      amount_due: 8077,
      due_date: '2031-01-31',
      notes: 'Thank you!',
      voided_at: null,
    });
    expect(created.body.lines.map((line: { amount: number; tax: number }) => line)).toMatchObject([
      { description: 'Chlorine', amount: 1000, tax: 83, tax_rate: 825 },
      { description: 'Filter', amount: 5997, tax: 495 },
      { description: 'Washer', amount: 1, tax: 1 },
      { description: 'Labour', amount: 500, tax: 0, tax_rate: 0 },
    ]);
    const read = await staff.get(`/v1/invoices/${created.body.id}`);
    expect(read.body).toEqual(created.body);
  });

  it('refuses bad input with the offending param, creating nothing', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff);
    const cases: [unknown, number, string][] = [
      [{ customer: dana.id, lines: [] }, 400, 'lines'],
      [{ customer: dana.id, lines: [{ ...poolService, quantity: 0 }] }, 400, 'lines[0].quantity'],
      [{ customer: dana.id, lines: [{ ...poolService, quantity: 1.5 }] }, 400, 'lines[0].quantity'],
      [
        { customer: dana.id, lines: [poolService, { ...poolService, tax_rate: 10_001 }] },
        400,
        'lines[1].tax_rate',
      ],
      [
        { customer: dana.id, lines: [{ ...poolService, unit_amount: -1 }] },
        400,
        'lines[0].unit_amount',
      ],
      [
        { customer: dana.id, lines: [{ quantity: 1, unit_amount: 1 }] },
        400,
        'lines[0].description',
      ],
      [{ customer: dana.id, lines: [poolService], due_date: '2031-02-30' }, 400, 'due_date'],
      [{ lines: [poolService] }, 400, 'customer'],
      [{ customer: 'cus_nobody', lines: [poolService] }, 404, 'customer'],
      [
        { customer: dana.id, lines: [{ ...poolService, quantity: 1000, unit_amount: 10 ** 12 }] },
        422,
        'lines[0].unit_amount',
      ],
      [{ customer: dana.id, lines: [{ ...poolService, unit_amount: 0 }] }, 422, 'lines'],
    ];
    for (const [body, status, param] of cases) {
      const refused = await staff.post('/v1/invoices', body);
      expect({ status: refused.status, param: refused.body.error?.param }).toEqual({
        status,
        param,
      });
    }
    expect(await balanceOf(staff, dana.id)).toBe(0);
    expect((await staff.get('/v1/invoices')).body.data).toEqual([]);
    const next = await staff.post('/v1/invoices', { customer: dana.id, lines: [poolService] });
    expect(next.body.number).toBe('INV-0001');
  });

  it('lists invoices by customer and status', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff);
    const eli = await createCustomer(staff, { name: 'Eli Evans' });
    const a = await createInvoice(staff, dana.id, { lines: [poolService] });
    const b = await createInvoice(staff, dana.id, { lines: [poolService] });
    await createInvoice(staff, eli.id, { lines: [poolService] });
    await staff.post(`/v1/invoices/${b.id}/void`);

    const danas = await staff.get(`/v1/invoices?customer=${dana.id}`);
    expect(danas.body).toMatchObject({ object: 'list', has_more: false });
    expect(danas.body.data.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    const open = await staff.get(`/v1/invoices?customer=${dana.id}&status=open`);
    expect(open.body.data.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(open.body.data[0].lines).toHaveLength(1);

    const page = await staff.get('/v1/invoices?limit=2');
    expect(page.body).toMatchObject({ has_more: true });
    const rest = await staff.get(`/v1/invoices?limit=2&starting_after=${page.body.data[1].id}`);
    expect(rest.body.data).toHaveLength(1);
    expect((await staff.get('/v1/invoices?status=late')).body.error.param).toBe('status');
  });

  it("never shows or touches another business's invoices", async () => {
    const acme = await h.business();
    const rival = await h.business({ name: 'Rival Pools' });
    const dana = await createCustomer(acme);
    const invoice = await createInvoice(acme, dana.id, { lines: [poolService] });
    const draft = await createInvoice(acme, dana.id, { lines: [poolService], draft: true });

    const unknown = await rival.get('/v1/invoices/inv_doesnotexist');
    expect(unknown.status).toBe(404);
    for (const [status, body] of [
      [404, (await rival.get(`/v1/invoices/${invoice.id}`)).body],
      [404, (await rival.post(`/v1/invoices/${invoice.id}/void`)).body],
      [404, (await rival.post(`/v1/invoices/${draft.id}/finalize`)).body],
    ] as const) {
      expect(status).toBe(404);
      expect(body).toEqual(unknown.body);
    }
    const steal = await rival.post('/v1/invoices', { customer: dana.id, lines: [poolService] });
    expect(steal.status).toBe(404);
    expect(steal.body.error.param).toBe('customer');
    const listed = await rival.get(`/v1/invoices?customer=${dana.id}`);
    expect(listed.status).toBe(404);
    expect((await rival.get('/v1/invoices')).body.data).toEqual([]);

    expect((await acme.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('open');
    expect((await acme.get(`/v1/invoices/${draft.id}`)).body.status).toBe('draft');
    expect(await balanceOf(acme, dana.id)).toBe(18_000);
  });

  it('documents the invoice routes and their parameters in /openapi.json', async () => {
    const doc = await (await h.request('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/invoices',
        '/v1/invoices/{id}',
        '/v1/invoices/{id}/void',
        '/v1/invoices/{id}/finalize',
      ]),
    );
    const listParams = doc.paths['/v1/invoices'].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(listParams).toEqual(expect.arrayContaining(['customer', 'status', 'limit']));
    expect(doc.components.schemas.DocumentLineInput.properties.tax_rate.maximum).toBe(10_000);
  });
});
