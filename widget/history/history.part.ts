/**
 * The payment history's view as a lazy part (widget/pay-portal/lazy-views.ts), loaded when the
 * customer opens it; the controller that loads the payments stays in the element.
 */
import { enLater } from '../i18n/en-later.ts';
import { historyStyles } from './history.styles.ts';

export { renderHistory } from './history.ts';
export const styles = [historyStyles];
export const messages = enLater;
