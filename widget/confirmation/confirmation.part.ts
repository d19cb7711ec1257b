/**
 * A payment's confirmation as a lazy part (widget/pay-portal/lazy-views.ts), loaded once the
 * payment block has come (so it is here when a payment succeeds) or when a payment is shown.
 */
import { enLater } from '../i18n/en-later.ts';
import { confirmationStyles } from './confirmation.styles.ts';

export { renderConfirmation } from './confirmation.ts';
export const styles = [confirmationStyles];
export const messages = enLater;
