/**
 * Loads `<pay-portal-estimate>` (widget/pay-portal-estimate/) the first time a link has estimates
 * to show: a part of its own beside the entry script (widget/lazy/lazy.ts), with signature_pad
 * behind it, so a page that only pays invoices never loads either. The part borrows the entry's
 * Lit.
 */
import { loadEstimateView } from '../lazy/lazy.ts';
import { PartLoader, type PartState } from '../lazy/part-loader.ts';

export type EstimateViewState = PartState;

export class EstimateViewLoader extends PartLoader {
  constructor(changed: () => void) {
    super('pay-portal-estimate', loadEstimateView, changed);
  }
}
