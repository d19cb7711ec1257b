/**
 * Stripe's API objects as the fake Stripe server answers with them. Each builder is typed with the
 * `stripe` SDK's own definitions (generated from Stripe's OpenAPI description), so a field the
 * real API always sends cannot be missing here; and each was written after the canonical object
 * of Stripe's published fixtures (`openapi/fixtures3.json`, read by hand, never loaded: issue 10),
 * field for field, changing only what a real Stripe changes for the request (ids, amounts,
 * statuses, metadata, client secrets, the fields a status implies). Two deliberate differences:
 * a charge carries no `refunds` list (API versions since 2022-11-15 send it only when expanded),
 * and an intent names `allowed_payment_method_types`, as the pinned API version does. This file
 * holds ids, customers and events; the other objects sit beside it by resource:
 * fake-stripe-payment-methods.ts, -intents.ts, -charges.ts (charges, refunds), -disputes.ts.
 */
import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';

export function fakeId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

export function customer(fields: {
  name: string | null;
  email: string | null;
  metadata: Record<string, string>;
}): Stripe.Customer {
  return {
    id: fakeId('cus'),
    object: 'customer',
    address: null,
    balance: 0,
    created: unixNow(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: fields.email,
    invoice_prefix: randomBytes(4).toString('hex').toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: fields.metadata,
    name: fields.name,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

/** An event as Stripe delivers it to a webhook endpoint. */
export function event(type: string, object: unknown, apiVersion: string): Stripe.Event {
  return {
    id: fakeId('evt'),
    object: 'event',
    api_version: apiVersion,
    context: undefined,
    created: unixNow(),
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: fakeId('req'), idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}
