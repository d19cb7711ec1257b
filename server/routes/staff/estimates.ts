/** `/v1/estimates`: offers with lines, a valid-until date and an optional deposit. */

import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getCustomer } from '../../businesses/customers.ts';
import { today } from '../../db/ids.ts';
import { decisionsByEstimate, listEstimateQuestions } from '../../estimates/decisions.ts';
import { createEstimate, getEstimate, listEstimates } from '../../estimates/estimates.ts';
import { invoiceFromEstimate } from '../../estimates/to-invoice.ts';
import { estimateViews } from '../../estimates/views.ts';
import type { AppEnv } from '../../http/env.ts';
import { notFound } from '../../http/errors.ts';
import { ListQuery, listHandler, listRoute } from '../../http/lists.ts';
import { openApiHooks } from '../../http/openapi.ts';
import {
  amount,
  errorResponses,
  idParam,
  isoDate,
  jsonBody,
  jsonResponse,
  prefixedId,
  Timestamp,
} from '../../http/schemas.ts';
import { invoiceViews } from '../../invoices/invoices.ts';
import { DocumentLine, documentLinesInput } from '../../invoices/lines.ts';
import { Invoice } from './invoices.ts';

const EstimateStatus = z.enum(['pending', 'approved', 'declined']);

const NewEstimate = z
  .object({
    customer: prefixedId('cus'),
    lines: documentLinesInput,
    valid_until: isoDate
      .refine((date) => date >= today(), 'must not be in the past')
      .openapi({ description: 'Last day (UTC) on which the estimate can be approved.' }),
    deposit_percent: z
      .number()
      .int()
      .min(0)
      .max(100)
      .optional()
      .openapi({ description: 'Whole percent of the total; or give `deposit_amount`.' }),
    deposit_amount: amount.optional().openapi({
      description: 'Deposit in minor units, at most the total; or give `deposit_percent`.',
    }),
    terms: z.string().trim().max(5000).nullish(),
  })
  .refine((body) => body.deposit_percent === undefined || body.deposit_amount === undefined, {
    message: 'give deposit_percent or deposit_amount, not both',
    path: ['deposit_amount'],
  })
  .openapi('NewEstimate');

export const EstimateDecision = z
  .object({
    decision: z.enum(['approved', 'declined']),
    decided_at: Timestamp,
    signature: z
      .object({
        type: z.enum(['typed', 'drawn']),
        name: z.string().nullable(),
        image_url: z.string().nullable().openapi({
          description: 'The drawn signature as a PNG (same Bearer key); null when typed.',
        }),
      })
      .nullable(),
    reason: z.string().nullable(),
    client_address: z.string(),
    user_agent: z.string().nullable(),
    payment_link: z.string().nullable(),
  })
  .openapi('EstimateDecisionRecord');

export const Estimate = z
  .object({
    id: z.string(),
    object: z.literal('estimate'),
    number: z.string().openapi({ example: 'EST-0001' }),
    customer: z.string(),
    status: EstimateStatus,
    currency: z.string(),
    lines: z.array(DocumentLine),
    subtotal: z.number().int(),
    tax: z.number().int(),
    total: z.number().int(),
    valid_until: z.string(),
    expired: z.boolean().openapi({ description: 'valid_until is before today (UTC).' }),
    deposit_percent: z.number().int().nullable(),
    deposit_amount: z.number().int(),
    terms: z.string().nullable(),
    created: Timestamp,
    deposit_paid: z
      .number()
      .int()
      .openapi({ description: 'Deposit payments recorded for it, less refunds.' }),
    decision: EstimateDecision.nullable().openapi({
      description: "The customer's approval (with the signature) or decline; null while pending.",
    }),
    invoice: z
      .string()
      .nullable()
      .openapi({ description: 'The invoice it became (`POST /v1/estimates/{id}/invoice`).' }),
  })
  .openapi('Estimate');

const EstimateInvoiceInput = z
  .object({
    due_date: isoDate.nullish(),
    notes: z.string().trim().max(2000).nullish(),
  })
  .openapi('EstimateInvoiceInput');

export const EstimateQuestion = z
  .object({
    id: z.string(),
    object: z.literal('estimate_question'),
    message: z.string(),
    client_address: z.string(),
    user_agent: z.string().nullable(),
    emailed: z.boolean().openapi({ description: 'False when the business has no email address.' }),
    created: Timestamp,
  })
  .openapi('EstimateQuestion');

const EstimateListQuery = ListQuery.extend({
  customer: prefixedId('cus').optional(),
  status: EstimateStatus.optional(),
});

const security = [{ bearer: [] }];
const tags = ['Estimates'];

export const estimateRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      security,
      summary: 'Create an estimate',
      description:
        'Totals and the deposit (a percentage of the total, rounded half away from zero, or a ' +
        'fixed amount) are computed by the server. An estimate does not touch the balance.',
      request: jsonBody(NewEstimate),
      responses: {
        200: jsonResponse(Estimate, 'The estimate'),
        ...errorResponses(400, 401, 404, 422),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const { customer: customerId, ...input } = c.req.valid('json');
      const view = await db.transaction().execute(async (trx) => {
        const customer = await getCustomer(trx, business.id, customerId, 'customer');
        const estimate = await createEstimate(trx, customer, input);
        return (await estimateViews(trx, [estimate]))[0]!;
      });
      return c.json(view, 200);
    },
  )
  .openapi(
    listRoute({
      tags,
      summary: 'List estimates, newest first',
      request: { query: EstimateListQuery },
      item: Estimate,
      page: 'A page of estimates',
    }),
    listHandler(
      (c, filter) => listEstimates(c.var.db, c.var.business.id, filter),
      (c, rows) => estimateViews(c.var.db, rows),
    ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      summary: 'Retrieve an estimate',
      request: { params: idParam('est') },
      responses: { 200: jsonResponse(Estimate, 'The estimate'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db, business } = c.var;
      const estimate = await getEstimate(db, business.id, c.req.valid('param').id);
      return c.json((await estimateViews(db, [estimate]))[0]!, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/invoice',
      tags,
      security,
      summary: 'Turn an approved estimate into an invoice',
      description:
        "The invoice has the estimate's lines and opens at once; the deposit paid on the " +
        'estimate (less refunds) is credited against it. Once per estimate (409 ' +
        '`estimate_already_invoiced`); only approved estimates (409 `estimate_not_approved`).',
      request: { params: idParam('est'), ...jsonBody(EstimateInvoiceInput) },
      responses: {
        200: jsonResponse(Invoice, 'The invoice'),
        ...errorResponses(400, 401, 404, 409, 422),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const { id } = c.req.valid('param');
      const view = await db.transaction().execute(async (trx) => {
        const { invoice } = await invoiceFromEstimate(trx, business.id, id, c.req.valid('json'));
        return (await invoiceViews(trx, [invoice]))[0]!;
      });
      return c.json(view, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/signature.png',
      tags,
      security,
      summary: 'The drawn signature of an approved estimate',
      request: { params: idParam('est') },
      responses: {
        200: {
          description: 'The PNG the customer drew',
          content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const estimate = await getEstimate(db, business.id, c.req.valid('param').id);
      const png = (await decisionsByEstimate(db, [estimate.id])).get(estimate.id)?.signature_png;
      if (!png) throw notFound('signature', 'id');
      return c.body(new Uint8Array(png), 200, {
        'Content-Type': 'image/png',
        'Cache-Control': 'private, no-store',
      });
    },
  )
  .openapi(
    listRoute({
      path: '/{id}/questions',
      tags,
      summary: "The customer's questions about an estimate, oldest first",
      request: { params: idParam('est') },
      item: EstimateQuestion,
      page: 'The questions',
    }),
    async (c) => {
      const { db, business } = c.var;
      const estimate = await getEstimate(db, business.id, c.req.valid('param').id);
      const questions = await listEstimateQuestions(db, estimate.id);
      return c.json(
        {
          object: 'list' as const,
          has_more: false,
          data: questions.map((question) => ({
            id: question.id,
            object: 'estimate_question' as const,
            message: question.message,
            client_address: question.client_address,
            user_agent: question.user_agent,
            emailed: question.email_id !== null,
            created: question.created_at,
          })),
        },
        200,
      );
    },
  );
