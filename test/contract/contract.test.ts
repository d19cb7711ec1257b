/**
 * One contract: the API's shapes are written once, as the plain types of shared/api/, which the
 * element and the staff page import. Here the server's zod schemas (what validates requests and
 * draws the OpenAPI document) are held to those types: an answer's schema must give exactly the
 * shared type (`z.output`), a request the browser builds must be what the schema accepts
 * (`z.input`). `npm run typecheck` does the checking; at run time these tests only list the
 * shapes. A field added, dropped, renamed or retyped on either side fails here.
 */
import type { z } from '@hono/zod-openapi';
import { describe, expectTypeOf, it } from 'vitest';
import type { SignatureInput } from '../../server/estimates/signatures.ts';
import type { ErrorSchema } from '../../server/http/schemas.ts';
import type { embedView } from '../../server/pages/widget-files.ts';
import type * as portalSchemas from '../../server/portal/schemas.ts';
import type * as portalEstimates from '../../server/routes/portal/estimates.ts';
import type { Confirmation } from '../../server/routes/portal/payment-steps.ts';
import type { PortalPayment } from '../../server/routes/portal/payment-views.ts';
import type { NewPayment } from '../../server/routes/portal/payments.ts';
import type { PortalAccessResult } from '../../server/routes/staff/customer-access.ts';
import type { StatementEntry } from '../../server/routes/staff/customer-entries.ts';
import type { SavedCard } from '../../server/routes/staff/customer-payment-methods.ts';
import type * as customers from '../../server/routes/staff/customers.ts';
import type * as estimates from '../../server/routes/staff/estimates.ts';
import type * as events from '../../server/routes/staff/events.ts';
import type { DraftInvoiceChanges } from '../../server/routes/staff/invoice-drafts.ts';
import type { Invoice, InvoiceEvents } from '../../server/routes/staff/invoices.ts';
import type * as outbox from '../../server/routes/staff/outbox.ts';
import type { SentEvent } from '../../server/routes/staff/payment-link-send.ts';
import type * as links from '../../server/routes/staff/payment-links.ts';
import type * as payments from '../../server/routes/staff/payments.ts';
import type { Settings } from '../../server/routes/staff/settings.ts';
import type { SmsConsent } from '../../server/routes/staff/sms-consents.ts';
import type * as webhookEndpoints from '../../server/routes/staff/webhook-endpoints.ts';
import type { ErrorAnswer, List } from '../../shared/api/common.ts';
import type * as portal from '../../shared/api/portal.ts';
import type * as staff from '../../shared/api/staff.ts';
import type { QuoteInput } from '../../shared/quote.ts';

type Out<T extends z.ZodType> = z.output<T>;
type In<T extends z.ZodType> = z.input<T>;
type PortalAnswer = Out<typeof portalSchemas.Portal>;

describe('the portal API (shared/api/portal.ts)', () => {
  it('GET /v1/portal/:token answers a Portal', () => {
    expectTypeOf<portal.Portal>().toEqualTypeOf<PortalAnswer>();
    expectTypeOf<portal.PortalBusiness>().toEqualTypeOf<PortalAnswer['business']>();
    expectTypeOf<portal.PortalInvoice>().toEqualTypeOf<PortalAnswer['invoices'][number]>();
    expectTypeOf<portal.InvoicesSummary>().toEqualTypeOf<PortalAnswer['invoices_summary']>();
    expectTypeOf<portal.PortalEstimate>().toEqualTypeOf<PortalAnswer['estimates'][number]>();
    expectTypeOf<portal.PortalEstimateLine>().toEqualTypeOf<
      PortalAnswer['estimates'][number]['lines'][number]
    >();
    expectTypeOf<portal.PaymentMethodOption>().toEqualTypeOf<
      PortalAnswer['payment_methods'][number]
    >();
    expectTypeOf<portal.PortalProvider>().toEqualTypeOf<PortalAnswer['provider']>();
    expectTypeOf<portal.SavedPaymentMethod>().toEqualTypeOf<
      PortalAnswer['saved_payment_methods'][number]
    >();
  });

  it('GET …/charges answers a List of PortalCharge', () => {
    expectTypeOf<List<portal.PortalCharge>>().toEqualTypeOf<
      Out<typeof portalSchemas.PortalCharges>
    >();
  });

  it('GET …/invoices takes a PortalInvoicesQuery and answers a List of PortalInvoice', () => {
    expectTypeOf<List<portal.PortalInvoice>>().toEqualTypeOf<
      Out<typeof portalSchemas.PortalInvoices>
    >();
    // `limit` is coerced from the query string: any value goes in, a number comes out.
    expectTypeOf<portal.PortalInvoicesQuery>().toExtend<
      In<typeof portalSchemas.PortalInvoicesQuery>
    >();
  });

  it('POST …/quote takes a QuoteRequest and answers a PortalQuote', () => {
    // The server computes with what it validated, through the same shared/quote.ts.
    expectTypeOf<portal.QuoteRequest>().toEqualTypeOf<Out<typeof portalSchemas.QuoteRequest>>();
    expectTypeOf<QuoteInput>().toExtend<In<typeof portalSchemas.QuoteRequest>>();
    expectTypeOf<portal.PortalQuote>().toEqualTypeOf<Out<typeof portalSchemas.Quote>>();
  });

  it('POST …/payments takes a PaymentRequest; every payment route answers a PortalPayment', () => {
    expectTypeOf<portal.PaymentRequest>().toExtend<In<typeof NewPayment>>();
    expectTypeOf<portal.PortalPayment>().toEqualTypeOf<Out<typeof PortalPayment>>();
  });

  it('POST …/payments/:id/confirm takes a PaymentConfirmation (sandbox or server-side)', () => {
    expectTypeOf<portal.PaymentConfirmation>().toEqualTypeOf<In<typeof Confirmation>>();
    expectTypeOf<portal.PaymentConfirmation>().toEqualTypeOf<Out<typeof Confirmation>>();
  });

  it('GET …/invoices/:id/document answers a PortalInvoiceDocument; questions about invoices', () => {
    expectTypeOf<portal.PortalInvoiceDocument>().toEqualTypeOf<
      Out<typeof portalSchemas.PortalInvoiceDocument>
    >();
    expectTypeOf<portal.InvoiceQuestionInput>().toEqualTypeOf<
      In<typeof portalSchemas.InvoiceQuestionInput>
    >();
    expectTypeOf<portal.InvoiceQuestionSent>().toEqualTypeOf<
      Out<typeof portalSchemas.InvoiceQuestionSent>
    >();
  });

  it('estimate decisions and questions', () => {
    expectTypeOf<portal.SignatureInput>().toEqualTypeOf<SignatureInput>();
    expectTypeOf<portal.EstimateApproval>().toEqualTypeOf<In<typeof portalEstimates.Approval>>();
    expectTypeOf<portal.EstimateDecline>().toEqualTypeOf<In<typeof portalEstimates.Decline>>();
    expectTypeOf<portal.EstimateQuestionInput>().toEqualTypeOf<
      In<typeof portalEstimates.Question>
    >();
    expectTypeOf<portal.PortalEstimateDecision>().toEqualTypeOf<
      Out<typeof portalEstimates.Decision>
    >();
    expectTypeOf<portal.EstimateQuestionSent>().toEqualTypeOf<
      Out<typeof portalEstimates.QuestionSent>
    >();
  });
});

describe('the staff API (shared/api/staff.ts)', () => {
  it('customers, their balance and ledger entries', () => {
    expectTypeOf<staff.Customer>().toEqualTypeOf<Out<typeof customers.Customer>>();
    expectTypeOf<staff.Balance>().toEqualTypeOf<Out<typeof customers.Balance>>();
    expectTypeOf<staff.LedgerEntry>().toEqualTypeOf<Out<typeof customers.LedgerEntry>>();
    expectTypeOf<staff.SavedCard>().toEqualTypeOf<Out<typeof SavedCard>>();
    expectTypeOf<staff.StatementEntry>().toEqualTypeOf<Out<typeof StatementEntry>>();
  });

  it('invoices and estimates', () => {
    expectTypeOf<staff.Invoice>().toEqualTypeOf<Out<typeof Invoice>>();
    expectTypeOf<staff.DraftInvoiceChanges>().toExtend<In<typeof DraftInvoiceChanges>>();
    expectTypeOf<List<staff.InvoiceEvent>>().toEqualTypeOf<Out<typeof InvoiceEvents>>();
    expectTypeOf<staff.Estimate>().toEqualTypeOf<Out<typeof estimates.Estimate>>();
    expectTypeOf<staff.EstimateDecisionRecord>().toEqualTypeOf<
      Out<typeof estimates.EstimateDecision>
    >();
    expectTypeOf<staff.EstimateQuestion>().toEqualTypeOf<Out<typeof estimates.EstimateQuestion>>();
  });

  it('payment links and their activity', () => {
    expectTypeOf<staff.PaymentLink>().toEqualTypeOf<Out<typeof links.PaymentLinkSchema>>();
    expectTypeOf<staff.LinkEvent>().toEqualTypeOf<Out<typeof links.LinkEvent>>();
    expectTypeOf<staff.SentLinkEvent>().toEqualTypeOf<Out<typeof SentEvent>>();
    // The `sent` answer is one of the link's events, as the activity list shows it.
    expectTypeOf<staff.SentLinkEvent>().toExtend<staff.LinkEvent>();
  });

  it('payments and refunds', () => {
    expectTypeOf<staff.Payment>().toEqualTypeOf<Out<typeof payments.StaffPayment>>();
    expectTypeOf<staff.Refund>().toEqualTypeOf<Out<typeof payments.Refund>>();
  });

  it('settings', () => {
    expectTypeOf<staff.Settings>().toEqualTypeOf<Out<typeof Settings>>();
  });

  it('portal access', () => {
    expectTypeOf<staff.PortalAccess>().toEqualTypeOf<Out<typeof PortalAccessResult>>();
  });

  it('the outbox', () => {
    expectTypeOf<staff.Email>().toEqualTypeOf<Out<typeof outbox.Email>>();
    expectTypeOf<staff.EmailDetail>().toEqualTypeOf<Out<typeof outbox.EmailDetail>>();
    expectTypeOf<staff.TextMessage>().toEqualTypeOf<Out<typeof outbox.TextMessage>>();
    expectTypeOf<staff.TextMessageDetail>().toEqualTypeOf<Out<typeof outbox.TextMessageDetail>>();
  });

  it('consents to texts', () => {
    expectTypeOf<staff.SmsConsent>().toEqualTypeOf<Out<typeof SmsConsent>>();
  });

  it('webhook endpoints and events', () => {
    expectTypeOf<staff.WebhookEndpoint>().toEqualTypeOf<
      Out<typeof webhookEndpoints.WebhookEndpoint>
    >();
    expectTypeOf<staff.WebhookEndpointWithSecret>().toEqualTypeOf<
      Out<typeof webhookEndpoints.WebhookEndpointWithSecret>
    >();
    expectTypeOf<staff.NewWebhookEndpoint>().toEqualTypeOf<
      In<typeof webhookEndpoints.NewWebhookEndpoint>
    >();
    expectTypeOf<staff.WebhookEndpointChanges>().toEqualTypeOf<
      In<typeof webhookEndpoints.WebhookEndpointChanges>
    >();
    expectTypeOf<staff.WebhookEvent>().toEqualTypeOf<Out<typeof events.WebhookEvent>>();
    expectTypeOf<staff.WebhookEventDetail>().toEqualTypeOf<Out<typeof events.WebhookEventDetail>>();
    expectTypeOf<staff.WebhookDelivery>().toEqualTypeOf<Out<typeof events.WebhookDelivery>>();
    expectTypeOf<staff.ResendRequest>().toEqualTypeOf<In<typeof events.ResendRequest>>();
  });

  it('GET /widget/embed.json (no schema: its view)', () => {
    expectTypeOf<staff.Embed>().toEqualTypeOf<NonNullable<ReturnType<typeof embedView>>>();
  });
});

describe('both APIs', () => {
  it('answer errors in one shape', () => {
    expectTypeOf<ErrorAnswer>().toEqualTypeOf<Out<typeof ErrorSchema>>();
  });
});
