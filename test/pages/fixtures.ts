/** A business with a billed customer and links, made through the staff API, for the page suites. */
import { expect } from 'vitest';
import type { Harness, StaffClient } from '../support/harness.ts';

export const tokenOf = (url: string) => url.split('/p/')[1]!;

export interface BilledCustomer {
  staff: StaffClient;
  customer: { id: string };
  invoice: { id: string; number: string };
  link: { id: string; url: string; token: string };
}

/** Blue Lagoon Pools, a customer who owes an open invoice, and a customer link. */
export async function billedCustomer(
  h: Harness,
  settings: Record<string, unknown> = {},
): Promise<BilledCustomer> {
  const staff = await h.business({ name: 'Blue Lagoon Pools' });
  if (Object.keys(settings).length > 0) {
    expect((await staff.patch('/v1/settings', settings)).status).toBe(200);
  }
  const { body: customer } = await staff.post('/v1/customers', {
    name: 'Dana Diaz',
    email: 'dana@example.com',
  });
  const { body: invoice } = await staff.post('/v1/invoices', {
    customer: customer.id,
    lines: [{ description: 'Pool cleaning', quantity: 1, unit_amount: 10_000, tax_rate: 825 }],
    due_date: '2099-01-31',
  });
  expect(invoice.status).toBe('open');
  const { body: link } = await staff.post('/v1/payment_links', { customer: customer.id });
  expect(link.status).toBe('active');
  return { staff, customer, invoice, link: { ...link, token: tokenOf(link.url) } };
}

/** The link's activity types, oldest first. */
export async function eventTypes(staff: StaffClient, linkId: string): Promise<string[]> {
  const { body } = await staff.get(`/v1/payment_links/${linkId}/events`);
  return body.data.map((event: { type: string }) => event.type);
}
