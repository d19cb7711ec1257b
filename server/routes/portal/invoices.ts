/**
 * `/v1/portal/:token/invoices/:id/…`: an invoice the link reaches, as a document for the invoice
 * view, and "Ask a question" about it. (Its PDF is `…/invoices/:id.pdf`, in
 * estimate-documents.ts.) portalGuard() (app.ts) rate limits; openPortalLink() answers every dead
 * link with the one 404, and an invoice the link does not reach is an unknown one.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { clientOf } from '../../http/client-address.ts';
import type { AppEnv } from '../../http/env.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, jsonBody, jsonResponse, prefixedId } from '../../http/schemas.ts';
import { askAboutInvoice } from '../../invoices/questions.ts';
import { openPortalLink } from '../../links/access.ts';
import { portalInvoiceDocument, reachableInvoice } from '../../portal/invoice-document.ts';
import {
  InvoiceQuestionInput,
  InvoiceQuestionSent,
  PortalInvoiceDocument,
} from '../../portal/schemas.ts';

const Params = z.object({
  token: z.string().openapi({ param: { name: 'token', in: 'path' } }),
  id: prefixedId('inv').openapi({ param: { name: 'id', in: 'path' } }),
});

const tags = ['Portal'];

export const portalInvoiceRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{token}/invoices/{id}/document',
      tags,
      summary: 'An invoice as a document: lines, tax by rate, what was applied, notes and terms',
      description:
        'What the invoice view shows, read when the customer opens the invoice (the portal ' +
        'itself lists invoices without their lines).',
      request: { params: Params },
      responses: {
        200: jsonResponse(PortalInvoiceDocument, 'The invoice'),
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const scope = await openPortalLink(c, token);
      const invoice = await reachableInvoice(c.var.db, scope, id);
      return c.json(await portalInvoiceDocument(c.var.db, scope, invoice), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{token}/invoices/{id}/questions',
      tags,
      summary: 'Ask the business a question about an invoice',
      description:
        "Sent to the business's notification email (or its public email) through the outbox, " +
        "replying to the customer; staff see it in the invoice's events. At most 10 an hour " +
        'per invoice (429 after).',
      request: { params: Params, ...jsonBody(InvoiceQuestionInput) },
      responses: {
        200: jsonResponse(InvoiceQuestionSent, 'The question, on its way'),
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const { message } = c.req.valid('json');
      const scope = await openPortalLink(c, token);
      const invoice = await reachableInvoice(c.var.db, scope, id);
      const question = await c.var.db
        .transaction()
        .execute((trx) => askAboutInvoice(trx, scope, invoice, message, clientOf(c)));
      return c.json(
        {
          object: 'invoice_question' as const,
          id: question.id,
          invoice: question.invoice_id,
          message: question.message,
          created: question.created_at,
        },
        200,
      );
    },
  );
