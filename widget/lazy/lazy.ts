/**
 * The parts loaded later: the payment forms, when the payment block first shows, the estimate
 * view, when a link has estimates to show, the invoice view, when an invoice is shown, and the
 * Spanish messages, when the page is in Spanish. The forms and the two views are loaded from the
 * account's view (itself a lazy part, widget/pay-portal/account-parts.ts), Spanish and the "Pay
 * your bill" form from the entry. In the entry, the element's own build replaces this file with
 * imports of content-hashed files beside the script (widget/build/lazy-parts.ts, one line per
 * LAZY_PARTS entry); in the parts' own build, and elsewhere (the browser tests, an app bundling
 * widget/index.ts), these are plain dynamic imports, which the parts' build points at the
 * sibling part files.
 */
export const loadSandboxForm = () => import('../sandbox-form/sandbox-form.ts');
export const loadStripeForm = () => import('../stripe-form/stripe-form.ts');
export const loadSquareForm = () => import('../square-form/square-form.ts');
export const loadPaypalForm = () => import('../paypal-form/paypal-form.ts');
export const loadEstimateView = () => import('../pay-portal-estimate/define.ts');
export const loadInvoiceView = () => import('../pay-portal-invoice/define.ts');
export const loadMessagesEs = () => import('../i18n/es.ts');
export const loadAccessForm = () => import('../pay-portal-access/access-controller.ts');
