/**
 * Estimates on the link, summarised: number, total, valid-until date, deposit. Approving and
 * declining belong to the estimates issue; this shows the customer that an estimate waits.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Portal } from '../api/types.ts';
import type { Localizer } from '../i18n/localize.ts';

export function renderEstimates(
  l: Localizer,
  portal: Portal,
  /** On an estimate link the estimate is the page: it takes the balance's place and heading. */
  main = false,
): TemplateResult | typeof nothing {
  const { t } = l;
  if (portal.estimates.length === 0) return nothing;
  return html`
    <section class="section" part="estimates">
      ${
        main
          ? html`<p class="greeting">${t.greeting(portal.customer.name)}</p>
              <h2 class="section-title" tabindex="-1" data-focus>${t.estimateTitle}</h2>`
          : html`<h3 class="section-title">${t.estimatesTitle}</h3>`
      }
      <ul class="rows">
        ${portal.estimates.map(
          (estimate) => html`<li class="row">
            <div class="row-head">
              <span class="row-title">${t.estimate(estimate.number)}</span>
              <span class="amount row-amount">${l.money(estimate.total)}</span>
            </div>
            <div class="row-meta">
              <span class="muted"
                >${estimate.expired ? t.expired : t.validUntil(l.date(estimate.valid_until))}${
                  estimate.deposit_amount ? ` · ${t.deposit(l.money(estimate.deposit_amount))}` : ''
                }</span
              >
            </div>
          </li>`,
        )}
      </ul>
    </section>
  `;
}
