/**
 * After a payment: receipt number, amount, method, date, the receipt PDF, and, after a partial
 * payment, what is still owed with a way to pay again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PortalPayment } from '../api/types.ts';
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

/** "Visa •••• 4242", or the method's name when no card is known. */
export function methodName(l: Localizer, payment: PortalPayment): string {
  const { card } = payment;
  if (card?.last4) return l.t.cardName(card.brand ? l.brand(card.brand) : l.t.card, card.last4);
  return l.t[payment.method] ?? payment.method;
}

export function renderConfirmation(l: Localizer, props: ConfirmationProps): TemplateResult {
  const { t } = l;
  const { payment } = props;
  const rows: [string, string][] = [
    [t.receiptNumber, payment.receipt_number ?? payment.id],
    [t.amount, l.money(payment.amount)],
    [t.method, methodName(l, payment)],
    [t.date, l.date(payment.succeeded_at ?? payment.created)],
  ];
  return html`
    <section class="section confirmation" part="confirmation">
      <div class="success-icon" aria-hidden="true">✓</div>
      <h2 tabindex="-1" data-focus>${t.paidTitle}</h2>
      <p>${t.paidThanks(props.customerName)}</p>
      <dl class="receipt">
        ${rows
          .filter(([, value]) => value)
          .map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
      </dl>
      <a class="button" part="receipt-link" href=${props.receiptUrl} target="_blank" rel="noopener"
        >${t.downloadReceipt}</a
      >
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
