/**
 * Payment links: the customer's way in. A link names a customer and, for invoice and estimate
 * links, one document; its token is stored as a hash (for lookup) and sealed (for staff to show
 * again, see link-tokens.ts). Activity per link is kept in `link_events` (link-events.ts).
 */

import { businessSettings } from '../businesses/businesses.ts';
import { getCustomer } from '../businesses/customers.ts';
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { keysetPage, type Page } from '../db/pagination.ts';
import type {
  BusinessTable,
  InvoiceStatus,
  PaymentLinkKind,
  PaymentLinkTable,
} from '../db/schema.ts';
import { conflict, notFound } from '../http/errors.ts';
import { recordLinkEvent } from './link-events.ts';
import { hashLinkToken, newLinkToken } from './tokens.ts';

export type LinkTarget = { customer: string } | { invoice: string } | { estimate: string };
export type LinkStatus = 'active' | 'revoked' | 'expired';

/** A link with what its liveness depends on: its invoice's status and its estimate's validity. */
export interface PaymentLink extends PaymentLinkTable {
  invoice_status: InvoiceStatus | null;
  estimate_valid_until: string | null;
}

const DAY_MS = 86_400_000;

/** An estimate's link lives to the end of its valid-until day (UTC). */
export function estimateLinkExpiry(validUntil: string): string {
  return new Date(Date.parse(`${validUntil}T00:00:00.000Z`) + DAY_MS).toISOString();
}

/** When the link stops working, or null for never. */
export function linkExpires(link: PaymentLink): string | null {
  if (link.kind === 'estimate' && link.estimate_valid_until) {
    return estimateLinkExpiry(link.estimate_valid_until);
  }
  return link.expires_at;
}

/**
 * A link ends by staff action (`revoked`) or by its own terms (`expired`): its time ran out, its
 * estimate's validity ended, or its invoice was voided.
 */
export function linkStatus(link: PaymentLink, at = now()): LinkStatus {
  if (link.status === 'revoked') return 'revoked';
  if (link.kind === 'invoice' && link.invoice_status === 'void') return 'expired';
  const expires = linkExpires(link);
  return expires !== null && expires <= at ? 'expired' : 'active';
}

function selectLinks(db: Db | Trx) {
  return db
    .selectFrom('payment_links')
    .leftJoin('invoices', 'invoices.id', 'payment_links.invoice_id')
    .leftJoin('estimates', 'estimates.id', 'payment_links.estimate_id')
    .selectAll('payment_links')
    .select(['invoices.status as invoice_status', 'estimates.valid_until as estimate_valid_until']);
}

/**
 * The link a token opens, live or not, or undefined. Every call hashes the token and makes the
 * same single indexed lookup, so unknown, revoked and expired tokens take comparable time.
 */
export async function findLinkByToken(db: Db | Trx, token: string) {
  return selectLinks(db)
    .where('payment_links.token_hash', '=', hashLinkToken(token))
    .executeTakeFirst();
}

/** The business's link, or a 404 that says nothing of other businesses' links. */
export async function getPaymentLink(db: Db | Trx, businessId: string, id: string) {
  const link = await selectLinks(db)
    .where('payment_links.business_id', '=', businessId)
    .where('payment_links.id', '=', id)
    .executeTakeFirst();
  if (!link) throw notFound('payment link', 'id');
  return link;
}

export async function listPaymentLinks(
  db: Db,
  businessId: string,
  page: Page & { customer?: string | undefined },
) {
  let query = selectLinks(db).where('payment_links.business_id', '=', businessId);
  if (page.customer) {
    const customer = await getCustomer(db, businessId, page.customer, 'customer');
    query = query.where('payment_links.customer_id', '=', customer.id);
  }
  return keysetPage(query, page, {
    table: 'payment_links',
    cursor: (id) =>
      getPaymentLink(db, businessId, id).catch(() => {
        throw notFound('payment link', 'starting_after');
      }),
  });
}

interface LinkSubject {
  kind: PaymentLinkKind;
  customer_id: string;
  invoice_id: string | null;
  estimate_id: string | null;
  invoice_status: InvoiceStatus | null;
  estimate_valid_until: string | null;
}

/** What a new link points at, checked to be the business's own and still worth linking to. */
async function linkSubject(trx: Trx, businessId: string, target: LinkTarget): Promise<LinkSubject> {
  const none = { invoice_id: null, estimate_id: null, invoice_status: null };
  if ('customer' in target) {
    const customer = await getCustomer(trx, businessId, target.customer, 'customer');
    return { kind: 'customer', customer_id: customer.id, ...none, estimate_valid_until: null };
  }
  if ('invoice' in target) {
    const invoice = await trx
      .selectFrom('invoices')
      .select(['id', 'customer_id', 'number', 'status'])
      .where('business_id', '=', businessId)
      .where('id', '=', target.invoice)
      .executeTakeFirst();
    if (!invoice) throw notFound('invoice', 'invoice');
    if (invoice.status === 'void' || invoice.status === 'draft') {
      throw conflict(
        `invoice_${invoice.status}`,
        `Invoice ${invoice.number} is ${invoice.status}; a customer cannot be sent to it.`,
        'invoice',
      );
    }
    return {
      ...none,
      kind: 'invoice',
      customer_id: invoice.customer_id,
      invoice_id: invoice.id,
      invoice_status: invoice.status,
      estimate_valid_until: null,
    };
  }
  const estimate = await trx
    .selectFrom('estimates')
    .select(['id', 'customer_id', 'number', 'valid_until'])
    .where('business_id', '=', businessId)
    .where('id', '=', target.estimate)
    .executeTakeFirst();
  if (!estimate) throw notFound('estimate', 'estimate');
  if (estimateLinkExpiry(estimate.valid_until) <= now()) {
    throw conflict(
      'estimate_expired',
      `Estimate ${estimate.number} was valid until ${estimate.valid_until}.`,
      'estimate',
    );
  }
  return {
    ...none,
    kind: 'estimate',
    customer_id: estimate.customer_id,
    estimate_id: estimate.id,
    estimate_valid_until: estimate.valid_until,
  };
}

/** Customer and invoice links live `link_expiry_days` from when their token is made, if set. */
function expiryFor(business: BusinessTable, subject: LinkSubject, at: string): string | null {
  if (subject.kind === 'estimate') return estimateLinkExpiry(subject.estimate_valid_until!);
  const days = businessSettings(business).link_expiry_days;
  return days ? new Date(Date.parse(at) + days * DAY_MS).toISOString() : null;
}

/** Makes a link and records `created`; the token in the answer is the only clear copy made. */
export async function createPaymentLink(
  trx: Trx,
  business: BusinessTable,
  target: LinkTarget,
  appSecret: string,
): Promise<{ link: PaymentLink; token: string }> {
  const subject = await linkSubject(trx, business.id, target);
  const at = now();
  const id = newId('lnk');
  const { token, hash, sealed } = newLinkToken(id, appSecret);
  const row: PaymentLinkTable = {
    id,
    business_id: business.id,
    customer_id: subject.customer_id,
    kind: subject.kind,
    invoice_id: subject.invoice_id,
    estimate_id: subject.estimate_id,
    token_hash: hash,
    token_sealed: sealed,
    status: 'active',
    expires_at: expiryFor(business, subject, at),
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('payment_links').values(row).execute();
  await recordLinkEvent(trx, row, 'created');
  const { invoice_status, estimate_valid_until } = subject;
  return { link: { ...row, invoice_status, estimate_valid_until }, token };
}

/**
 * A new token for the link: the old one stops working with this transaction's commit. A
 * customer or invoice link's expiry starts again; a revoked or voided link stays dead.
 */
export async function regeneratePaymentLink(
  trx: Trx,
  business: BusinessTable,
  id: string,
  appSecret: string,
): Promise<{ link: PaymentLink; token: string }> {
  const link = await getPaymentLink(trx, business.id, id);
  if (link.status === 'revoked') {
    throw conflict('link_revoked', 'This link was revoked; create a new one.');
  }
  if (link.kind === 'invoice' && link.invoice_status === 'void') {
    throw conflict('invoice_void', 'The invoice of this link is void.');
  }
  if (link.kind === 'estimate' && linkStatus(link) === 'expired') {
    throw conflict('estimate_expired', 'The estimate of this link has expired.');
  }
  const at = now();
  const { token, hash, sealed } = newLinkToken(link.id, appSecret);
  const changes = {
    token_hash: hash,
    token_sealed: sealed,
    expires_at: expiryFor(business, link, at),
    updated_at: at,
  };
  await trx.updateTable('payment_links').set(changes).where('id', '=', link.id).execute();
  await recordLinkEvent(trx, link, 'regenerated');
  return { link: { ...link, ...changes }, token };
}

/** Revokes the link at once. Revoking a revoked link changes nothing and records nothing. */
export async function revokePaymentLink(trx: Trx, businessId: string, id: string) {
  const link = await getPaymentLink(trx, businessId, id);
  if (link.status === 'revoked') return link;
  const changes = { status: 'revoked' as const, updated_at: now() };
  await trx.updateTable('payment_links').set(changes).where('id', '=', link.id).execute();
  await recordLinkEvent(trx, link, 'revoked');
  return { ...link, ...changes };
}
