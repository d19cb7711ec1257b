/**
 * The way into the portal: the token in the path is the only credential. Every dead token
 * (unknown, revoked, expired, invoice voided) gets the one same 404 after the same work (a hash
 * and one indexed lookup), and each client address is rate limited: all portal requests per
 * minute, and link misses per longer window so that guessing tokens stops early.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { businessSettings } from '../businesses/businesses.ts';
import type { BusinessSettings } from '../businesses/settings.ts';
import type { BusinessTable, CustomerTable, EstimateTable, InvoiceTable } from '../db/schema.ts';
import { clientAddress } from '../http/client-address.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { rateLimited } from '../http/rate-limit.ts';
import { rateCounter } from '../http/rate-windows.ts';
import { linkStatus, type PaymentLink } from './payment-links.ts';
import { type OpenedLink, openLinkByToken, type PortalLinkFacts } from './portal-link.ts';

export interface PortalScope {
  token: string;
  link: PaymentLink;
  business: BusinessTable;
  settings: BusinessSettings;
  customer: CustomerTable;
  /** The invoice of an invoice link. */
  invoice: InvoiceTable | null;
  /** The estimate of an estimate link. */
  estimate: EstimateTable | null;
  /**
   * The balance and whether there are estimates or saved cards, read with the link (issue 13);
   * absent on a scope made elsewhere, whose readers then ask the database.
   */
  facts?: PortalLinkFacts;
}

/** The contract's one answer for every link that does not work. */
export function linkInvalid(): ApiError {
  return new ApiError(
    404,
    'invalid_request_error',
    'link_invalid',
    'This payment link is not valid. It may have expired or been replaced.',
  );
}

const keys = (address: string) => ({ hits: `portal:${address}`, misses: `portal-miss:${address}` });

/**
 * Runs before every portal request: counts it, refuses a client over either limit, and marks the
 * answer private (it holds a customer's data, reached by a secret in its URL).
 */
export function portalGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const db = c.get('db');
    const config = c.get('config');
    const key = keys(clientAddress(c));
    const at = Date.now();
    const counter = rateCounter(db, config);
    const { hit: hits, peek: misses } = await counter.countHitAndPeek(
      { key: key.hits, windowSeconds: 60 },
      { key: key.misses, windowSeconds: config.rateLimit.missWindowSeconds },
      at,
    );
    if (hits.count > config.rateLimit.portalPerMinute) throw refuse(c, hits.retryAfter);
    if (misses.count >= config.rateLimit.misses) throw refuse(c, misses.retryAfter);
    // Now and then, forget windows long over; two windows back is never read again.
    if (Math.random() < 0.001) {
      await counter.prune(2 * Math.max(60, config.rateLimit.missWindowSeconds), at);
    }
    await next();
  };
}

/**
 * The guard runs before CORS looks the token up, so a client over its limit learns nothing of a
 * token from any origin. The refusal itself tells nothing either: any page may read it and wait.
 */
function refuse(c: Context<AppEnv>, retryAfter: number): ApiError {
  const origin = c.req.header('origin');
  if (origin) {
    c.header('Vary', 'Origin');
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', 'Retry-After');
  }
  return rateLimited(retryAfter);
}

/**
 * What paying through a link whose invoice staff voided since the page loaded answers: not the
 * 404 of a dead link ("Please try again" would be untrue) but that the business cancelled it and
 * nothing was charged (issue 11). Only the payment calls say it, to the holder of the invoice's
 * own token; every read still answers the one 404.
 */
export function invoiceVoided(businessName: string): ApiError {
  return new ApiError(
    409,
    'invalid_request_error',
    'invoice_voided',
    `This invoice was cancelled by ${businessName}; nothing was charged.`,
  );
}

/** openPortalLink for making or confirming a payment: a voided invoice says so (invoiceVoided). */
export async function openPortalLinkToPay(c: Context<AppEnv>, token: string) {
  return openPortalLink(c, token, true);
}

/**
 * The link a token opens, read once per request: CORS (../portal/cors.ts) reads it to learn the
 * business's origins and leaves it here for the route's openPortalLink, which takes it.
 */
export async function lookUpPortalLink(
  c: Context<AppEnv>,
  token: string,
): Promise<OpenedLink | undefined> {
  const opened = await openLinkByToken(c.get('db'), token);
  lookedUp.set(c, { token, opened });
  return opened;
}

const lookedUp = new WeakMap<Context, { token: string; opened: OpenedLink | undefined }>();

async function takeLookedUp(c: Context<AppEnv>, token: string) {
  const kept = lookedUp.get(c);
  if (!kept || kept.token !== token) return openLinkByToken(c.get('db'), token);
  lookedUp.delete(c);
  return kept.opened;
}

/** The live link a token opens, with its business, customer and document, or the 404 (or 429). */
export async function openPortalLink(
  c: Context<AppEnv>,
  token: string,
  paying = false,
): Promise<PortalScope> {
  const db = c.get('db');
  const config = c.get('config');
  const opened = await takeLookedUp(c, token);
  const link = opened?.link;
  const voided = link?.status === 'active' && link.invoice_status === 'void';
  if (
    paying &&
    opened &&
    voided &&
    linkStatus({ ...opened.link, invoice_status: 'open' }) === 'active'
  ) {
    throw invoiceVoided(opened.business.name);
  }
  if (!opened || linkStatus(opened.link) !== 'active') {
    const misses = await rateCounter(db, config).countHit(
      keys(clientAddress(c)).misses,
      config.rateLimit.missWindowSeconds,
    );
    if (misses.count > config.rateLimit.misses) throw rateLimited(misses.retryAfter);
    throw linkInvalid();
  }
  const { business, customer, invoice, estimate, facts } = opened;
  return {
    token,
    link: opened.link,
    business,
    settings: businessSettings(business),
    customer,
    invoice,
    estimate,
    facts,
  };
}
