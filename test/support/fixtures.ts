/**
 * What the suites set up, made through the staff API as a business's staff would make it:
 * businesses and their settings, customers and what they owe, invoices, estimates, payment links
 * and their tokens (the stories the suites start from, made of these, are in scenarios.ts). A
 * helper throws with the API's answer when the API refuses: set-up is not what a test asserts, so a
 * refusal here is a broken test, not a finding. The one state the API cannot make, a date already
 * past, is written to the database, and its helper says so.
 */
import type { NewBusiness } from '../../server/businesses/businesses.ts';
import type { Db } from '../../server/db/database.ts';
import { today } from '../../server/db/ids.ts';
import type { ApiAnswer, StaffClient } from './staff-client.ts';

/** The body of an answer to set-up; anything but 200 is reported with what was asked. */
// biome-ignore lint/suspicious/noExplicitAny: tests read answers as the JSON they are.
export function made(what: string, reply: ApiAnswer): any {
  if (reply.status !== 200) {
    throw new Error(`${what} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  return reply.body;
}

/** The day `days` from today (UTC), as the API writes days. */
export function daysFromToday(days: number): string {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// Businesses

/** Makes a business (the CLI's work: there is no API for it) and a client for its staff. */
export interface BusinessMaker {
  business(input?: Partial<NewBusiness>): Promise<StaffClient>;
}

export type NewBusinessInput = Omit<Partial<NewBusiness>, 'settings'> & {
  settings?: Record<string, unknown>;
};

/** A business whose staff saved `settings`, as they would on the settings page. */
export async function createBusiness(
  maker: BusinessMaker,
  { settings = {}, ...input }: NewBusinessInput = {},
): Promise<StaffClient> {
  const staff = await maker.business(input);
  if (Object.keys(settings).length > 0)
    made('PATCH /v1/settings', await staff.patch('/v1/settings', settings));
  return staff;
}

/** Blue Lagoon Pools: 3 % + 30¢ on cards, partial payments of 1.00 or more. */
export function poolBusiness(
  maker: BusinessMaker,
  settings: Record<string, unknown> = {},
  currency = 'usd',
) {
  return createBusiness(maker, {
    name: 'Blue Lagoon Pools',
    currency,
    settings: {
      convenience_fees: { card: { percent_bps: 300, fixed: 30 } },
      partial_payments: { enabled: true, minimum: 100 },
      ...settings,
    },
  });
}

/** Blue Lagoon Pools with its letterhead, told of its customers' decisions at the office. */
export function brandedBusiness(maker: BusinessMaker, settings: Record<string, unknown> = {}) {
  return createBusiness(maker, {
    name: 'Blue Lagoon Pools',
    currency: 'usd',
    settings: {
      notification_email: 'office@bluelagoon.test',
      branding: {
        email: 'hello@bluelagoon.test',
        phone: '+1 813 555 0142',
        address: '12 Harbor Way, Tampa, FL 33602',
        brand_color: '#0f766e',
      },
      ...settings,
    },
  });
}

// Customers and their account

export interface NewCustomer {
  name?: string;
  email?: string;
  [detail: string]: unknown;
}

/** The customer most suites bill, with an address for receipts and links. */
export const DANA = { name: 'Dana Diaz', email: 'dana@example.com' } as const;

/** Dana's address, as the documents print it. */
export const ADDRESS = {
  line1: '48 Palmetto Drive',
  city: 'Tampa',
  state: 'FL',
  postal_code: '33606',
  country: 'US',
};

export async function createCustomer(
  staff: StaffClient,
  { name = 'Dana Diaz', ...details }: NewCustomer = {},
): Promise<{ id: string; name: string; email: string | null }> {
  return made('POST /v1/customers', await staff.post('/v1/customers', { name, ...details }));
}

export interface NewCharge {
  amount: number;
  tax?: number;
  description?: string;
  date?: string;
  /** An open invoice the charge is added to, as a line. */
  invoice?: string;
}

/** A billing line item on the account (or on one of its open invoices). */
export async function chargeCustomer(
  staff: StaffClient,
  customerId: string,
  { description = 'Pool cleaning', ...charge }: NewCharge,
) {
  const path = `/v1/customers/${customerId}/charges`;
  return made(`POST ${path}`, await staff.post(path, { description, ...charge }));
}

export async function creditCustomer(
  staff: StaffClient,
  customerId: string,
  amount: number,
  description = 'Goodwill credit',
) {
  const path = `/v1/customers/${customerId}/credits`;
  return made(`POST ${path}`, await staff.post(path, { amount, description }));
}

/** What the customer owes (negative: credit), as staff read it. */
export async function balanceOf(staff: StaffClient, customerId: string): Promise<number> {
  return made('GET balance', await staff.get(`/v1/customers/${customerId}/balance`)).amount;
}

// Invoices and estimates

export interface InvoiceDetails {
  /** The one line's price; 100.00 unless said. */
  unit_amount?: number;
  description?: string;
  /** Basis points: 825 is 8.25 %. */
  tax_rate?: number;
  due_date?: string;
  notes?: string;
  draft?: boolean;
  /** `{ type: 'amount', amount }` or `{ type: 'percent', rate }`, with a description. */
  discount?: Record<string, unknown>;
  /** Instead of the one line. */
  lines?: Record<string, unknown>[];
}

export interface Invoice {
  id: string;
  number: string;
  customer: string;
  status: string;
  total: number;
  amount_due: number;
  created: string;
  /** The rest of the answer, as the API documents it. */
  [field: string]: unknown;
}

/**
 * An invoice of one line, "Pool cleaning" of `invoice` (a price, or the line's details) untaxed
 * unless `tax_rate` says, or of `lines`; open unless a draft.
 */
export async function createInvoice(
  staff: StaffClient,
  customerId: string,
  invoice: number | InvoiceDetails = {},
): Promise<Invoice> {
  const {
    unit_amount = 10_000,
    description = 'Pool cleaning',
    tax_rate = 0,
    lines = [{ description, quantity: 1, unit_amount, tax_rate }],
    ...details
  } = typeof invoice === 'number' ? { unit_amount: invoice } : invoice;
  const body = { customer: customerId, lines, ...details };
  return made('POST /v1/invoices', await staff.post('/v1/invoices', body));
}

export const RESURFACING = {
  description: 'Pool resurfacing (plaster, 450 sq ft)',
  quantity: 1,
  unit_amount: 480_000,
  tax_rate: 825,
};
export const TILES = { description: 'Waterline tiles', quantity: 12, unit_amount: 1_850 };

/** The invoice suites' usual line: four weekly visits at 45.00, untaxed (180.00). */
export const poolService = { description: 'Weekly pool service', quantity: 4, unit_amount: 4500 };

export interface Estimate {
  id: string;
  number: string;
  status: string;
  total: number;
  subtotal: number;
  tax: number;
  deposit_amount: number;
  expired: boolean;
  created: string;
  /** The rest of the answer, as the API documents it. */
  [field: string]: unknown;
}

/** A pending estimate: resurfacing and tiles, valid 30 days, unless `body` says otherwise. */
export async function createEstimate(
  staff: StaffClient,
  customerId: string,
  body: Record<string, unknown> = {},
): Promise<Estimate> {
  const estimate = {
    customer: customerId,
    lines: [RESURFACING, TILES],
    valid_until: daysFromToday(30),
    terms: 'Half the work is scheduled within two weeks of approval.',
    ...body,
  };
  return made('POST /v1/estimates', await staff.post('/v1/estimates', estimate));
}

// Payment links

/** The token at the end of a link's URL (…/p/<token>). */
export function tokenOf(url: string): string {
  const token = url.split('/p/')[1];
  if (!token) throw new Error(`not a link URL: ${url}`);
  return token;
}

export interface PaymentLink {
  id: string;
  url: string;
  /** What the customer's browser sends: the end of the URL. */
  token: string;
  kind: string;
  status: string;
  expires: string | null;
  /** The rest of the answer, as the API documents it. */
  [field: string]: unknown;
}

/** A link to the customer's account, one invoice or one estimate, and its token. */
export async function createPaymentLink(
  staff: StaffClient,
  target: { customer: string } | { invoice: string } | { estimate: string },
): Promise<PaymentLink> {
  const link = made('POST /v1/payment_links', await staff.post('/v1/payment_links', target));
  return { ...link, token: tokenOf(link.url) };
}

/** The link's activity types, oldest first, as staff see them. */
export async function linkEvents(staff: StaffClient, linkId: string): Promise<string[]> {
  const events = made('GET events', await staff.get(`/v1/payment_links/${linkId}/events`));
  return events.data.map((event: { type: string }) => event.type);
}

// What only the database can make: time that has passed

/** Its valid-until day was yesterday (staff cannot set a past day through the API). */
export async function expireEstimate(h: { db: Db }, estimateId: string) {
  await h.db
    .updateTable('estimates')
    .set({ valid_until: daysFromToday(-1) })
    .where('id', '=', estimateId)
    .execute();
}

/** Its expiry has passed (the API sets an expiry only in the future). */
export async function expireLink(h: { db: Db }, linkId: string) {
  await h.db
    .updateTable('payment_links')
    .set({ expires_at: '2020-01-01T00:00:00.000Z' })
    .where('id', '=', linkId)
    .execute();
}
