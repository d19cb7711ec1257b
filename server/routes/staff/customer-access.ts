/**
 * Staff's "Send portal access": a fresh customer link to one customer
 * (`POST /v1/customers/{id}/portal_access`) or to each of many (`POST /v1/customers/portal_access`),
 * queued in the outbox. A customer without an address for the channel (or, for texts, without
 * consent) is skipped and reported, never failed: the answer lists what happened to each.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { notFound } from '../../http/errors.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, idParam, jsonBody, jsonResponse, prefixedId } from '../../http/schemas.ts';
import { sendPortalAccess } from '../../links/portal-access.ts';
import { textSender } from '../../texts/queue.ts';

const channel = z.enum(['email', 'sms']).default('email');

export const PortalAccessResult = z
  .object({
    object: z.literal('portal_access'),
    customer: z.string(),
    status: z.enum(['queued', 'skipped']),
    channel: z.enum(['email', 'sms']),
    /** Why it was skipped: no_email, no_phone, no_consent, sms_unavailable. */
    reason: z.string().nullable(),
    link: z.string().nullable(),
    message: z.string().nullable(),
    to: z.string().nullable(),
  })
  .openapi('PortalAccess');

const Many = z
  .object({ customers: z.array(prefixedId('cus')).min(1).max(100), channel })
  .openapi('SendPortalAccess');

export const customerAccessRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'post',
      path: '/portal_access',
      tags: ['Customers'],
      security: [{ bearer: [] }],
      summary: 'Send portal access to each of several customers',
      request: jsonBody(Many),
      responses: {
        200: jsonResponse(
          z.object({ object: z.literal('list'), data: z.array(PortalAccessResult) }),
          'What happened to each customer, in the order given',
        ),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { customers, channel } = c.req.valid('json');
      const data = await sendMany(c, [...new Set(customers)], channel);
      return c.json({ object: 'list' as const, data }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/portal_access',
      tags: ['Customers'],
      security: [{ bearer: [] }],
      summary: 'Send portal access (a fresh customer link) to a customer',
      request: {
        params: idParam('cus'),
        ...jsonBody(z.object({ channel }).openapi('SendPortalAccessOne')),
      },
      responses: {
        200: jsonResponse(PortalAccessResult, 'Queued, or skipped with its reason'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const [result] = await sendMany(c, [c.req.valid('param').id], c.req.valid('json').channel);
      return c.json(result!, 200);
    },
  );

async function sendMany(c: { var: AppEnv['Variables'] }, ids: string[], channel: 'email' | 'sms') {
  const { db, business, config } = c.var;
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('customers')
      .selectAll()
      .where('business_id', '=', business.id)
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(found.map((customer) => [customer.id, customer]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing) throw notFound('customer', ids.length === 1 ? 'id' : 'customers');
    const results = [];
    for (const id of ids) {
      const outcome = await sendPortalAccess(trx, business, byId.get(id)!, {
        channel,
        publicUrl: config.publicUrl,
        appSecret: config.appSecret,
        texts: textSender,
      });
      results.push({
        object: 'portal_access' as const,
        customer: id,
        status: outcome.status,
        channel,
        reason: outcome.status === 'skipped' ? outcome.reason : null,
        link: outcome.status === 'queued' ? outcome.link : null,
        message: outcome.status === 'queued' ? outcome.message : null,
        to: outcome.status === 'queued' ? outcome.to : null,
      });
    }
    return results;
  });
}
