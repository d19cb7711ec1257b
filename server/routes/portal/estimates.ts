/**
 * `/v1/portal/:token/estimates/:id/…`: the customer approves (signing), declines or asks about an
 * estimate the link reaches. portalGuard() (app.ts) rate limits; openPortalLink() answers every
 * dead link, an expired estimate link included, with the one 404.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  approveEstimate,
  askAboutEstimate,
  declineEstimate,
  portalDecisionView,
} from '../../estimates/decisions.ts';
import { emitEstimateEvent } from '../../estimates/events.ts';
import { SignatureInput } from '../../estimates/signatures.ts';
import { bodyCap } from '../../http/body-cap.ts';
import { clientOf } from '../../http/client-address.ts';
import type { AppEnv } from '../../http/env.ts';
import { openApiHooks } from '../../http/openapi.ts';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  prefixedId,
  Timestamp,
} from '../../http/schemas.ts';
import { openPortalLink } from '../../links/access.ts';

const Params = z.object({
  token: z.string().openapi({ param: { name: 'token', in: 'path' } }),
  id: prefixedId('est').openapi({ param: { name: 'id', in: 'path' } }),
});

export const Approval = z.object({ signature: SignatureInput }).openapi('EstimateApproval');
export const Decline = z
  .object({ reason: z.string().trim().max(2000).nullish() })
  .openapi('EstimateDecline');
export const Question = z
  .object({ message: z.string().trim().min(1).max(5000) })
  .openapi('EstimateQuestionInput');

export const Decision = z
  .object({
    object: z.literal('estimate_decision'),
    estimate: z.string(),
    status: z.enum(['approved', 'declined']),
    decided_at: Timestamp,
    signature: z
      .object({ type: z.enum(['typed', 'drawn']), name: z.string().nullable() })
      .nullable(),
    reason: z.string().nullable(),
    deposit_required: z
      .object({ amount: z.number().int(), currency: z.string() })
      .nullable()
      .openapi({
        description:
          'The deposit to pay now, through `POST /v1/portal/{token}/payments` with ' +
          '`estimate_deposit: {estimate}`; null when the estimate asks for none.',
      }),
  })
  .openapi('EstimateDecision');

export const QuestionSent = z
  .object({
    object: z.literal('estimate_question'),
    id: z.string(),
    estimate: z.string(),
    message: z.string(),
    created: Timestamp,
  })
  .openapi('EstimateQuestionSent');

/** A drawn signature is at most 200 KB of PNG, ~270 KB as base64: refuse larger bodies unread. */
const approvalBodyLimit = bodyCap(300 * 1024, 400, 'signature.image_png');

const tags = ['Portal estimates'];

export const portalEstimateRoutes = new OpenAPIHono<AppEnv>(openApiHooks)
  .openapi(
    createRoute({
      method: 'post',
      path: '/{token}/estimates/{id}/approve',
      tags,
      summary: 'Approve an estimate, signing it',
      description:
        'Signed by a typed name or a drawn PNG (data URL, at most 200 KB). The signature, time, ' +
        'client address and user agent are kept with the decision and the business is emailed. ' +
        'Refused with 409 when the estimate is already decided (`estimate_already_decided`) or ' +
        'its valid-until day has passed (`estimate_expired`).',
      middleware: [approvalBodyLimit],
      request: { params: Params, ...jsonBody(Approval) },
      responses: {
        200: jsonResponse(Decision, 'The approval, and the deposit to pay if any'),
        ...errorResponses(400, 404, 409, 422, 429),
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const { signature } = c.req.valid('json');
      const scope = await openPortalLink(c, token);
      const approved = await c.var.db.transaction().execute(async (trx) => {
        const approved = await approveEstimate(trx, scope, id, signature, clientOf(c));
        await emitEstimateEvent(trx, approved.estimate.id, 'estimate.approved');
        return approved;
      });
      return c.json(
        portalDecisionView(approved.decision, approved.estimate, approved.depositDue),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{token}/estimates/{id}/decline',
      tags,
      summary: 'Decline an estimate, optionally saying why',
      request: { params: Params, ...jsonBody(Decline) },
      responses: {
        200: jsonResponse(Decision, 'The decline'),
        ...errorResponses(400, 404, 409, 429),
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      const scope = await openPortalLink(c, token);
      const declined = await c.var.db.transaction().execute(async (trx) => {
        const declined = await declineEstimate(trx, scope, id, reason ?? null, clientOf(c));
        await emitEstimateEvent(trx, declined.estimate.id, 'estimate.declined', {
          extra: { reason: declined.decision.reason },
        });
        return declined;
      });
      return c.json(portalDecisionView(declined.decision, declined.estimate, 0), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{token}/estimates/{id}/questions',
      tags,
      summary: 'Ask the business a question about an estimate',
      description:
        "Sent to the business's notification email (or its public email) through the outbox, " +
        'replying to the customer. At most 10 an hour per estimate (429 after).',
      request: { params: Params, ...jsonBody(Question) },
      responses: {
        200: jsonResponse(QuestionSent, 'The question, on its way'),
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const { token, id } = c.req.valid('param');
      const { message } = c.req.valid('json');
      const scope = await openPortalLink(c, token);
      const question = await c.var.db.transaction().execute(async (trx) => {
        const asked = await askAboutEstimate(trx, scope, id, message, clientOf(c));
        await emitEstimateEvent(trx, asked.estimate_id, 'estimate.question', {
          extra: { question: { id: asked.id, message: asked.message, created: asked.created_at } },
        });
        return asked;
      });
      return c.json(
        {
          object: 'estimate_question' as const,
          id: question.id,
          estimate: question.estimate_id,
          message: question.message,
          created: question.created_at,
        },
        200,
      );
    },
  );
