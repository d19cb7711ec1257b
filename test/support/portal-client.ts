/**
 * The customer's browser on one payment link: what the element asks of the portal API (the
 * account, recent charges, quotes, payments and their steps, saved cards, estimate decisions),
 * sent as a phone sends it, from one address. And the sandbox's test cards and accounts it pays
 * with.
 */
import type { Db } from '../../server/db/database.ts';
import { made } from './fixtures.ts';
import { type ApiAnswer, answer } from './staff-client.ts';

export const VISA = {
  card_number: '4242 4242 4242 4242',
  exp_month: 12,
  exp_year: 2034,
  cvc: '123',
};
export const VISA_DEBIT = { ...VISA, card_number: '4000056655665556' };
export const DECLINED = { ...VISA, card_number: '4000000000000002' };
export const INSUFFICIENT = { ...VISA, card_number: '4000000000009995' };
export const THREE_D_SECURE = { ...VISA, card_number: '4000002500003155' };
export const BANK = { routing_number: '110000000', account_number: '000123456789' };
export const BANK_NO_ACCOUNT = { routing_number: '110000000', account_number: '000111111116' };

/** The browser's User-Agent, kept with a signature or a saved card. */
export const PHONE_BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)';

let keys = 0;
/** A fresh Idempotency-Key, as the element makes one per payment attempt. */
export function newKey() {
  keys += 1;
  return `key-${Date.now()}-${keys}-${Math.random().toString(36).slice(2)}`;
}

/** Where the browser's requests go: the harness's app, or a listening server. */
export interface PortalServer {
  request(path: string, init?: RequestInit, address?: string): Promise<Response>;
}

export function openPortal(
  server: PortalServer,
  link: string | { token: string },
  address = '203.0.113.7',
) {
  const token = typeof link === 'string' ? link : link.token;
  const call = async (method: string, path: string, body?: unknown, headers = {}) =>
    answer(
      await server.request(
        `/v1/portal/${token}${path}`,
        {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            'user-agent': PHONE_BROWSER,
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        address,
      ),
    );
  return {
    token,
    get: (path = '') => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
    quote: (body: unknown) => call('POST', '/quote', body),
    /** What the element reports once it has shown the account. */
    view: () => call('POST', '/views'),
    create: (body: unknown, key: string | null = newKey()) =>
      call('POST', '/payments', body, key === null ? {} : { 'idempotency-key': key }),
    confirm: (id: string, body: unknown) => call('POST', `/payments/${id}/confirm`, body),
    cancel: (id: string) => call('POST', `/payments/${id}/cancel`),
    payment: (id: string) => call('GET', `/payments/${id}`),
    history: (query = '') => call('GET', `/payments${query}`),
    removeCard: (id: string) => call('DELETE', `/payment_methods/${id}`),
    /** Creates a payment and confirms it with `sandbox`, accepting a changed total. */
    async pay(body: unknown, sandbox: unknown = VISA): Promise<ApiAnswer> {
      const { id } = made('POST payments', await this.create(body));
      let confirmed = await this.confirm(id, { sandbox });
      if (confirmed.status === 409 && confirmed.body.error.code === 'fee_changed') {
        confirmed = await this.confirm(id, {
          sandbox,
          accept_total: confirmed.body.error.payment.amount,
        });
      }
      return confirmed;
    },
    approve: (estimateId: string, signature: unknown) =>
      call('POST', `/estimates/${estimateId}/approve`, { signature }),
    decline: (estimateId: string, reason?: string) =>
      call('POST', `/estimates/${estimateId}/decline`, reason === undefined ? {} : { reason }),
    ask: (estimateId: string, message: string) =>
      call('POST', `/estimates/${estimateId}/questions`, { message }),
  };
}

export type PortalClient = ReturnType<typeof openPortal>;

/**
 * The API suites' calls on the link they name, for one harness: the portal's view or a list
 * (`get`), a POST, a quote, and the page's Response (`portal`).
 */
export function linkCalls(server: PortalServer) {
  type Link = string | { token: string };
  return {
    get: (link: Link, path = '') => openPortal(server, link).get(path),
    post: (link: Link, path: string) => openPortal(server, link).post(path),
    quote: (link: Link, body: unknown) => openPortal(server, link).quote(body),
    portal: (token: string) => server.request(`/v1/portal/${token}`),
  };
}

/**
 * As if the process had died after writing the payment and before answering: no stored answer
 * and an old lock on the key (no request can leave this behind on purpose).
 */
export async function dieBeforeAnswering(h: { db: Db }, key: string) {
  await h.db
    .updateTable('idempotency_keys')
    .set({
      response_status: null,
      response_body: null,
      locked_at: new Date(Date.now() - 60_000).toISOString(),
    })
    .where('key', '=', key)
    .execute();
}
