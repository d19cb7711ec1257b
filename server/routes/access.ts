/**
 * `POST /v1/access/{slug}`: the public "Pay your bill" form's request (the page /b/:slug and
 * `<pay-portal business="…">`). The customer gives the email or mobile number the business has
 * for them; a fresh customer link goes to a customer that matches. The answer is the same, 202,
 * whether or not one matched, and never sooner than ACCESS_ANSWER_MS, so neither its words nor its
 * time tell whether someone is a customer. Limited per client address and per email or number.
 * Cross-origin calls are allowed from the business's `allowed_origins`, as the portal API is.
 */
import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { businessSettings } from '../businesses/businesses.ts';
import { clientAddress } from '../http/client-address.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { openApiHooks } from '../http/openapi.ts';
import { countHit, rateLimited } from '../http/rate-limit.ts';
import { errorResponses, jsonBody, jsonResponse } from '../http/schemas.ts';
import { customersByContact, normalizeContact, sendPortalAccess } from '../links/portal-access.ts';
import { isSameOrigin } from '../portal/cors.ts';
import { textSender } from '../texts/queue.ts';

/** The floor on the answer's time: longer than the work of finding and sending takes. */
export const ACCESS_ANSWER_MS = 400;
export const ACCESS_PER_ADDRESS_PER_HOUR = 20;
export const ACCESS_PER_CONTACT_PER_HOUR = 3;

const AccessRequest = z
  .object({
    contact: z.string().trim().min(3).max(254).openapi({
      description: 'The email or mobile number the business has for the customer.',
      example: 'dana@example.com',
    }),
  })
  .openapi('PortalAccessRequest');

export const AccessAnswer = z
  .object({
    object: z.literal('portal_access_request'),
    /** Always the same, match or not. */
    status: z.literal('accepted'),
  })
  .openapi('PortalAccessAnswer');

async function businessBySlug(c: Context<AppEnv>, slug: string) {
  const business = await c.var.db
    .selectFrom('businesses')
    .selectAll()
    .where('slug', '=', slug.toLowerCase())
    .executeTakeFirst();
  if (!business) throw notFound('business', 'slug');
  return business;
}

/** CORS: Pay Portal's own origin and the business's allowed origins; others get no header. */
function allowOrigin(c: Context<AppEnv>, allowed: readonly string[]) {
  const origin = c.req.header('origin');
  if (!origin || isSameOrigin(c, origin) || !allowed.includes(origin)) return;
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Vary', 'Origin');
  c.header('Access-Control-Expose-Headers', 'Retry-After');
}

const slugParam = z.object({ slug: z.string().min(1).max(60).openapi({ example: 'acme-pools' }) });

export const accessRoutes = new OpenAPIHono<AppEnv>(openApiHooks);

accessRoutes.options('/:slug', async (c) => {
  const business = await businessBySlug(c, c.req.param('slug'));
  allowOrigin(c, businessSettings(business).allowed_origins);
  c.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
  c.header('Access-Control-Allow-Headers', 'Content-Type');
  c.header('Access-Control-Max-Age', '600');
  return c.body(null, 204);
});

export const AccessBusiness = z
  .object({
    object: z.literal('business_page'),
    name: z.string(),
    locale: z.string(),
    brand_color: z.string(),
    logo_url: z.string().nullable(),
  })
  .openapi('BusinessPage');

accessRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/{slug}',
    tags: ['Portal access'],
    summary: 'The business behind a public page: what the form shows (name, colour, logo)',
    request: { params: slugParam },
    responses: { 200: jsonResponse(AccessBusiness, 'The business'), ...errorResponses(404) },
  }),
  async (c) => {
    const business = await businessBySlug(c, c.req.valid('param').slug);
    const { branding, allowed_origins } = businessSettings(business);
    allowOrigin(c, allowed_origins);
    return c.json(
      {
        object: 'business_page' as const,
        name: business.name,
        locale: business.locale,
        brand_color: branding.brand_color,
        logo_url: branding.logo_url,
      },
      200,
    );
  },
);

accessRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/{slug}',
    tags: ['Portal access'],
    summary: 'Ask for a fresh customer link (the public "Pay your bill" form)',
    description:
      'No key: the business is found by its slug. 202 whether or not a customer matched, in the ' +
      `same time (at least ${ACCESS_ANSWER_MS} ms). 429 past ${ACCESS_PER_ADDRESS_PER_HOUR} ` +
      `requests an hour from one address or ${ACCESS_PER_CONTACT_PER_HOUR} for one email or number.`,
    request: { params: slugParam, ...jsonBody(AccessRequest) },
    responses: {
      202: jsonResponse(AccessAnswer, 'Accepted (match or not)'),
      ...errorResponses(400, 404, 429),
    },
  }),
  async (c) => {
    const started = Date.now();
    const { db, config } = c.var;
    const business = await businessBySlug(c, c.req.valid('param').slug);
    allowOrigin(c, businessSettings(business).allowed_origins);
    const byAddress = await countHit(db, `access:addr:${clientAddress(c)}`, 3600);
    if (byAddress.count > ACCESS_PER_ADDRESS_PER_HOUR) throw rateLimited(byAddress.retryAfter);
    const contact = normalizeContact(c.req.valid('json').contact);
    if (!contact) {
      throw new ApiError(
        400,
        'invalid_request_error',
        'contact_invalid',
        'contact: give an email address or a mobile number.',
        'contact',
      );
    }
    const key = createHash('sha256')
      .update(`${business.id}:${contact.kind}:${contact.value}`)
      .digest('hex');
    const byContact = await countHit(db, `access:to:${key}`, 3600);
    if (byContact.count > ACCESS_PER_CONTACT_PER_HOUR) throw rateLimited(byContact.retryAfter);
    try {
      await db.transaction().execute(async (trx) => {
        for (const customer of await customersByContact(trx, business.id, contact)) {
          await sendPortalAccess(trx, business, customer, {
            channel: contact.kind === 'email' ? 'email' : 'sms',
            publicUrl: config.publicUrl,
            appSecret: config.appSecret,
            texts: textSender,
            to: c.req.valid('json').contact,
          });
        }
      });
    } catch (error) {
      // Logged, never told: an error here must not answer differently from "no match".
      c.var.logger.error({ err: error }, 'portal access not sent');
    }
    const wait = ACCESS_ANSWER_MS - (Date.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return c.json({ object: 'portal_access_request' as const, status: 'accepted' as const }, 202);
  },
);
