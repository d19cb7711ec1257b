/**
 * What the payments suites share: a business with a card fee, customers with open invoices, links,
 * and a customer's browser that pays through the portal API the way the element does.
 */
import { expect } from 'vitest';
import { type ApiAnswer, answer, type Harness, type StaffClient } from '../support/harness.ts';

export const CARD_FEE = { percent_bps: 300, fixed: 30 };
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

/** Staff of a pool business that charges 3 % + 30¢ on cards and takes partial payments. */
export async function poolBusiness(
  h: Harness,
  settings: Record<string, unknown> = {},
  currency = 'usd',
) {
  const staff = await h.business({ name: 'Blue Lagoon Pools', currency });
  const patched = await staff.patch('/v1/settings', {
    convenience_fees: { card: CARD_FEE },
    partial_payments: { enabled: true, minimum: 100 },
    ...settings,
  });
  expect(patched.status).toBe(200);
  return staff;
}

export async function customerOf(staff: StaffClient, name = 'Dana Diaz', email?: string) {
  const { body } = await staff.post('/v1/customers', { name, ...(email ? { email } : {}) });
  return body as { id: string };
}

/** An open invoice of `unitAmount` with no tax. */
export async function invoiceFor(staff: StaffClient, customer: string, unitAmount = 10_000) {
  const { body, status } = await staff.post('/v1/invoices', {
    customer,
    lines: [{ description: 'Pool cleaning', quantity: 1, unit_amount: unitAmount, tax_rate: 0 }],
  });
  expect(status).toBe(200);
  return body as { id: string; number: string; total: number };
}

export async function linkTo(staff: StaffClient, target: Record<string, string>) {
  const { body, status } = await staff.post('/v1/payment_links', target);
  expect(status).toBe(200);
  return (body.url as string).split('/p/')[1]!;
}

export async function balanceOf(staff: StaffClient, customer: string): Promise<number> {
  return (await staff.get(`/v1/customers/${customer}/balance`)).body.amount;
}

let keys = 0;
export function newKey() {
  keys += 1;
  return `key-${Date.now()}-${keys}-${Math.random().toString(36).slice(2)}`;
}

/** The customer's browser on one link. */
export function portal(h: Harness, token: string, address = '203.0.113.7') {
  const call = async (method: string, path: string, body?: unknown, headers = {}) =>
    answer(
      await h.request(
        `/v1/portal/${token}${path}`,
        {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            'user-agent': 'Mozilla/5.0 (test)',
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        address,
      ),
    );
  return {
    get: (path = '') => call('GET', path),
    create: (body: unknown, key: string | null = newKey()) =>
      call('POST', '/payments', body, key === null ? {} : { 'idempotency-key': key }),
    confirm: (id: string, body: unknown) => call('POST', `/payments/${id}/confirm`, body),
    payment: (id: string) => call('GET', `/payments/${id}`),
    history: (query = '') => call('GET', `/payments${query}`),
    removeCard: (id: string) => call('DELETE', `/payment_methods/${id}`),
    /** Creates a payment and confirms it with `sandbox`, accepting a changed total. */
    async pay(body: unknown, sandbox: unknown = VISA): Promise<ApiAnswer> {
      const created = await this.create(body);
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      let confirmed = await this.confirm(created.body.id, { sandbox });
      if (confirmed.status === 409 && confirmed.body.error.code === 'fee_changed') {
        confirmed = await this.confirm(created.body.id, {
          sandbox,
          accept_total: confirmed.body.error.payment.amount,
        });
      }
      return confirmed;
    },
  };
}

export type Portal = ReturnType<typeof portal>;
