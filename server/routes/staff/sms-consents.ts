/**
 * `/v1/customers/:id/sms_consents`: the customer's consents to texts and where each came from
 * (the portal's box, or staff with the source they name), and whether each number has replied
 * STOP. Staff record a consent the customer gave outside the portal (a signed form, in person);
 * the law asks that it be real and kept: the source is required, and so are the words agreed to
 * (defaulting to the portal's own). See docs/texts.md.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getCustomer } from '../../businesses/customers.ts';
import { clientOf } from '../../http/client-address.ts';
import type { AppEnv } from '../../http/env.ts';
import { unprocessable } from '../../http/errors.ts';
import { openApiHooks } from '../../http/openapi.ts';
import { errorResponses, idParam, jsonBody, jsonResponse, Timestamp } from '../../http/schemas.ts';
import { optedOut, recordStaffConsent, smsConsents } from '../../texts/consent.ts';
import { toE164 } from '../../texts/phone.ts';

/** The words of the portal's box, the default for a consent staff record. */
export const DEFAULT_CONSENT_TEXT =
  'I agree to receive payment reminders and payment links by text at this number. Message and data rates may apply. Reply STOP to opt out.';

const NewConsent = z
  .object({
    phone: z
      .string()
      .regex(/^\+?[0-9 ().-]{7,20}$/, 'must be a phone number')
      .openapi({ description: 'E.164, or ten digits for North America.' }),
    source: z.string().trim().min(3).max(200).openapi({
      description:
        'Where the customer agreed: "paper form signed 2026-12-01", "in person at the counter".',
    }),
    text: z.string().trim().min(10).max(1000).optional().openapi({
      description: "The words the customer agreed to; default: the portal's own.",
    }),
  })
  .openapi('NewSmsConsent');

export const SmsConsent = z
  .object({
    id: z.string(),
    object: z.literal('sms_consent'),
    phone: z.string(),
    recorded_by: z.enum(['portal', 'staff']),
    source: z.string().nullable(),
    text: z.string(),
    opted_out: z.boolean().openapi({ description: 'The number replied STOP (until START).' }),
    created: Timestamp,
  })
  .openapi('SmsConsent');

const SmsConsentList = z
  .object({ object: z.literal('list'), data: z.array(SmsConsent), has_more: z.literal(false) })
  .openapi('SmsConsentList');

const tags = ['Customers'];
const security = [{ bearer: [] }];

export const smsConsentRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/sms_consents',
      tags,
      security,
      summary: "The customer's consents to texts, newest first",
      request: { params: idParam('cus') },
      responses: {
        200: jsonResponse(SmsConsentList, 'The consents'),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const customer = await getCustomer(db, business.id, c.req.valid('param').id);
      const consents = await smsConsents(db, business.id, customer.id);
      const data = [];
      for (const consent of consents) {
        data.push({
          object: 'sms_consent' as const,
          ...consent,
          opted_out: (await optedOut(db, consent.phone)) !== null,
        });
      }
      return c.json({ object: 'list' as const, data, has_more: false as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/sms_consents',
      tags,
      security,
      summary: 'Record a consent to texts the customer gave outside the portal',
      description:
        'A number that replied STOP stays opted out: only the customer can undo that, by replying START.',
      request: { params: idParam('cus'), ...jsonBody(NewConsent) },
      responses: {
        201: jsonResponse(SmsConsent, 'The consent'),
        ...errorResponses(400, 401, 404, 422),
      },
    }),
    async (c) => {
      const { db, business } = c.var;
      const input = c.req.valid('json');
      const customer = await getCustomer(db, business.id, c.req.valid('param').id);
      const phone = toE164(input.phone);
      if (!phone) {
        throw unprocessable(
          'phone_invalid',
          'That is not a number a text can go to (use +1…).',
          'phone',
        );
      }
      const client = clientOf(c);
      const row = await recordStaffConsent(db, {
        businessId: business.id,
        customerId: customer.id,
        phone,
        source: input.source,
        text: input.text ?? DEFAULT_CONSENT_TEXT,
        clientAddress: client.address,
        userAgent: client.userAgent,
      });
      return c.json(
        {
          id: row.id,
          object: 'sms_consent' as const,
          phone,
          recorded_by: 'staff' as const,
          source: row.source,
          text: row.text,
          opted_out: (await optedOut(db, phone)) !== null,
          created: row.created_at,
        },
        201,
      );
    },
  );
