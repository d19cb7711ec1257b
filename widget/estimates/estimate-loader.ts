/**
 * Loads `<pay-portal-estimate>` (widget/pay-portal-estimate/) the first time a link has estimates
 * to show: a part of its own beside the entry script (widget/lazy/lazy.ts), with signature_pad
 * behind it, so a page that only pays invoices never loads either. The part borrows the entry's
 * Lit.
 */
import { loadEstimateView } from '../lazy/lazy.ts';
import { lendLit } from '../lazy/lend-lit.ts';

export type EstimateViewState = 'idle' | 'loading' | 'ready' | 'failed';

export class EstimateViewLoader {
  state: EstimateViewState = customElements.get('pay-portal-estimate') ? 'ready' : 'idle';

  constructor(private readonly changed: () => void) {}

  /** Loads the estimate view once (again after a failed load). */
  async open(): Promise<void> {
    if (this.state === 'ready' || this.state === 'loading') return;
    this.state = 'loading';
    this.changed();
    try {
      lendLit();
      await loadEstimateView();
      this.state = 'ready';
    } catch {
      this.state = 'failed';
    }
    this.changed();
  }
}
