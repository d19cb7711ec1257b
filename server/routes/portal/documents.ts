/**
 * `/v1/portal/:token/payments/:id/receipt.pdf`: a payment's receipt, for the customer behind the
 * link. A customer link reaches every payment of its customer; an invoice or estimate link only
 * the payments made through it or paying its invoice. Anything else, and a payment that has not
 * succeeded, is the same 404.
 *
 * `/v1/portal/:token/statement.pdf`: the account statement, on a customer link only (an invoice or
 * estimate link does not speak for the account: 404).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { today } from '../../db/ids.ts';
import { renderReceiptPdf, renderStatementPdf } from '../../documents/pdfs.ts';
import { loadStatement, resolvePeriod } from '../../documents/statement-data.ts';
import type { AppEnv } from '../../http/env.ts';
import { notFound } from '../../http/errors.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, PeriodQuery, prefixedId } from '../../http/schemas.ts';
import { openPortalLink } from '../../links/access.ts';
import { getLinkPayment, madeElsewhere } from '../../payments/payments.ts';

const ReceiptParams = z.object({
  token: z.string().openapi({ param: { name: 'token', in: 'path' } }),
  id: prefixedId('pay').openapi({ param: { name: 'id', in: 'path' } }),
});

export const portalDocumentRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{token}/payments/{id}/receipt.pdf',
      tags: ['Portal'],
      summary: "A payment's receipt as a PDF",
      request: { params: ReceiptParams },
      responses: {
        200: {
          description: 'The receipt',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const scope = await openPortalLink(c, token);
      const payment = await getLinkPayment(c.var.db, scope, id);
      if (madeElsewhere(scope, payment)) throw notFound('payment', 'id');
      const receipt = await renderReceiptPdf(c.var.db, payment.id);
      return c.body(new Uint8Array(receipt.pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${receipt.filename}"`,
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{token}/statement.pdf',
      tags: ['Portal'],
      summary: 'The account statement as a PDF (customer links)',
      description:
        'The opening balance, every entry of the period with the running balance, and the closing ' +
        'balance; `from` and `to` inclusive, default the last 90 days. Invoice and estimate links: 404.',
      request: {
        params: z.object({ token: z.string().openapi({ param: { name: 'token', in: 'path' } }) }),
        query: PeriodQuery,
      },
      responses: {
        200: {
          description: 'The statement',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const scope = await openPortalLink(c, c.req.valid('param').token);
      if (scope.link.kind !== 'customer') throw notFound('statement', 'token');
      const period = resolvePeriod(c.req.valid('query'), today());
      const statement = await renderStatementPdf(
        await loadStatement(c.var.db, scope.business, scope.customer, period, today()),
      );
      return c.body(new Uint8Array(statement.pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${statement.filename}"`,
      });
    },
  );
