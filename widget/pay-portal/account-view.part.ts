/**
 * The account's views as a lazy part (widget/pay-portal/view-parts.ts): the account's template
 * (account-view.ts: balance, recent charges, invoices, tip, payment block, estimates, statement)
 * with its styles and English words, and the controllers only it uses (the customer's choices,
 * what Pay does with the loader of the provider's form, the recent charges, the estimates and
 * the invoice document with the loaders of their elements: AccountParts, account-parts.ts),
 * which the element makes once this part has come. The element loads it while it loads the
 * account (in parallel: the account draws when both have come; the hosted page preloads it); its
 * entry draws the loading skeleton, the notices and the header alone. So this part, not the
 * entry, imports the payment forms and the estimate and invoice views (widget/lazy/lazy.ts).
 */
import { invoicePickerStyles } from '../invoice-picker/invoice-picker.styles.ts';
import { paymentBlockStyles } from '../payment-block/payment-block.styles.ts';
import { recentChargesStyles } from '../recent-charges/recent-charges.styles.ts';
import { statementStyles } from '../statement/statement.styles.ts';
import { chipStyles } from '../tip-selector/tip-selector.styles.ts';
import { accountViewStyles } from './account-view.styles.ts';

export { enLater as messages } from '../i18n/en-later.ts';
export { renderOpenedInvoice } from '../invoice-view/invoice-view.ts';
export { AccountParts } from './account-parts.ts';
export { renderAccount } from './account-view.ts';
export const styles = [
  recentChargesStyles,
  invoicePickerStyles,
  chipStyles,
  paymentBlockStyles,
  statementStyles,
  accountViewStyles,
];
