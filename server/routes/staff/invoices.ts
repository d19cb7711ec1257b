/** `/v1/invoices`: invoices with lines; totals computed here, charges posted to the ledger. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getCustomer } from '../../businesses/customers.ts';
import type { AppEnv } from '../../http/env.ts';
import { ListQuery, listHandler, listRoute } from '../../http/lists.ts';
import { openApiHooks } from '../../http/openapi.ts';
import {
  AddedByName,
  errorResponses,
  idParam,
  isoDate,
  jsonBody,
  jsonResponse,
  prefixedId,
  Timestamp,
} from '../../http/schemas.ts';
import { invoiceActivity } from '../../invoices/activity.ts';
import { Discount, DiscountInput } from '../../invoices/discounts.ts';
import {
  createInvoice,
  finalizeInvoice,
  getInvoice,
  invoiceViews,
  listInvoices,
  voidInvoice,
} from '../../invoices/invoices.ts';
import { DocumentLine, documentLinesInput } from '../../invoices/lines.ts';

const InvoiceStatus = z.enum(['draft', 'open', 'viewed', 'partially_paid', 'paid', 'void']);

const NewInvoice = z
  .object({
    customer: prefixedId('cus'),
    lines: documentLinesInput,
    due_date: isoDate.nullish(),
    notes: z.string().trim().max(2000).nullish(),
    discount: DiscountInput.nullish().openapi({
      description: 'Taken off the subtotal before tax; the lines share it in proportion.',
    }),
    draft: z.boolean().default(false).openapi({
      description: 'Create a draft that posts nothing until `POST /v1/invoices/{id}/finalize`.',
    }),
    added_by_name: AddedByName.openapi({
      description:
        "The person at the business creating it, kept on the charges an open invoice posts (a draft's are posted at finalize, unnamed).",
    }),
  })
  .openapi('NewInvoice');

export const Invoice = z
  .object({
    id: z.string(),
    object: z.literal('invoice'),
    number: z.string().openapi({ example: 'INV-0001' }),
    customer: z.string(),
    status: InvoiceStatus,
    currency: z.string(),
    lines: z.array(DocumentLine),
    subtotal: z.number().int(),
    discount: Discount.nullable(),
    tax: z.number().int().openapi({ description: 'On the subtotal less the discount.' }),
    total: z.number().int().openapi({ description: 'subtotal − discount + tax' }),
    amount_paid: z.number().int().openapi({
      description:
        'Payments applied to the invoice, less refunds. Account credit is not a payment.',
    }),
    amount_credited: z
      .number()
      .int()
      .openapi({
        description:
          "The customer's account credit applied to the invoice (oldest open invoice first); " +
          'given back to the account if the invoice is voided.',
      }),
    amount_due: z.number().int(),
    due_date: z.string().nullable(),
    notes: z.string().nullable(),
    created: Timestamp,
    voided_at: Timestamp.nullable(),
  })
  .openapi('Invoice');

export const InvoiceEvent = z
  .object({
    object: z.literal('invoice_event'),
    type: z.enum([
      'created',
      'sent',
      'viewed',
      'reminder',
      'payment',
      'refund',
      'question',
      'voided',
    ]),
    created: Timestamp,
    channel: z.string().nullable().openapi({ description: '`sent`: `email` or `sms`.' }),
    amount: z.number().int().nullable().openapi({
      description: '`payment`: what it applied to this invoice; `refund`: what it gave back.',
    }),
    method: z.enum(['card', 'us_bank_account', 'paypal']).nullable(),
    payment: z.string().nullable(),
    receipt_number: z.string().nullable(),
    message: z.string().nullable().openapi({ description: '`question`: what the customer asked.' }),
    link: z.string().nullable().openapi({ description: 'The payment link it came through.' }),
  })
  .openapi('InvoiceEvent');

export const InvoiceEvents = z
  .object({ object: z.literal('list'), data: z.array(InvoiceEvent), has_more: z.boolean() })
  .openapi('InvoiceEvents');

const InvoiceListQuery = ListQuery.extend({
  customer: prefixedId('cus').optional(),
  status: InvoiceStatus.optional(),
});

const security = [{ bearer: [] }];
const tags = ['Invoices'];

export const invoiceRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      security,
      summary: 'Create an invoice',
      description:
        'Line amounts, tax (rounded half away from zero per line) and totals are computed by the ' +
        "server. Unless `draft`, the invoice opens at once and each line becomes a charge on the customer's balance.",
      request: jsonBody(NewInvoice),
      responses: {
        200: jsonResponse(Invoice, 'The invoice'),
        ...errorResponses(400, 401, 404, 422),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const { customer: customerId, ...input } = c.req.valid('json');
      const view = await db.transaction().execute(async (trx) => {
        const customer = await getCustomer(trx, business.id, customerId, 'customer');
        const invoice = await createInvoice(trx, customer, input);
        return (await invoiceViews(trx, [invoice]))[0]!;
      });
      return c.json(view, 200);
    },
  )
  .openapi(
    listRoute({
      tags,
      summary: 'List invoices, newest first',
      request: { query: InvoiceListQuery },
      item: Invoice,
      page: 'A page of invoices',
    }),
    listHandler(
      (c, filter) => listInvoices(c.var.db, c.var.business.id, filter),
      (c, rows) => invoiceViews(c.var.db, rows),
    ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      summary: 'Retrieve an invoice',
      request: { params: idParam('inv') },
      responses: { 200: jsonResponse(Invoice, 'The invoice'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db, business } = c.var;
      const invoice = await getInvoice(db, business.id, c.req.valid('param').id);
      return c.json((await invoiceViews(db, [invoice]))[0]!, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/events',
      tags,
      security,
      summary: "An invoice's activity, oldest first",
      description:
        'Made; sent and viewed through its links; each payment applied to it (amount, method, ' +
        'receipt); refunds; the questions the customer asked; voided. One list, not paged.',
      request: { params: idParam('inv') },
      responses: {
        200: jsonResponse(InvoiceEvents, 'The activity'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const invoice = await getInvoice(db, business.id, c.req.valid('param').id);
      const data = await invoiceActivity(db, invoice);
      return c.json({ object: 'list' as const, data, has_more: false }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/finalize',
      tags,
      security,
      summary: 'Open a draft invoice',
      description: "The draft's lines become charges on the customer's balance.",
      request: { params: idParam('inv') },
      responses: {
        200: jsonResponse(Invoice, 'The open invoice'),
        ...errorResponses(400, 401, 404, 409),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const view = await db.transaction().execute(async (trx) => {
        const invoice = await finalizeInvoice(trx, business.id, c.req.valid('param').id);
        return (await invoiceViews(trx, [invoice]))[0]!;
      });
      return c.json(view, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/void',
      tags,
      security,
      summary: 'Void an invoice',
      description:
        'Takes what the invoice still asks for off the balance with one adjustment. Refused ' +
        '(409 `invoice_has_payments`) once a payment was applied to it, and when already void.',
      request: { params: idParam('inv') },
      responses: {
        200: jsonResponse(Invoice, 'The void invoice'),
        ...errorResponses(400, 401, 404, 409),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const view = await db.transaction().execute(async (trx) => {
        const invoice = await voidInvoice(trx, business.id, c.req.valid('param').id);
        return (await invoiceViews(trx, [invoice]))[0]!;
      });
      return c.json(view, 200);
    },
  );
