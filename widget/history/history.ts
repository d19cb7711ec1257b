/** Past payments: date, amount, method, status, and each receipt's PDF. */
import { html, type TemplateResult } from 'lit';
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
      return html`<li class="payment-row">
        <span class="payment-main">
          <span class="payment-amount amount">${l.money(payment.amount)}</span>
          <span class="muted">${date} · <span class="nowrap">${methodName(l, payment)}</span></span>
        </span>
        <span class="status" data-status=${payment.status}>${t.status[payment.status] ?? payment.status}</span>
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
      </li>`;
    })}
  </ul>`;
}
