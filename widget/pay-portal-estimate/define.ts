/**
 * Registers `<pay-portal-estimate>`, kept out of the class file so the class has no side effects.
 * The portal shell imports this once and renders one element per estimate.
 */

import type { DepositDetail, EstimateDecidedDetail, EstimateQuestionDetail } from './events.ts';
import { PayPortalEstimate } from './pay-portal-estimate.ts';

if (!customElements.get('pay-portal-estimate')) {
  customElements.define('pay-portal-estimate', PayPortalEstimate);
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-portal-estimate': PayPortalEstimate;
  }
  interface GlobalEventHandlersEventMap {
    'pay-portal-deposit': CustomEvent<DepositDetail>;
    'pay-portal-estimate-decided': CustomEvent<EstimateDecidedDetail>;
    'pay-portal-estimate-question': CustomEvent<EstimateQuestionDetail>;
  }
}
