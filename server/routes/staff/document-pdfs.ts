/**
 * Staff copies of the documents: `GET /v1/invoices/:id/pdf` and `GET /v1/estimates/:id/pdf`
 * (Bearer key; mounted under /v1, behind the invoices' and estimates' staffAuth). The same PDFs
 * the customer downloads; an unpaid invoice carries its payment link (made if it has none).
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { getCustomer } from '../../businesses/customers.ts';
import { today } from '../../db/ids.ts';
import { invoicePayUrl } from '../../documents/invoice-pay-link.ts';
import {
  loadEstimateDocument,
  loadInvoiceDocument,
  renderEstimatePdf,
  renderInvoicePdf,
  renderStatementPdf,
} from '../../documents/pdfs.ts';
import { loadStatement, resolvePeriod } from '../../documents/statement-data.ts';
import { getEstimate } from '../../estimates/estimates.ts';
import type { AppEnv } from '../../http/env.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, idParam, PeriodQuery } from '../../http/schemas.ts';
import { getInvoice } from '../../invoices/invoices.ts';
import { pdfResponse, sendPdf } from '../portal/estimate-documents.ts';

const security = [{ bearer: [] }];

export const documentPdfRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'get',
      path: '/invoices/{id}/pdf',
      tags: ['Invoices'],
      security,
      summary: 'An invoice as a PDF',
      description:
        "While something is due it carries the invoice's payment link as text and QR code; " +
        'an invoice without a live link gets one (listed with its links).',
      request: { params: idParam('inv') },
      responses: { ...pdfResponse('The invoice'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db, business, config } = c.var;
      const invoice = await getInvoice(db, business.id, c.req.valid('param').id);
      const document = await loadInvoiceDocument(db, business, invoice, (due) =>
        invoicePayUrl(db, config, business, invoice, due),
      );
      return sendPdf(c, await renderInvoicePdf(document));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/estimates/{id}/pdf',
      tags: ['Estimates'],
      security,
      summary: 'An estimate as a PDF, with its signature once signed',
      request: { params: idParam('est') },
      responses: { ...pdfResponse('The estimate'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db, business } = c.var;
      const estimate = await getEstimate(db, business.id, c.req.valid('param').id);
      return sendPdf(
        c,
        await renderEstimatePdf(await loadEstimateDocument(db, business, estimate)),
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}/statement.pdf',
      tags: ['Customers'],
      security,
      summary: "A customer's account statement as a PDF",
      description:
        'The ledger for a period (`from` and `to`, inclusive; default: the last 90 days): the ' +
        'opening balance, every charge, credit, payment, tip, fee, refund and adjustment with the ' +
        'running balance, and the closing balance. The same PDF the customer gets from a customer link.',
      request: { params: idParam('cus'), query: PeriodQuery },
      responses: { ...pdfResponse('The statement'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const { db, business } = c.var;
      const customer = await getCustomer(db, business.id, c.req.valid('param').id);
      const period = resolvePeriod(c.req.valid('query'), today());
      return sendPdf(
        c,
        await renderStatementPdf(await loadStatement(db, business, customer, period, today())),
      );
    },
  );
