/**
 * After a payment: receipt number, amount, method, date, the receipt PDF, and, after a partial
 * payment, what is still owed with a way to pay again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PortalPayment } from '../../shared/api/portal.ts';
import type { Localizer } from '../i18n/localize.ts';

export interface ConfirmationProps {
  payment: PortalPayment;
  customerName: string;
  receiptUrl: string;
  /** What the customer still owes, from the reloaded portal; 0 when nothing. */
  remaining: number;
  payAgain: () => void;
  back: () => void;
}

/** "Visa •••• 4242", "Bank account •••• 6789", or the method's name when no number is known. */
export function methodName(l: Localizer, payment: PortalPayment): string {
  const { card, method } = payment;
  const name = l.t[method] ?? method;
  if (!card?.last4) return name;
  return l.t.cardName(method === 'card' && card.brand ? l.brand(card.brand) : name, card.last4);
}

/** The browser's print dialog; the print stylesheet leaves the header and the receipt. */
const printReceipt = () => window.print();

export function renderConfirmation(l: Localizer, props: ConfirmationProps): TemplateResult {
  const { t } = l;
  const { payment } = props;
  const rows: [string, string][] = [
    [t.receiptNumber, payment.receipt_number ?? payment.id],
    [t.amount, l.money(payment.amount)],
    [t.method, methodName(l, payment)],
    [t.date, l.date(payment.succeeded_at ?? payment.created)],
  ];
  // A bank debit can stay `processing` for days: no receipt yet, and no "received".
  const paid = payment.status === 'succeeded';
  return html`
    <section class="section confirmation" part="confirmation">
      <div class="success-icon" aria-hidden="true">${paid ? '✓' : '…'}</div>
      <h2 tabindex="-1" data-focus>${paid ? t.paidTitle : t.processingTitle}</h2>
      <p>${paid ? t.paidThanks(props.customerName) : t.processingBody}</p>
      <dl class="receipt">
        ${rows
          .filter(([, value]) => value)
          .map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
      </dl>
      ${
        paid
          ? html`<div class="receipt-actions">
              <button class="button" type="button" part="print-receipt" @click=${printReceipt}>
                ${t.printReceipt}
              </button>
              <a class="button" part="receipt-link" href=${props.receiptUrl} target="_blank" rel="noopener"
                >${t.downloadReceipt}</a
              >
            </div>`
          : nothing
      }
      ${
        props.remaining > 0
          ? html`<p class="remaining">${t.remaining(l.money(props.remaining))}</p>
              <button class="button primary" type="button" @click=${props.payAgain}>${t.payAgain}</button>`
          : nothing
      }
      <button class="link-button" type="button" @click=${props.back}>${t.backToAccount}</button>
    </section>
  `;
}
