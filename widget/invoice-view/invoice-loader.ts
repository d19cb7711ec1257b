/**
 * Loads `<pay-portal-invoice>` (widget/pay-portal-invoice/) the first time an invoice is shown as
 * a document: a part of its own beside the entry script (widget/lazy/lazy.ts), so a page that
 * only pays never loads it. The part borrows the entry's Lit.
 */
import { loadInvoiceView } from '../lazy/lazy.ts';
import { PartLoader, type PartState } from '../lazy/part-loader.ts';

export type InvoiceViewState = PartState;

export class InvoiceViewLoader extends PartLoader {
  constructor(changed: () => void) {
    super('pay-portal-invoice', loadInvoiceView, changed);
  }
}
