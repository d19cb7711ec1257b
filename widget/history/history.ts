/**
 * Past payments: date, amount, method, status ("Refunded", "Partly refunded" once money went
 * back), each refund's amount and date as the bank will show it, and each receipt's PDF.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PortalPayment } from '../../shared/api/portal.ts';
import { methodName } from '../confirmation/confirmation.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { HistoryController } from './history.controller.ts';

export function renderHistory(
  l: Localizer,
  history: HistoryController,
  receiptUrl: (payment: PortalPayment) => string,
  back: () => void,
): TemplateResult {
  const { t } = l;
  return html`
    <section class="section history" part="history">
      <button class="link-button back" type="button" @click=${back}>← ${t.backToAccount}</button>
      <h2 tabindex="-1" data-focus>${t.historyTitle}</h2>
      ${body(l, history, receiptUrl)}
    </section>
  `;
}

function body(
  l: Localizer,
  history: HistoryController,
  receiptUrl: (payment: PortalPayment) => string,
) {
  const { t } = l;
  if (history.state === 'loading' || history.state === 'idle') {
    return html`<p class="muted" role="status">${t.historyLoading}</p>`;
  }
  if (history.state === 'failed') {
    return html`<p class="error" role="alert">${t.historyFailed}</p>
      <button class="button" type="button" @click=${history.load}>${t.retry}</button>`;
  }
  if (history.payments.length === 0) return html`<p class="muted">${t.historyEmpty}</p>`;
  return html`<ul class="payments">
    ${history.payments.map((payment) => {
      const date = l.date(payment.created);
      const refunded = payment.amount_refunded ?? 0;
      const status =
        refunded <= 0
          ? (t.status[payment.status] ?? payment.status)
          : refunded >= payment.amount
            ? t.refunded
            : t.partlyRefunded;
      return html`<li class="payment-row">
        <span class="payment-main">
          <span class="payment-amount amount">${l.money(payment.amount)}</span>
          <span class="muted">${date} · <span class="nowrap">${methodName(l, payment)}</span></span>
        </span>
        <span class="status" data-status=${refunded > 0 ? 'refunded' : payment.status}>${status}</span>
        ${
          payment.status === 'succeeded'
            ? html`<a
                href=${receiptUrl(payment)}
                target="_blank"
                rel="noopener"
                aria-label=${t.receiptLabel(date)}
                >${t.receipt}</a
              >`
            : html`<span></span>`
        }
        ${
          (payment.refunds ?? []).length > 0
            ? html`<ul class="refunds">
                ${payment.refunds.map(
                  (refund) =>
                    html`<li>${t.refundLine(l.money(refund.amount), l.date(refund.created))}</li>`,
                )}
              </ul>`
            : nothing
        }
      </li>`;
    })}
  </ul>`;
}
