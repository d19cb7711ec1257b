/**
 * Text the stores cannot keep (issue 10): a NUL character (a 500 on PostgreSQL before, kept by
 * SQLite) and a lone surrogate are refused in every field with 400 `parameter_invalid` and the
 * field's name, on both stores alike, and change nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createCustomer, createEstimate, createPaymentLink, DANA } from '../support/fixtures.ts';
import { type ApiAnswer, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';

const NUL = 'Dana\u0000Diaz';
const LONE = 'Dana \ud83d Diaz';

describe.each(testStores)('text the stores cannot keep, on $name', (store) => {
  const h = useHarness(store);

  it('is refused in every place a staff call takes text, naming the field', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff, DANA);
    for (const bad of [NUL, LONE]) {
      const cases: [Promise<ApiAnswer>, string][] = [
        [staff.post('/v1/customers', { name: bad }), 'name'],
        [staff.patch(`/v1/customers/${dana.id}`, { email: null, name: bad }), 'name'],
        [
          staff.post(`/v1/customers/${dana.id}/charges`, { amount: 100, description: bad }),
          'description',
        ],
        [
          staff.post('/v1/invoices', {
            customer: dana.id,
            lines: [{ description: bad, quantity: 1, unit_amount: 100 }],
          }),
          'lines[0].description',
        ],
        [staff.patch('/v1/settings', { branding: { address: bad } }), 'branding.address'],
      ];
      if (bad === NUL) {
        // A lone surrogate cannot be written in a URL at all (UTF-8 has no bytes for it).
        cases.push(
          [staff.get('/v1/customers?starting_after=cus_%00'), 'starting_after'],
          [staff.get('/v1/customers/cus_%00'), 'id'],
        );
      }
      for (const [call, param] of cases) {
        const answered = await call;
        expect(answered.status, `${param}: ${JSON.stringify(answered.body)}`).toBe(400);
        expect(answered.body.error).toMatchObject({ code: 'parameter_invalid', param });
      }
    }
    const customers = await staff.get('/v1/customers?limit=100');
    expect(customers.body.data.map((c: { name: string }) => c.name)).toEqual([DANA.name]);
    expect((await staff.get(`/v1/customers/${dana.id}/balance`)).body.amount).toBe(0);
  });

  it('is refused through a link: a question on an estimate, an SMS consent on a payment', async () => {
    const staff = await h.business();
    const { customer, invoice, link } = await owingCustomer(staff, 5_000, DANA);
    const estimate = await createEstimate(staff, customer.id);
    const asking = openPortal(h, await createPaymentLink(staff, { estimate: estimate.id }));
    for (const bad of [NUL, LONE]) {
      const asked = await asking.ask(estimate.id, bad);
      expect(asked.status).toBe(400);
      expect(asked.body.error).toMatchObject({ code: 'parameter_invalid', param: 'message' });
      const paying = await openPortal(h, link).create({
        invoices: [{ id: invoice.id, amount: 5_000 }],
        method: 'card',
        sms_consent: { phone: '+18135550142', text: bad },
      });
      expect(paying.status).toBe(400);
      expect(paying.body.error).toMatchObject({
        code: 'parameter_invalid',
        param: 'sms_consent.text',
      });
    }
    expect((await staff.get(`/v1/estimates/${estimate.id}/questions`)).body.data).toEqual([]);
    const paid = await openPortal(h, link).create({
      invoices: [{ id: invoice.id, amount: 5_000 }],
      method: 'card',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  });

  it('any text with a NUL or a lone surrogate anywhere: 400 with the field, never a 500', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff, DANA);
    const badText = fc
      .tuple(
        fc.string(),
        fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\u0000\ud83d'),
        fc.string(),
      )
      .map(([before, bad, after]) => `${before}${bad}${after}`);
    const routes = [
      (text: string) => [staff.post('/v1/customers', { name: text }), 'name'] as const,
      (text: string) =>
        [
          staff.post(`/v1/customers/${dana.id}/credits`, { amount: 100, description: text }),
          'description',
        ] as const,
      (text: string) =>
        [
          staff.post('/v1/invoices', {
            customer: dana.id,
            lines: [{ description: 'Pool cleaning', quantity: 1, unit_amount: 100 }],
            notes: text,
          }),
          'notes',
        ] as const,
      (text: string) => [staff.patch('/v1/settings', { name: text }), 'name'] as const,
    ];
    await fc.assert(
      fc.asyncProperty(badText, fc.nat(routes.length - 1), async (text, which) => {
        const [call, param] = routes[which]!(text);
        const answered = await call;
        expect(answered.status).toBe(400);
        expect(answered.body.error).toMatchObject({ code: 'parameter_invalid', param });
      }),
      { numRuns: 40 },
    );
    expect((await staff.get('/v1/customers?limit=100')).body.data).toHaveLength(1);
    expect((await staff.get(`/v1/customers/${dana.id}/balance`)).body.amount).toBe(0);
  });
});
