/**
 * The element's own views loaded later: the account's (with the account: balance, invoices,
 * tip, payment block), the payment history (when opened) and a payment's confirmation. Like
 * widget/lazy/lazy.ts (the forms and the elements below this layer), the build replaces this with
 * imports of the content-hashed files beside the script (widget/build/lazy-parts.ts); elsewhere
 * these are plain dynamic imports.
 */
export const loadAccountView = () => import('./account-view.part.ts');
export const loadHistoryView = () => import('../history/history.part.ts');
export const loadConfirmationView = () => import('../confirmation/confirmation.part.ts');
