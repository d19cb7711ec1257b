/** "View recent charges": an expander over the last 20 line items (description, date, amount, tax). */
import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../i18n/localize.ts';
import type { RecentChargesController } from './recent-charges.controller.ts';

export function renderRecentCharges(
  l: Localizer,
  charges: RecentChargesController,
): TemplateResult {
  const { t } = l;
  return html`
    <div class="charges" part="recent-charges">
      <button
        class="link-button expander"
        aria-expanded=${charges.open ? 'true' : 'false'}
        aria-controls="recent-charges"
        @click=${charges.toggle}
      >
        ${charges.open ? t.hideCharges : t.showCharges}
      </button>
      <div id="recent-charges" ?hidden=${!charges.open}>${charges.open ? body(l, charges) : nothing}</div>
    </div>
  `;
}

function body(l: Localizer, charges: RecentChargesController): TemplateResult {
  const { t } = l;
  if (charges.state === 'loading' || charges.state === 'idle') {
    return html`<p class="muted" role="status">${t.chargesLoading}</p>`;
  }
  if (charges.state === 'failed') {
    return html`<p class="error" role="alert">${t.chargesFailed}</p>
      <button class="button" @click=${charges.retry}>${t.retry}</button>`;
  }
  if (charges.charges.length === 0) return html`<p class="muted">${t.chargesEmpty}</p>`;
  return html`
    <ul class="charge-list">
      ${charges.charges.map(
        (charge) => html`
          <li class="charge">
            <span class="charge-description">${charge.description}</span>
            <span class="amount">${l.money(charge.amount)}</span>
            <span class="muted">${l.date(charge.date)}</span>
            <span class="muted amount">${charge.tax ? t.tax(l.money(charge.tax)) : ''}</span>
          </li>
        `,
      )}
    </ul>
  `;
}
