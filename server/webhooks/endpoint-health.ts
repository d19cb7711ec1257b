/**
 * An endpoint's health after each attempt: a success clears `failing_since`; failures start it;
 * an endpoint failing without a success for DISABLE_AFTER_MS is disabled, and the business's
 * notification address is told by email (in the same transaction, through the outbox).
 */

import { parseSettings } from '../businesses/settings.ts';
import type { Trx } from '../db/database.ts';
import type { WebhookEndpointTable } from '../db/schema.ts';
import { escapeHtml } from '../http/html.ts';
import { enqueueEmail } from '../outbox/outbox.ts';
import { DISABLE_AFTER_MS, GAVE_UP_DISABLE_AFTER_MS } from './schedule.ts';

export async function noteSuccess(trx: Trx, endpointId: string) {
  await trx
    .updateTable('webhook_endpoints')
    .set({ failing_since: null })
    .where('id', '=', endpointId)
    .where('failing_since', 'is not', null)
    .execute();
}

/**
 * Returns true when this failure disabled the endpoint: failing for DISABLE_AFTER_MS, or a
 * delivery given up (its last attempt, ~70 hours after its first) with no success for two days.
 */
export async function noteFailure(
  trx: Trx,
  endpointId: string,
  at: Date,
  gaveUp = false,
): Promise<boolean> {
  const endpoint = await trx
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', endpointId)
    .executeTakeFirstOrThrow();
  if (endpoint.enabled !== 1) return false;
  if (!endpoint.failing_since) {
    await trx
      .updateTable('webhook_endpoints')
      .set({ failing_since: at.toISOString() })
      .where('id', '=', endpointId)
      .execute();
    return false;
  }
  const failingFor = at.getTime() - Date.parse(endpoint.failing_since);
  if (failingFor < (gaveUp ? GAVE_UP_DISABLE_AFTER_MS : DISABLE_AFTER_MS)) return false;
  const reason = `Every delivery failed since ${endpoint.failing_since}.`;
  await trx
    .updateTable('webhook_endpoints')
    .set({ enabled: 0, disabled_reason: reason, updated_at: at.toISOString() })
    .where('id', '=', endpointId)
    .execute();
  await tellStaff(trx, endpoint, reason);
  return true;
}

async function tellStaff(trx: Trx, endpoint: WebhookEndpointTable, reason: string) {
  const business = await trx
    .selectFrom('businesses')
    .select(['name', 'settings'])
    .where('id', '=', endpoint.business_id)
    .executeTakeFirstOrThrow();
  const settings = parseSettings(business.settings);
  const to = settings.notification_email ?? settings.branding.email;
  if (!to) return;
  const text = [
    `Pay Portal stopped sending events to your webhook endpoint ${endpoint.url} (${endpoint.id}).`,
    reason,
    'Events are still recorded: fix the endpoint, enable it again (PATCH /v1/webhook_endpoints/:id with {"enabled": true}) and it receives what is still pending; GET /v1/events lists the last 30 days, and POST /v1/events/:id/resend sends one again.',
  ];
  await enqueueEmail(trx, {
    business_id: endpoint.business_id,
    kind: 'webhook_disabled',
    to,
    subject: `Webhook endpoint disabled: ${endpoint.url}`,
    text: text.join('\n\n'),
    html: text.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
  });
}
