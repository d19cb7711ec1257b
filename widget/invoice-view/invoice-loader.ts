/**
 * Loads `<pay-portal-invoice>` (widget/pay-portal-invoice/) the first time an invoice is shown as
 * a document: a part of its own beside the entry script (widget/lazy/lazy.ts), so a page that
 * only pays never loads it. The part borrows the entry's Lit.
 */
import { loadInvoiceView } from '../lazy/lazy.ts';
import { lendLit } from '../lazy/lend-lit.ts';

export type InvoiceViewState = 'idle' | 'loading' | 'ready' | 'failed';

export class InvoiceViewLoader {
  state: InvoiceViewState = customElements.get('pay-portal-invoice') ? 'ready' : 'idle';

  constructor(private readonly changed: () => void) {}

  /** Loads the invoice view once (again after a failed load). */
  async open(): Promise<void> {
    if (this.state === 'ready' || this.state === 'loading') return;
    this.state = 'loading';
    this.changed();
    try {
      lendLit();
      await loadInvoiceView();
      this.state = 'ready';
    } catch {
      this.state = 'failed';
    }
    this.changed();
  }
}
