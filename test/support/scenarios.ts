/**
 * The stories the suites start from, made of the fixtures (fixtures.ts) through the staff API:
 * the portal suites' Blue Lagoon (branded, with a card fee) and its taxed invoice, a customer who
 * owes an invoice and has a link, a customer with an invoice and an estimate but no link yet, Dana
 * and the estimate she was sent, links that no longer open.
 */
import { expect } from 'vitest';
import type { Db } from '../../server/db/database.ts';
import {
  type BusinessMaker,
  brandedBusiness,
  createBusiness,
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
  DANA,
  expireLink,
  type InvoiceDetails,
  made,
  type NewCustomer,
} from './fixtures.ts';
import type { Harness } from './harness.ts';
import { openPortal } from './portal-client.ts';
import type { StaffClient } from './staff-client.ts';

/** Blue Lagoon Pools: a 3 % + 30¢ card fee and its branding. */
export function blueLagoon(maker: BusinessMaker) {
  return createBusiness(maker, {
    name: 'Blue Lagoon Pools',
    settings: {
      branding: {
        brand_color: '#0E7490',
        address: '1 Lagoon Way, Austin TX',
        phone: '+1 555 010 1000',
        email: 'billing@bluelagoon.example',
      },
      convenience_fees: { card: { percent_bps: 300, fixed: 30 } },
    },
  });
}

/** An open invoice of 100.00 + 8.25 % tax = 108.25. */
export function taxedInvoice(staff: StaffClient, customer: string, unitAmount = 10_000) {
  return createInvoice(staff, customer, {
    unit_amount: unitAmount,
    tax_rate: 825,
    due_date: '2099-01-31',
  });
}

/** Dana (or who `customer` says) is a customer of the branded business (with `settings`). */
export async function brandedCustomer(
  maker: BusinessMaker,
  settings: Record<string, unknown> = {},
  customer: NewCustomer = {},
) {
  const staff = await brandedBusiness(maker, settings);
  return { staff, dana: await createCustomer(staff, { ...DANA, ...customer }) };
}

/** The branded business (with `settings`) has sent Dana an estimate: `body` over the usual. */
export async function estimateForDana(
  maker: BusinessMaker,
  body: Record<string, unknown> = {},
  settings: Record<string, unknown> = {},
) {
  const { staff, dana } = await brandedCustomer(maker, settings);
  return { staff, dana, estimate: await createEstimate(staff, dana.id, body) };
}

/** `customer` (Dana unless named) owes one invoice of `unitAmount` and has a customer link. */
export async function owingCustomer(
  staff: StaffClient,
  unitAmount = 10_000,
  customer: NewCustomer = {},
  invoice: InvoiceDetails = {},
) {
  const owner = await createCustomer(staff, customer);
  return {
    customer: owner,
    invoice: await createInvoice(staff, owner.id, { unit_amount: unitAmount, ...invoice }),
    link: await createPaymentLink(staff, { customer: owner.id }),
  };
}

/** Dana owes `staff`'s business `owed` and starts paying `amount` of it with `method`. */
export async function startDanaPayment(
  h: Harness,
  staff: StaffClient,
  method: string,
  extra: Record<string, unknown> = {},
  owed = 10_000,
  amount = owed,
) {
  const { customer: dana, invoice, link } = await owingCustomer(staff, owed, DANA);
  const browser = openPortal(h, link);
  const created = await browser.create({
    invoices: [{ id: invoice.id, amount }],
    method,
    ...extra,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return { dana, invoice, token: link.token, browser, payment: created.body };
}

/** A business with a customer, an open invoice of 108.25 and a pending estimate; no link yet. */
export async function customerWithDocuments(maker: BusinessMaker, staff?: StaffClient) {
  const business = staff ?? (await maker.business());
  const customer = await createCustomer(business);
  const invoice = await createInvoice(business, customer.id, { tax_rate: 825 });
  const estimate = await createEstimate(business, customer.id, {
    lines: [{ description: 'New pump', quantity: 1, unit_amount: 50_000 }],
    valid_until: '2099-12-31',
  });
  return { staff: business, customer, invoice, estimate };
}

/** Blue Lagoon Pools (with `settings`); Dana owes an open invoice of 108.25 and has a link. */
export async function billedCustomer(maker: BusinessMaker, settings: Record<string, unknown> = {}) {
  const staff = await createBusiness(maker, { name: 'Blue Lagoon Pools', settings });
  const billed = await owingCustomer(staff, 10_000, DANA, {
    tax_rate: 825,
    due_date: '2099-01-31',
  });
  return { staff, ...billed };
}

/**
 * Links of the customer that no longer open, one for each way a link dies: revoked by staff, past
 * its expiry, to an invoice since voided (`invoiceId` is voided), and replaced by regenerating.
 */
export async function deadLinks(
  h: { db: Db },
  staff: StaffClient,
  { customerId, invoiceId }: { customerId: string; invoiceId: string },
) {
  const revoked = await createPaymentLink(staff, { customer: customerId });
  made('revoke', await staff.post(`/v1/payment_links/${revoked.id}/revoke`));
  const expired = await createPaymentLink(staff, { customer: customerId });
  await expireLink(h, expired.id);
  const voided = await createPaymentLink(staff, { invoice: invoiceId });
  made('void', await staff.post(`/v1/invoices/${invoiceId}/void`));
  const replaced = await createPaymentLink(staff, { customer: customerId });
  made('regenerate', await staff.post(`/v1/payment_links/${replaced.id}/regenerate`));
  return { revoked, expired, voided, replaced };
}
