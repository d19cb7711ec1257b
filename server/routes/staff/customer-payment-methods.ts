/**
 * `/v1/customers/:id/payment_methods`: the cards a customer saved in the portal, and forgetting
 * one from the staff side (issue 15: "forget a saved card", asked at the counter or on the
 * phone). The card is detached at the provider and never offered again; payments made with it
 * stay as they were.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getCustomer } from '../../businesses/customers.ts';
import type { AppEnv } from '../../http/env.ts';
import { notFound } from '../../http/errors.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, jsonResponse, prefixedId, Timestamp } from '../../http/schemas.ts';
import { paymentProvider } from '../../payments/providers.ts';
import {
  forgetSavedPaymentMethod,
  listCustomerSavedMethods,
} from '../../payments/saved-methods.ts';

export const SavedCard = z
  .object({
    id: z.string(),
    object: z.literal('payment_method'),
    customer: z.string(),
    provider: z.enum(['sandbox', 'stripe', 'square', 'paypal']),
    brand: z.string().nullable(),
    last4: z.string().nullable(),
    exp_month: z.number().int().nullable(),
    exp_year: z.number().int().nullable(),
    created: Timestamp,
  })
  .openapi('SavedCard');

const ForgottenCard = z.object({
  id: z.string(),
  object: z.literal('payment_method'),
  deleted: z.literal(true),
});

const CustomerParam = z.object({
  id: prefixedId('cus').openapi({ param: { name: 'id', in: 'path' } }),
});
const CardParams = CustomerParam.extend({
  card: prefixedId('pm').openapi({ param: { name: 'card', in: 'path' } }),
});

type CardRow = Awaited<ReturnType<typeof listCustomerSavedMethods>>[number];

function savedCardView(row: CardRow): z.infer<typeof SavedCard> {
  return {
    id: row.id,
    object: 'payment_method',
    customer: row.customer_id,
    provider: row.provider,
    brand: row.brand,
    last4: row.last4,
    exp_month: row.exp_month,
    exp_year: row.exp_year,
    created: row.created_at,
  };
}

const security = [{ bearer: [] }];
const tags = ['Customers'];

export const customerPaymentMethodRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/payment_methods',
      tags,
      security,
      summary: "A customer's saved cards",
      description: 'Cards the customer chose to save when paying, newest first.',
      request: { params: CustomerParam },
      responses: {
        200: jsonResponse(
          z.object({
            object: z.literal('list'),
            data: z.array(SavedCard),
            has_more: z.literal(false),
          }),
          'The saved cards',
        ),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const customer = await getCustomer(db, business.id, c.req.valid('param').id);
      const rows = await listCustomerSavedMethods(db, customer.id);
      return c.json(
        { object: 'list' as const, data: rows.map(savedCardView), has_more: false as const },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/payment_methods/{card}',
      tags,
      security,
      summary: 'Forget a saved card',
      description:
        'Detaches the card at the provider; the portal stops offering it. Payments already made ' +
        'with it are unchanged. A card already forgotten is `404 resource_missing`.',
      request: { params: CardParams },
      responses: {
        200: jsonResponse(ForgottenCard, 'Forgotten'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { db, business, config } = c.var;
      const { id, card } = c.req.valid('param');
      const customer = await getCustomer(db, business.id, id);
      const row = (await listCustomerSavedMethods(db, customer.id)).find((r) => r.id === card);
      if (!row) throw notFound('saved payment method', 'card');
      await forgetSavedPaymentMethod(db, paymentProvider(config, db), row);
      return c.json({ id: card, object: 'payment_method' as const, deleted: true as const }, 200);
    },
  );
