/** `PATCH /v1/invoices/:id`: change a draft invoice's lines, due date or notes before it opens. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, idParam, isoDate, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { DiscountInput } from '../../invoices/discounts.ts';
import { editDraftInvoice } from '../../invoices/drafts.ts';
import { invoiceViews } from '../../invoices/invoices.ts';
import { documentLinesInput } from '../../invoices/lines.ts';
import { Invoice } from './invoices.ts';

export const DraftInvoiceChanges = z
  .strictObject({
    lines: documentLinesInput.optional().openapi({ description: "Replaces the draft's lines." }),
    due_date: isoDate.nullish(),
    notes: z.string().trim().max(2000).nullish(),
    discount: DiscountInput.nullable().optional().openapi({
      description: 'A new discount, or null to remove it; the lines are priced again.',
    }),
  })
  .openapi('DraftInvoiceChanges');

export const invoiceDraftRoutes = new OpenAPIHono<AppEnv>(openApiHooks).openapi(
  createRoute({
    method: 'patch',
    path: '/{id}',
    tags: ['Invoices'],
    security: [{ bearer: [] }],
    summary: 'Edit a draft invoice',
    description:
      'Send only what changes; `lines` replaces every line, priced as for a new invoice (with the ' +
      'discount, kept unless `discount` changes it). Only a ' +
      'draft (409 `invoice_not_draft` otherwise): an open invoice is on the balance already.',
    request: { params: idParam('inv'), ...jsonBody(DraftInvoiceChanges) },
    responses: {
      200: jsonResponse(Invoice, 'The draft'),
      ...errorResponses(400, 401, 404, 409, 422),
    },
  }),
  async (c) => {
    const { db, business } = c.var;
    const view = await db.transaction().execute(async (trx) => {
      const invoice = await editDraftInvoice(
        trx,
        business.id,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return (await invoiceViews(trx, [invoice]))[0]!;
    });
    return c.json(view, 200);
  },
);
