/**
 * The portal's invoice document (`GET …/invoices/:id/document`: the whole invoice on screen) and
 * the question a customer asks about an invoice, as zod schemas for validation and the OpenAPI
 * document; re-exported by ./schemas.ts, which test/contract/contract.test.ts holds to
 * shared/api/portal-documents.ts.
 */
import { z } from '@hono/zod-openapi';

const InvoiceStatusEnum = z.enum(['draft', 'open', 'viewed', 'partially_paid', 'paid', 'void']);

export const PortalInvoiceDocument = z
  .object({
    object: z.literal('invoice_document'),
    id: z.string(),
    number: z.string(),
    status: InvoiceStatusEnum,
    currency: z.string(),
    date: z.string(),
    due_date: z.string().nullable(),
    days_overdue: z.number().int(),
    customer: z.object({
      name: z.string(),
      email: z.string().nullable(),
      address: z
        .object({
          line1: z.string().nullish(),
          line2: z.string().nullish(),
          city: z.string().nullish(),
          state: z.string().nullish(),
          postal_code: z.string().nullish(),
          country: z.string().nullish(),
        })
        .nullable(),
    }),
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
    subtotal: z.number().int(),
    discount: z
      .object({
        amount: z.number().int(),
        description: z.string().nullable(),
        rate: z.number().int().nullable(),
      })
      .nullable()
      .openapi({ description: 'Taken off the subtotal before tax; null without one.' }),
    taxes: z
      .array(
        z.object({ rate: z.number().int(), taxable: z.number().int(), amount: z.number().int() }),
      )
      .openapi({
        description:
          'Tax by rate (basis points), lowest rate first; `taxable` is after the discount.',
      }),
    tax: z.number().int(),
    total: z.number().int(),
    applied: z
      .array(
        z.object({
          kind: z.enum(['payment', 'credit', 'refund', 'adjustment']),
          description: z.string(),
          amount: z.number().int(),
          date: z.string(),
          method: z.enum(['card', 'us_bank_account', 'paypal']).nullable(),
          receipt_number: z.string().nullable(),
          receipt_url: z.string().nullable(),
        }),
      )
      .openapi({
        description:
          'Payments, credits, refunds and adjustments on the invoice, oldest first; `amount` is ' +
          'what each took off the amount due (a refund is negative).',
      }),
    amount_paid: z.number().int(),
    amount_credited: z.number().int(),
    amount_due: z.number().int(),
    notes: z.string().nullable(),
    terms: z.string().nullable(),
    pdf_url: z.string(),
  })
  .openapi('PortalInvoiceDocument');

export const InvoiceQuestionInput = z
  .object({ message: z.string().trim().min(1).max(5000) })
  .openapi('InvoiceQuestionInput');

export const InvoiceQuestionSent = z
  .object({
    object: z.literal('invoice_question'),
    id: z.string(),
    invoice: z.string(),
    message: z.string(),
    created: z.string(),
  })
  .openapi('InvoiceQuestionSent');
