/** The Hono app: every route, with its database, config and logger. No listening socket here. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { compressAnswers } from './http/compression.ts';
import type { AppEnv } from './http/env.ts';
import { ApiError, respondWithError } from './http/errors.ts';
import { requestLogger } from './http/logger.ts';
import { openApiHooks } from './http/openapi.ts';
import { portalGuard } from './links/access.ts';
import { accessPageRoutes } from './pages/access-page.ts';
import { apiDocsRoutes, loadApiReferenceBundle } from './pages/api-docs.ts';
import { demoRoutes, loadDemoFiles } from './pages/demo-pages.ts';
import { frameScriptRoutes } from './pages/frame-scripts.ts';
import { type DemoLink, homePageRoutes } from './pages/home-page.ts';
import { hostedPageRoutes } from './pages/hosted-page.ts';
import { staffPreviewRoutes } from './pages/staff-preview.ts';
import { loadWidgetFiles, widgetRoutes } from './pages/widget-files.ts';
import { portalCors } from './portal/cors.ts';
import { accessRoutes } from './routes/access.ts';
import { logoRoutes } from './routes/logos.ts';
import { paypalWebhookRoutes } from './routes/paypal-webhooks.ts';
import { portalDocumentRoutes } from './routes/portal/documents.ts';
import { portalEstimateDocumentRoutes } from './routes/portal/estimate-documents.ts';
import { portalEstimateRoutes } from './routes/portal/estimates.ts';
import { portalInvoiceRoutes } from './routes/portal/invoices.ts';
import { portalPaymentStepRoutes } from './routes/portal/payment-steps.ts';
import { portalPaymentRoutes } from './routes/portal/payments.ts';
import { portalRoutes } from './routes/portal/portal.ts';
import { squareWebhookRoutes } from './routes/square-webhooks.ts';
import { staffAuth } from './routes/staff/auth.ts';
import { customerAccessRoutes } from './routes/staff/customer-access.ts';
import { customerEntryRoutes } from './routes/staff/customer-entries.ts';
import { customerPaymentMethodRoutes } from './routes/staff/customer-payment-methods.ts';
import { customerRoutes } from './routes/staff/customers.ts';
import { documentPdfRoutes } from './routes/staff/document-pdfs.ts';
import { estimateRoutes } from './routes/staff/estimates.ts';
import { eventRoutes } from './routes/staff/events.ts';
import { invoiceDraftRoutes } from './routes/staff/invoice-drafts.ts';
import { invoiceRoutes } from './routes/staff/invoices.ts';
import { outboxRoutes } from './routes/staff/outbox.ts';
import { paymentLinkSendRoutes } from './routes/staff/payment-link-send.ts';
import { paymentLinkRoutes } from './routes/staff/payment-links.ts';
import { paymentReceiptRoutes } from './routes/staff/payment-receipts.ts';
import { paymentRoutes } from './routes/staff/payments.ts';
import { settingsRoutes } from './routes/staff/settings.ts';
import { settingsLogoRoutes } from './routes/staff/settings-logo.ts';
import { smsConsentRoutes } from './routes/staff/sms-consents.ts';
import { registerWebhookCatalog } from './routes/staff/webhook-catalog.ts';
import { webhookEndpointRoutes } from './routes/staff/webhook-endpoints.ts';
import { twilioWebhookRoutes } from './routes/twilio-webhooks.ts';
import { webhookRoutes } from './routes/webhooks.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** Where the built element and demo page are (default dist/widget, dist/demo). */
  widgetDir?: string;
  demoDir?: string;
  /** The demo business's portal links for the home page (demo mode); known after seeding. */
  demoLinks?: () => readonly DemoLink[];
  /** The API reference renderer's bundle file (default dist/docs, then node_modules/redoc). */
  apiReferenceBundle?: string;
}

export function createApp({
  db,
  config,
  logger,
  widgetDir,
  demoDir,
  demoLinks = () => [],
  apiReferenceBundle,
}: AppDeps) {
  const app = new OpenAPIHono<AppEnv>(openApiHooks);
  app.use('*', (c, next) => {
    c.set('db', db);
    c.set('config', config);
    c.set('logger', logger);
    return next();
  });
  app.use('*', requestLogger());
  // JSON and HTML of 1 KB or more, compressed as they leave (issue 13); the element's files come
  // compressed from the build (pages/widget-files.ts).
  app.use('*', compressAnswers());
  app.onError(respondWithError);
  app.notFound((c) =>
    c.json(
      new ApiError(404, 'invalid_request_error', 'route_missing', 'No such route.').toJSON(),
      404,
    ),
  );

  app.get('/health', (c) => c.json({ ok: true }));
  // What this server is and where to go next; the API reference (issue 15).
  app.route('/', homePageRoutes(demoLinks));
  app.route(
    '/docs',
    apiDocsRoutes(() => loadApiReferenceBundle(apiReferenceBundle)),
  );

  app.use('/v1/customers/*', staffAuth());
  app.route('/v1/customers', customerAccessRoutes);
  app.route('/v1/customers', customerRoutes);
  app.route('/v1/customers', smsConsentRoutes);
  app.route('/v1/customers', customerPaymentMethodRoutes);
  app.route('/v1/customers', customerEntryRoutes);
  app.use('/v1/invoices/*', staffAuth());
  app.route('/v1/invoices', invoiceRoutes);
  app.route('/v1/invoices', invoiceDraftRoutes);
  app.use('/v1/estimates/*', staffAuth());
  app.route('/v1/estimates', estimateRoutes);
  // Staff PDFs of invoices and estimates, behind the staffAuth of /v1/invoices and /v1/estimates.
  app.route('/v1', documentPdfRoutes);
  // '/v1/settings/*' also matches '/v1/settings' itself in Hono (test/api/settings.test.ts checks).
  app.use('/v1/settings/*', staffAuth());
  app.route('/v1/settings', settingsRoutes);
  app.route('/v1/settings', settingsLogoRoutes);
  // Uploaded logos, public: their names are the hashes of their bytes (issue 15).
  app.route('/logos', logoRoutes);

  app.use('/v1/payment_links/*', staffAuth());
  app.route('/v1/payment_links', paymentLinkRoutes);
  app.route('/v1/payment_links', paymentLinkSendRoutes);
  // Every portal request is counted per client address before anything else happens, CORS's
  // token lookup included; its 429 is readable from any origin (server/links/access.ts).
  app.use('/v1/portal/*', portalGuard());
  app.use('/v1/portal/*', portalCors());
  app.route('/v1/portal', portalRoutes);
  app.route('/v1/portal', portalEstimateRoutes);
  app.route('/v1/portal', portalEstimateDocumentRoutes);
  app.route('/v1/portal', portalInvoiceRoutes);
  app.route('/v1/portal', portalPaymentRoutes);
  app.route('/v1/portal', portalPaymentStepRoutes);
  app.route('/v1/portal', portalDocumentRoutes);
  app.use('/v1/payments/*', staffAuth());
  app.route('/v1/payments', paymentRoutes);
  app.route('/v1/payments', paymentReceiptRoutes);
  app.use('/v1/outbox/*', staffAuth());
  app.route('/v1/outbox', outboxRoutes);
  // The public "Pay your bill" form: no key, the business by its slug (issue 12).
  app.route('/v1/access', accessRoutes);
  // Webhooks out (issue 14): the endpoints, and the events sent to them.
  app.use('/v1/webhook_endpoints/*', staffAuth());
  app.route('/v1/webhook_endpoints', webhookEndpointRoutes);
  app.use('/v1/events/*', staffAuth());
  app.route('/v1/events', eventRoutes);
  // Stripe's events: no key, no portal guard; the signature is the credential.
  app.route('/webhooks', webhookRoutes);
  // Twilio's inbound texts and status callbacks: the X-Twilio-Signature is the credential.
  app.route('/webhooks', twilioWebhookRoutes);
  // Square's payment and refund events: the x-square-hmacsha256-signature is the credential.
  app.route('/webhooks', squareWebhookRoutes);
  app.route('/webhooks', paypalWebhookRoutes);

  // Pages and files: the element, the hosted portal, its staff preview, the demo (issue 5).
  const widget = loadWidgetFiles(widgetDir);
  // The hosted page's height, posted to the page that frames it, and the script that listens.
  app.route('/widget', frameScriptRoutes());
  app.route('/widget', widgetRoutes(widget));
  app.route('/p', hostedPageRoutes(widget));
  app.route('/b', accessPageRoutes(widget));
  app.route('/preview', staffPreviewRoutes(app));
  if (config.demo) {
    app.get('/demo/', (c) => c.redirect('/demo'));
    app.route('/demo', demoRoutes(widget, loadDemoFiles(demoDir)));
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: "The business's secret API key.",
  });
  registerWebhookCatalog(app.openAPIRegistry);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pay Portal API',
      version: '1.0.0',
      description:
        'Staff API (Bearer secret key) and portal API (the link token is the credential).',
    },
    servers: [{ url: config.publicUrl }],
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
