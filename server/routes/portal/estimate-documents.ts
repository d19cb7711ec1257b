/**
 * `GET /v1/portal/:token/invoices/:id.pdf` and `…/estimates/:id.pdf`: the documents behind a
 * link. A customer link reaches its customer's invoices (drafts aside) and estimates; an invoice
 * link only its invoice; an estimate link only its estimate. Anything else is the same 404 as an
 * unknown document. (Receipts are in portal-documents.ts.)
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { invoicePayUrl } from '../../documents/invoice-pay-link.ts';
import {
  loadEstimateDocument,
  loadInvoiceDocument,
  renderEstimatePdf,
  renderInvoicePdf,
} from '../../documents/pdfs.ts';
import { reachableEstimate } from '../../estimates/decisions.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses } from '../../http/schemas.ts';
import { openPortalLink } from '../../links/access.ts';
import { reachableInvoice } from '../../portal/invoice-document.ts';

const token = z.string().openapi({ param: { name: 'token', in: 'path' } });
const fileOf = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-Za-z]{1,64}\\.pdf$`), `must be a ${prefix}_….pdf file name`)
    .openapi({ param: { name: 'file', in: 'path' }, example: `${prefix}_4fJ2….pdf` });

export const pdfResponse = (description: string) => ({
  200: {
    description,
    content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
  },
});

export function sendPdf(c: Context<AppEnv>, file: { filename: string; pdf: Buffer }) {
  return c.body(new Uint8Array(file.pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="${file.filename}"`,
  });
}

const tags = ['Portal'];

export const portalEstimateDocumentRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{token}/invoices/{file}',
      tags,
      summary: 'An invoice as a PDF (`{file}` is `inv_….pdf`)',
      description:
        "While something is due it carries the link to pay it (the invoice's own link) as " +
        'text and as a QR code.',
      request: { params: z.object({ token, file: fileOf('inv') }) },
      responses: { ...pdfResponse('The invoice'), ...errorResponses(400, 404, 429) },
    }),
    async (c) => {
      const { token, file } = c.req.valid('param');
      const scope = await openPortalLink(c, token);
      const id = file.slice(0, -'.pdf'.length);
      const invoice = await reachableInvoice(c.var.db, scope, id, 'file');
      const document = await loadInvoiceDocument(c.var.db, scope.business, invoice, (due) =>
        invoicePayUrl(c.var.db, c.var.config, scope.business, invoice, due),
      );
      return sendPdf(c, await renderInvoicePdf(document));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{token}/estimates/{file}',
      tags,
      summary: 'An estimate as a PDF (`{file}` is `est_….pdf`), with its signature once signed',
      request: { params: z.object({ token, file: fileOf('est') }) },
      responses: { ...pdfResponse('The estimate'), ...errorResponses(400, 404, 429) },
    }),
    async (c) => {
      const { token, file } = c.req.valid('param');
      const scope = await openPortalLink(c, token);
      const estimate = await reachableEstimate(
        c.var.db,
        scope,
        file.slice(0, -'.pdf'.length),
      ).catch((error: unknown) => {
        throw error instanceof ApiError && error.status === 404
          ? notFound('estimate', 'file')
          : error;
      });
      return sendPdf(
        c,
        await renderEstimatePdf(await loadEstimateDocument(c.var.db, scope.business, estimate)),
      );
    },
  );
