/**
 * A payment link's activity (`link_events`: created, copied, sent, viewed, payment made,
 * regenerated, revoked), recorded as it happens and listed oldest first.
 */

import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { keysetPage, type Page } from '../db/pagination.ts';
import type { LinkEventType, PaymentLinkTable } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';

export async function recordLinkEvent(
  db: Db | Trx,
  link: Pick<PaymentLinkTable, 'id' | 'business_id'>,
  type: LinkEventType,
  extra: { channel?: string | null; detail?: Record<string, unknown> | null } = {},
) {
  const event = {
    id: newId('evt'),
    business_id: link.business_id,
    payment_link_id: link.id,
    type,
    channel: extra.channel ?? null,
    detail: extra.detail ? JSON.stringify(extra.detail) : null,
    created_at: await nextEventTime(db, link.id),
  };
  await db.insertInto('link_events').values(event).execute();
  return event;
}

/**
 * Now, or a millisecond after the link's last event when that is not earlier: events made in the
 * same millisecond (created, then copied) still list in the order they happened.
 */
async function nextEventTime(db: Db | Trx, linkId: string): Promise<string> {
  const at = now();
  const last = await db
    .selectFrom('link_events')
    .select('created_at')
    .where('payment_link_id', '=', linkId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last || last.created_at < at) return at;
  return new Date(Date.parse(last.created_at) + 1).toISOString();
}

/** The link's activity, oldest first. */
export async function listLinkEvents(db: Db, link: Pick<PaymentLinkTable, 'id'>, page: Page) {
  const query = db.selectFrom('link_events').selectAll().where('payment_link_id', '=', link.id);
  return keysetPage(query, page, {
    order: 'asc',
    cursor: async (id) => {
      const cursor = await query.where('id', '=', id).executeTakeFirst();
      if (!cursor) throw notFound('event', 'starting_after');
      return cursor;
    },
  });
}
