/**
 * Registers `<pay-portal-invoice>`, kept out of the class file so the class has no side effects.
 * The portal shell loads this (a lazy part) when an invoice is to be shown as a document.
 */
import type { InvoiceQuestionDetail } from './pay-portal-invoice.ts';
import { PayPortalInvoice } from './pay-portal-invoice.ts';

if (!customElements.get('pay-portal-invoice')) {
  customElements.define('pay-portal-invoice', PayPortalInvoice);
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-portal-invoice': PayPortalInvoice;
  }
  interface GlobalEventHandlersEventMap {
    'pay-portal-invoice-question': CustomEvent<InvoiceQuestionDetail>;
  }
}
