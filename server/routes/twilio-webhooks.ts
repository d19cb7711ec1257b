/**
 * Twilio's webhooks, the signature the credential (`X-Twilio-Signature`, checked by the SDK's
 * `validateRequest` with TWILIO_AUTH_TOKEN over the URL we gave Twilio, built from PUBLIC_URL,
 * and the form's fields): a forged or altered request is a 403 that changes nothing.
 *
 * - `POST /webhooks/twilio`: a text a customer sent to our number (STOP, START, HELP …),
 *   answered through the outbox (server/texts/keywords.ts) with an empty TwiML response.
 * - `POST /webhooks/twilio/status`: a text's delivery status (server/texts/status.ts).
 *
 * With SMS_PROVIDER=outbox there is no Twilio: both are 404 `webhooks_not_configured`.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Config } from '../config.ts';
import { bodyCap } from '../http/body-cap.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { openApiHooks } from '../http/openapi.ts';
import { errorResponses, jsonResponse } from '../http/schemas.ts';
import { receiveText } from '../texts/keywords.ts';
import { type SmsProvider, smsProvider } from '../texts/provider.ts';
import { applyStatusReport } from '../texts/status.ts';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const providers = new WeakMap<Config, SmsProvider>();

/** The signed form's fields, or the refusal: not configured (404), or not Twilio's (403). */
async function signedForm(c: Context<AppEnv>, path: string): Promise<Record<string, string>> {
  const { config, logger } = c.var;
  if (config.sms.provider !== 'twilio') {
    throw new ApiError(
      404,
      'invalid_request_error',
      'webhooks_not_configured',
      'Twilio webhooks are not set up on this server (SMS_PROVIDER=twilio).',
    );
  }
  let provider = providers.get(config);
  if (!provider) {
    provider = smsProvider(config);
    providers.set(config, provider);
  }
  const form = await c.req.parseBody();
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) {
    if (typeof value === 'string') params[name] = value;
  }
  const url = `${config.publicUrl}${path}`;
  if (!provider.signedByProvider(c.req.header('x-twilio-signature'), url, params)) {
    logger.warn({ path }, 'twilio webhook refused: signature');
    throw new ApiError(
      403,
      'invalid_request_error',
      'signature_invalid',
      'The X-Twilio-Signature header is missing or does not match (wrong token, altered form or URL).',
      'X-Twilio-Signature',
    );
  }
  return params;
}

const StatusReceived = z
  .object({ received: z.literal(true), outcome: z.enum(['applied', 'stale', 'unknown']) })
  .openapi('TwilioStatusReceived');

const form = {
  body: {
    content: {
      'application/x-www-form-urlencoded': { schema: z.record(z.string(), z.string()) },
    },
  },
} as const;

export const twilioWebhookRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'post',
      path: '/twilio',
      tags: ['Webhooks'],
      summary: "Twilio's inbound texts (STOP, START, HELP), signature checked",
      description:
        'Set as the "A message comes in" webhook of the Twilio number or messaging service. ' +
        'STOP, STOPALL, UNSUBSCRIBE, CANCEL, END and QUIT opt the number out (one confirmation); ' +
        'START, UNSTOP and YES opt it back in; HELP and INFO answer with the business and its contact.',
      request: form,
      responses: {
        200: {
          description: 'Empty TwiML: the answers go through the outbox',
          content: { 'text/xml': { schema: z.string() } },
        },
        ...errorResponses(400, 403, 404, 413),
      },
      middleware: [bodyCap(64 * 1024, 413)],
    }),
    async (c) => {
      const params = await signedForm(c, '/webhooks/twilio');
      const sid = params.MessageSid ?? params.SmsSid;
      if (!sid || !params.From) {
        throw new ApiError(
          400,
          'invalid_request_error',
          'parameter_missing',
          'MessageSid and From are required.',
          sid ? 'From' : 'MessageSid',
        );
      }
      const outcome = await receiveText(c.var.db, {
        providerMessageId: sid,
        from: params.From,
        to: params.To ?? '',
        body: params.Body ?? '',
      });
      c.var.logger.info({ outcome }, 'twilio inbound text');
      return c.body(EMPTY_TWIML, 200, { 'content-type': 'text/xml; charset=utf-8' });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/twilio/status',
      tags: ['Webhooks'],
      summary: "Twilio's delivery status callbacks, signature checked",
      description:
        'Sent by Twilio to the StatusCallback given with each text: queued, sent, delivered, ' +
        'failed or undelivered (with ErrorCode). A status never moves a text backwards.',
      request: form,
      responses: {
        200: jsonResponse(StatusReceived, 'Taken'),
        ...errorResponses(400, 403, 404, 413),
      },
      middleware: [bodyCap(64 * 1024, 413)],
    }),
    async (c) => {
      const params = await signedForm(c, '/webhooks/twilio/status');
      const sid = params.MessageSid ?? params.SmsSid;
      if (!sid) {
        throw new ApiError(
          400,
          'invalid_request_error',
          'parameter_missing',
          'MessageSid is required.',
          'MessageSid',
        );
      }
      const outcome = await applyStatusReport(c.var.db, {
        providerMessageId: sid,
        status: params.MessageStatus ?? params.SmsStatus ?? '',
        errorCode: params.ErrorCode || null,
      });
      return c.json({ received: true as const, outcome }, 200);
    },
  );
