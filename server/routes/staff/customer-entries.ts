/**
 * `GET /v1/customers/:id/entries`: the customer's account statement (issue 15: "charges and
 * credits on the account listed, newest first, with the running balance"): every ledger entry
 * with the balance after it, the invoice it belongs to and the payment it came from.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getCustomer } from '../../businesses/customers.ts';
import type { AppEnv } from '../../http/env.ts';
import { notFound } from '../../http/errors.ts';
import { ListQuery, listAnswer, listOf } from '../../http/lists.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, jsonResponse, prefixedId, Timestamp } from '../../http/schemas.ts';
import { entrySource, statementPage } from '../../ledger/statement.ts';

export const StatementEntry = z
  .object({
    id: z.string(),
    object: z.literal('ledger_entry'),
    kind: z.enum(['charge', 'credit', 'payment', 'refund', 'tip', 'fee', 'adjustment']),
    amount: z.number().int().openapi({
      description: 'Effect on what the customer owes, tax included: + owed, − paid or credited.',
    }),
    tax: z.number().int(),
    description: z.string(),
    date: z.string(),
    invoice: z.string().nullable(),
    invoice_number: z.string().nullable(),
    payment: z.string().nullable(),
    balance_after: z.number().int(),
    added_by: z.enum(['staff', 'customer']).openapi({
      description: 'Staff (charges, credits, voids, refunds) or the customer (a payment).',
    }),
    added_by_name: z.string().nullable().openapi({
      description: 'The person at the business who added it, when the staff call named them.',
    }),
    created: Timestamp,
  })
  .openapi('StatementEntry');

const Params = z.object({ id: prefixedId('cus').openapi({ param: { name: 'id', in: 'path' } }) });

export const customerEntryRoutes = new OpenAPIHono<AppEnv>(openApiHooks).openapi(
  createRoute({
    method: 'get',
    path: '/{id}/entries',
    tags: ['Customers'],
    security: [{ bearer: [] }],
    summary: "The customer's account statement, newest first",
    request: { params: Params, query: ListQuery },
    responses: {
      200: jsonResponse(listOf(StatementEntry), 'A page of ledger entries'),
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const { db, business } = c.var;
    const customer = await getCustomer(db, business.id, c.req.valid('param').id);
    const page = c.req.valid('query');
    const rows = await statementPage(db, customer.id, page);
    if (!rows) throw notFound('ledger entry', 'starting_after');
    const answer = await listAnswer(rows, page.limit, async (entries) => {
      const ids = [...new Set(entries.map((e) => e.invoice_id).filter((id) => id !== null))];
      const numbers = new Map(
        ids.length === 0
          ? []
          : (
              await db
                .selectFrom('invoices')
                .select(['id', 'number'])
                .where('id', 'in', ids)
                .execute()
            ).map((row) => [row.id, row.number]),
      );
      return entries.map((entry) => ({
        id: entry.id,
        object: 'ledger_entry' as const,
        kind: entry.kind,
        amount: Number(entry.amount),
        tax: Number(entry.tax),
        description: entry.description,
        date: entry.date,
        invoice: entry.invoice_id,
        invoice_number: entry.invoice_id ? (numbers.get(entry.invoice_id) ?? null) : null,
        payment: entry.payment_id,
        balance_after: Number(entry.balance_after),
        added_by: entrySource(entry.kind),
        added_by_name: entry.added_by_name,
        created: entry.created_at,
      }));
    });
    return c.json(answer, 200);
  },
);
