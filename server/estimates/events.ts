/**
 * An estimate's events (issue 14), carrying the estimate as the staff API shows it. Called by the
 * routes in the transaction of the decision (decisions.ts cannot: views.ts reads it).
 */
import type { Trx } from '../db/database.ts';
import type { EventType } from '../events/catalog.ts';
import { emitEvent } from '../events/events.ts';
import { estimateViews } from './views.ts';

export type EstimateEventType = Extract<EventType, `estimate.${string}`>;

export async function emitEstimateEvent(
  trx: Trx,
  estimateId: string,
  type: EstimateEventType,
  options: { extra?: Record<string, unknown>; once?: boolean } = {},
) {
  const estimate = await trx
    .selectFrom('estimates')
    .selectAll()
    .where('id', '=', estimateId)
    .executeTakeFirstOrThrow();
  const [view] = await estimateViews(trx, [estimate]);
  return emitEvent(trx, {
    business_id: estimate.business_id,
    type,
    object: view!,
    ...(options.extra ? { extra: options.extra } : {}),
    ...(options.once ? { once_key: `${type}:${estimate.id}` } : {}),
  });
}
