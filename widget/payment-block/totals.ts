/**
 * Subtotal, tip, the chosen method's fee and the total, recomputed on every change with
 * shared/quote.ts. The total is a polite live region; when the server's quote (the amount that
 * is charged) differs from the browser's figures, the server's figures are shown and said so.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CheckoutController } from '../checkout/checkout.controller.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { FeeChange } from '../provider-form/provider-form.ts';

/** `change`: a payment's figures after its card changed the fee, shown instead. */
export function renderTotals(
  l: Localizer,
  checkout: CheckoutController,
  change: FeeChange | null = null,
): TemplateResult {
  const { t } = l;
  const local = checkout.localQuote;
  const server = checkout.currentServerQuote;
  const shown = change ?? server ?? local;
  const differs = !change && server !== null && server.total !== local.total;
  const method = checkout.method;
  const line = (label: string, amount: number, cls = '') =>
    html`<div class="total-line ${cls}"><dt>${label}</dt><dd class="amount">${l.money(amount)}</dd></div>`;
  return html`
    <div class="totals" part="totals">
      <dl>
        ${line(checkout.deposit ? t.depositLine : t.subtotal, shown.subtotal)} ${shown.tip ? line(t.tip, shown.tip) : nothing}
        ${shown.fee && method ? line(t.fee(t[method]), shown.fee) : nothing}
      </dl>
      <dl aria-live="polite" aria-atomic="true" class="grand">${line(t.total, shown.total)}</dl>
      ${
        differs && server
          ? html`<p class="server-note" role="status">${t.serverTotal(l.money(server.total), l.money(local.total))}</p>`
          : nothing
      }
      ${checkout.quoteFailed ? html`<p class="error" role="status">${t.quoteFailed}</p>` : nothing}
    </div>
  `;
}
