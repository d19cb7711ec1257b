/**
 * `GET /v1/payments/:id/receipt.pdf`: the staff copy of a payment's receipt, the same PDF the
 * customer downloads (issue 15: a payment's details include its receipt). A payment that has not
 * succeeded has no receipt: 404, as for the customer.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { renderReceiptPdf } from '../../documents/pdfs.ts';
import type { AppEnv } from '../../http/env.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, idParam } from '../../http/schemas.ts';
import { getBusinessPayment } from '../../payments/payments.ts';

export const paymentReceiptRoutes = new OpenAPIHono<AppEnv>(openApiHooks).openapi(
  createRoute({
    method: 'get',
    path: '/{id}/receipt.pdf',
    tags: ['Payments'],
    security: [{ bearer: [] }],
    summary: "A payment's receipt as a PDF",
    request: { params: idParam('pay') },
    responses: {
      200: {
        description: 'The receipt',
        content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...errorResponses(400, 401, 404),
    },
  }),
  async (c) => {
    const { db, business } = c.var;
    const payment = await getBusinessPayment(db, business.id, c.req.valid('param').id);
    const receipt = await renderReceiptPdf(db, payment.id);
    return c.body(new Uint8Array(receipt.pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${receipt.filename}"`,
    });
  },
);
