/**
 * The portal API's zod schemas, for validation and the OpenAPI document. The shapes themselves are
 * shared/api/portal.ts, which the element reads; test/contract/contract.test.ts holds these to it.
 */
import { z } from '@hono/zod-openapi';

export const TokenParam = z.object({
  // Any string: a malformed token is just another unknown one, with the same 404.
  token: z.string().openapi({ param: { name: 'token', in: 'path' }, example: 'q3Zx…' }),
});

const Fee = z.object({ percent_bps: z.number().int(), fixed: z.number().int() });

export const PortalInvoice = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  due_date: z.string().nullable(),
  status: z.enum(['draft', 'open', 'viewed', 'partially_paid', 'paid', 'void']),
  total: z.number().int(),
  amount_due: z.number().int(),
  days_overdue: z
    .number()
    .int()
    .openapi({ description: 'Whole days past the due date while something is due; 0 otherwise.' }),
  pdf_url: z.string(),
});

const PortalEstimate = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  valid_until: z.string(),
  status: z.enum(['pending', 'approved', 'declined']),
  expired: z.boolean(),
  subtotal: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
  deposit_amount: z.number().int(),
  deposit_due: z
    .number()
    .int()
    .openapi({
      description:
        'What of the deposit is still to pay: the deposit less deposit payments (never below 0); ' +
        '0 once declined or turned into an invoice.',
    }),
  terms: z.string().nullable(),
  decision: z
    .object({
      status: z.enum(['approved', 'declined']),
      decided_at: z.string(),
    })
    .nullable()
    .openapi({ description: "The customer's decision; null while pending." }),
  pdf_url: z.string(),
  lines: z.array(
    z.object({
      description: z.string(),
      quantity: z.number(),
      unit_amount: z.number().int(),
      tax_rate: z.number().int(),
      amount: z.number().int(),
      tax: z.number().int(),
    }),
  ),
});

const CardProvider = z.union([
  z.object({ name: z.literal('sandbox'), test_mode: z.boolean() }),
  z.object({
    name: z.literal('stripe'),
    publishable_key: z.string(),
    test_mode: z.boolean(),
  }),
  z.object({
    name: z.literal('square'),
    application_id: z.string(),
    location_id: z.string(),
    test_mode: z.boolean(),
  }),
]);

/** What PayPal's JS SDK needs in the browser: the client id (public), currency, Venmo or not. */
const PayPalProvider = z.object({
  name: z.literal('paypal'),
  client_id: z.string(),
  currency: z.string(),
  venmo: z.boolean(),
  test_mode: z.boolean(),
});

export const Portal = z
  .object({
    object: z.literal('portal'),
    link: z.object({
      kind: z.enum(['customer', 'invoice', 'estimate']),
      expires: z.string().nullable(),
    }),
    business: z.object({
      name: z.string(),
      logo_url: z.string().nullable(),
      brand_color: z.string(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    customer: z.object({
      name: z.string(),
      phone: z.string().nullable(),
      locale: z.enum(['en', 'es']).nullable(),
    }),
    currency: z.string(),
    locale: z.string(),
    time_zone: z.string(),
    balance: z.object({
      amount: z.number().int(),
      state: z.enum(['zero', 'credit', 'outstanding']),
    }),
    balance_due: z.number().int(),
    invoices: z.array(PortalInvoice).openapi({
      description:
        'The first 10 open invoices, oldest first; `invoices_summary.has_more` says whether ' +
        '`GET /v1/portal/{token}/invoices?starting_after=` has more.',
    }),
    invoices_summary: z
      .object({
        count: z.number().int(),
        amount_due: z.number().int(),
        has_more: z.boolean(),
      })
      .openapi({
        description: 'Every invoice the link reaches: how many, and what they owe together.',
      }),
    estimates: z.array(PortalEstimate),
    tip_options: z.object({
      enabled: z.boolean(),
      percentages: z.array(z.number()),
      custom: z.boolean(),
    }),
    partial_payments: z.object({ enabled: z.boolean(), minimum: z.number().int() }),
    payment_methods: z.array(
      z.object({
        type: z.enum(['card', 'us_bank_account', 'paypal']),
        fee: Fee.nullable(),
        provider: z.enum(['sandbox', 'stripe', 'square', 'paypal']),
      }),
    ),
    provider: CardProvider.openapi({
      description: 'The card provider (also first in `providers`).',
    }),
    providers: z.array(z.union([CardProvider, PayPalProvider])).openapi({
      description:
        'Every provider this portal takes payments with: the card provider, then PayPal.',
    }),
    saved_payment_methods: z.array(
      z.object({
        id: z.string(),
        brand: z.string().nullable(),
        last4: z.string().nullable(),
        exp_month: z.number().int().nullable(),
        exp_year: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('Portal');

export const PortalChargesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const PortalInvoicesQuery = z.object({
  starting_after: z.string().optional().openapi({
    description: 'The last invoice of the page before (its `id`); none: the first page.',
  }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const PortalInvoices = z
  .object({
    object: z.literal('list'),
    data: z.array(PortalInvoice),
    has_more: z.boolean(),
  })
  .openapi('PortalInvoices');

export const PortalCharges = z
  .object({
    object: z.literal('list'),
    data: z.array(
      z.object({
        id: z.string(),
        amount: z.number().int(),
        tax: z.number().int(),
        description: z.string(),
        date: z.string(),
      }),
    ),
    has_more: z.boolean(),
  })
  .openapi('PortalCharges');

/** Amounts are checked by shared/quote.ts (422 with its codes); here only their types (400). */
export const QuoteRequest = z
  .object({
    invoices: z
      .array(z.object({ id: z.string().min(1).max(100), amount: z.number().int() }))
      .max(100)
      .default([]),
    balance_amount: z.number().int().default(0),
    tip: z
      .union([
        z.strictObject({ percent: z.number().min(0).max(100) }),
        z.strictObject({ amount: z.number().int() }),
      ])
      .nullable()
      .optional(),
    method: z.enum(['card', 'us_bank_account', 'paypal']).nullable().optional(),
  })
  .openapi('QuoteRequest');

export const Quote = z
  .object({
    object: z.literal('quote'),
    subtotal: z.number().int(),
    tip: z.number().int(),
    fee: z.number().int(),
    total: z.number().int(),
    currency: z.string(),
  })
  .openapi('Quote');

export {
  InvoiceQuestionInput,
  InvoiceQuestionSent,
  PortalInvoiceDocument,
} from './invoice-document-schemas.ts';
