/** `/v1/customers`: customers, their charges, credits and balance. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { CUSTOMER_LANGUAGES } from '../../businesses/customer-locale.ts';
import {
  createCustomer,
  customerView,
  getCustomer,
  listCustomers,
  updateCustomer,
} from '../../businesses/customers.ts';
import type { AppEnv } from '../../http/env.ts';
import { ListQuery, listHandler, listRoute } from '../../http/lists.ts';
import { openApiHooks } from '../../http/openapi.ts';
import {
  AddedByName,
  amount,
  errorResponses,
  idParam,
  isoDate,
  jsonBody,
  jsonResponse,
  positiveAmount,
  prefixedId,
  Timestamp,
} from '../../http/schemas.ts';
import { postCharge, postCredit } from '../../invoices/charges.ts';
import { balanceState, customerBalance } from '../../ledger/entries.ts';

const Address = z.object({
  line1: z.string().max(200).nullish(),
  line2: z.string().max(200).nullish(),
  city: z.string().max(100).nullish(),
  state: z.string().max(100).nullish(),
  postal_code: z.string().max(20).nullish(),
  country: z.string().max(2).nullish(),
});

const CustomerFields = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).nullish(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ().-]{7,20}$/, 'must be a phone number')
    .nullish(),
  external_id: z.string().max(100).nullish(),
  address: Address.nullish(),
  locale: z.enum(CUSTOMER_LANGUAGES).nullish().openapi({
    description:
      "The language the customer is written to in (reminders, texts, emails, the portal); null: the business's.",
  }),
  time_zone: z.string().nullish().openapi({
    description:
      "IANA time zone the customer lives in (America/Chicago): reminder texts keep quiet hours (8:00 to 21:00) on it; null: the business's. An unknown name is refused (422 time_zone_invalid).",
    example: 'America/Chicago',
  }),
});

export const Customer = z
  .object({
    id: z.string(),
    object: z.literal('customer'),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    external_id: z.string().nullable(),
    address: Address.nullable(),
    locale: z.enum(CUSTOMER_LANGUAGES).nullable(),
    time_zone: z.string().nullable(),
    created: Timestamp,
  })
  .openapi('Customer');

const NewCharge = z
  .object({
    amount: positiveAmount,
    tax: amount.default(0),
    description: z.string().trim().min(1).max(500),
    date: isoDate.optional(),
    invoice: prefixedId('inv').optional(),
    added_by_name: AddedByName,
  })
  .openapi('NewCharge');

export const LedgerEntry = z
  .object({
    id: z.string(),
    object: z.enum(['charge', 'credit']),
    customer: z.string(),
    amount: z.number().int(),
    tax: z.number().int(),
    currency: z.string(),
    description: z.string(),
    date: z.string(),
    invoice: z.string().nullable(),
    added_by_name: z.string().nullable(),
    created: Timestamp,
  })
  .openapi('LedgerEntry');

export const Balance = z
  .object({
    object: z.literal('balance'),
    customer: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    state: z.enum(['zero', 'credit', 'outstanding']),
  })
  .openapi('Balance');

const security = [{ bearer: [] }];
const tags = ['Customers'];

export const customerRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      security,
      summary: 'Create a customer',
      request: jsonBody(CustomerFields),
      responses: { 200: jsonResponse(Customer, 'The customer'), ...errorResponses(400, 401, 422) },
    }),
    async (c) => {
      const customer = await createCustomer(c.var.db, c.var.business.id, c.req.valid('json'));
      return c.json(customerView(customer), 200);
    },
  )
  .openapi(
    listRoute({
      tags,
      summary: 'List customers, newest first',
      request: {
        query: ListQuery.extend({
          q: z.string().trim().min(1).max(100).optional().openapi({
            description: 'Name, email or phone containing this, or an invoice number; any case.',
          }),
        }),
      },
      item: Customer,
      page: 'A page of customers',
    }),
    listHandler(
      (c, page) => listCustomers(c.var.db, c.var.business.id, page),
      (_c, rows) => rows.map(customerView),
    ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      summary: 'Retrieve a customer',
      request: { params: idParam('cus') },
      responses: { 200: jsonResponse(Customer, 'The customer'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const customer = await getCustomer(c.var.db, c.var.business.id, c.req.valid('param').id);
      return c.json(customerView(customer), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      security,
      summary: 'Update a customer',
      request: { params: idParam('cus'), ...jsonBody(CustomerFields.partial()) },
      responses: {
        200: jsonResponse(Customer, 'The customer'),
        ...errorResponses(400, 401, 404, 422),
      },
    }),
    async (c) => {
      const customer = await updateCustomer(
        c.var.db,
        c.var.business.id,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(customerView(customer), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/charges',
      tags,
      security,
      summary: 'Add a billing line item (a charge) to the account',
      description: '`amount` excludes `tax`; the balance grows by both.',
      request: { params: idParam('cus'), ...jsonBody(NewCharge) },
      responses: {
        200: jsonResponse(LedgerEntry, 'The charge'),
        ...errorResponses(400, 401, 404, 409),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const input = c.req.valid('json');
      const entry = await db.transaction().execute(async (trx) => {
        const customer = await getCustomer(trx, business.id, c.req.valid('param').id);
        return postCharge(trx, customer, input);
      });
      return c.json(entryView(entry, business.currency, 'charge'), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/credits',
      tags,
      security,
      summary: 'Credit the account',
      request: {
        params: idParam('cus'),
        ...jsonBody(
          z.object({
            amount: positiveAmount,
            description: z.string().trim().min(1).max(500),
            added_by_name: AddedByName,
          }),
        ),
      },
      responses: { 200: jsonResponse(LedgerEntry, 'The credit'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db, business } = c.var;
      const input = c.req.valid('json');
      const entry = await db.transaction().execute(async (trx) => {
        const customer = await getCustomer(trx, business.id, c.req.valid('param').id);
        return postCredit(trx, customer, input);
      });
      return c.json(entryView(entry, business.currency, 'credit'), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/balance',
      tags,
      security,
      summary: "The customer's balance and its state",
      request: { params: idParam('cus') },
      responses: { 200: jsonResponse(Balance, 'The balance'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db, business } = c.var;
      const customer = await getCustomer(db, business.id, c.req.valid('param').id);
      const balance = await customerBalance(db, customer.id);
      return c.json(
        {
          object: 'balance' as const,
          customer: customer.id,
          amount: balance,
          currency: business.currency,
          state: balanceState(balance),
        },
        200,
      );
    },
  );

function entryView(
  entry: {
    id: string;
    customer_id: string;
    amount: number;
    tax: number;
    description: string;
    date: string;
    invoice_id: string | null;
    added_by_name: string | null;
    created_at: string;
  },
  currency: string,
  object: 'charge' | 'credit',
) {
  return {
    id: entry.id,
    object,
    customer: entry.customer_id,
    // A credit reduces the balance; its amount is shown as the positive sum credited.
    amount: object === 'credit' ? -entry.amount : entry.amount - entry.tax,
    tax: entry.tax,
    currency,
    description: entry.description,
    date: entry.date,
    invoice: entry.invoice_id,
    added_by_name: entry.added_by_name,
    created: entry.created_at,
  };
}
