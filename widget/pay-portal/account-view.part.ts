/**
 * The account's views as a lazy part (widget/pay-portal/view-parts.ts): the account's template
 * (account-view.ts: balance, recent charges, invoices, tip, payment block, estimates, statement),
 * with its styles and English words. The element loads it while it loads the account (in parallel, so the
 * account draws when both have come; the hosted page preloads it), and keeps what these views
 * do (the checkout, the provider's form's loader) but for the pay button's actions
 * (PaymentActions, made once this part has come); its entry draws the loading skeleton and the
 * dead-link and connection notices alone.
 */
import { invoicePickerStyles } from '../invoice-picker/invoice-picker.styles.ts';
import { paymentBlockStyles } from '../payment-block/payment-block.styles.ts';
import { recentChargesStyles } from '../recent-charges/recent-charges.styles.ts';
import { statementStyles } from '../statement/statement.styles.ts';
import { chipStyles } from '../tip-selector/tip-selector.styles.ts';
import { accountViewStyles } from './account-view.styles.ts';

export { enLater as messages } from '../i18n/en-later.ts';
export { renderOpenedInvoice } from '../invoice-view/invoice-view.ts';
export { PaymentActions } from '../payment-block/payment-actions.ts';
export { renderAccount } from './account-view.ts';
export const styles = [
  recentChargesStyles,
  invoicePickerStyles,
  chipStyles,
  paymentBlockStyles,
  statementStyles,
  accountViewStyles,
];
