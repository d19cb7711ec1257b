/**
 * The estimates on the link, each a `<pay-portal-estimate>` (loaded on first need, see
 * estimate-loader.ts): on an estimate link its one estimate is the page, under the greeting; on
 * a customer link they follow the invoices. While the view loads, a line says so; if it cannot
 * load, "Try again".
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Portal, PortalEstimate } from '../../shared/api/portal.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { DepositDetail, EstimateDecidedDetail } from '../pay-portal-estimate/events.ts';
import type { EstimateViewLoader } from './estimate-loader.ts';

export interface EstimatesContext {
  estimates: PortalEstimate[];
  loader: EstimateViewLoader;
  apiBase: string;
  token: string;
  /** On an estimate link the estimate is the page: it takes the balance's place and heading. */
  main: boolean;
  /** The estimate whose deposit the payment block is taking, if any. */
  paying: string | null;
  /** `pay-portal-deposit` from an estimate. */
  onDeposit: (event: CustomEvent<DepositDetail>) => void;
  /** `pay-portal-estimate-decided` from an estimate. */
  onDecided: (event: CustomEvent<EstimateDecidedDetail>) => void;
}

export function renderEstimates(
  l: Localizer,
  portal: Portal,
  { estimates, loader, apiBase, token, main, paying, onDeposit, onDecided }: EstimatesContext,
): TemplateResult | typeof nothing {
  const { t } = l;
  if (estimates.length === 0) return nothing;
  return html`
    <section
      class="section estimates"
      part="estimates"
      aria-labelledby="estimates-title"
      @pay-portal-deposit=${onDeposit}
      @pay-portal-estimate-decided=${onDecided}
    >
      ${
        main
          ? html`<p class="greeting">${t.greeting(portal.customer.name)}</p>
              <h2 id="estimates-title" class="section-title" tabindex="-1" data-focus>
                ${t.estimateTitle}
              </h2>`
          : html`<h3 id="estimates-title" class="section-title" tabindex="-1">
              ${t.estimatesTitle}
            </h3>`
      }
      ${
        loader.state === 'ready'
          ? estimates.map(
              (estimate) => html`<pay-portal-estimate
                .estimate=${estimate}
                api-base=${apiBase}
                token=${token}
                locale=${l.locale}
                currency=${portal.currency}
                business-name=${portal.business.name}
                heading-level=${main ? 3 : 4}
                ?deposit-open=${paying === estimate.id}
              ></pay-portal-estimate>`,
            )
          : loader.state === 'failed'
            ? html`<div class="form-status" role="alert">
                <p>${t.estimateFailed}</p>
                <button class="button" type="button" @click=${() => void loader.open()}>
                  ${t.retry}
                </button>
              </div>`
            : html`<p class="form-status muted">${t.estimateLoading}</p>`
      }
    </section>
  `;
}

/**
 * The estimates to show after one was decided and the account was read again: those on screen
 * stay, in their places, with the server's news (a customer link stops listing an estimate once
 * it is declined, or approved with nothing to pay; the customer still sees what they decided
 * until the page is loaded again); any new one follows.
 */
export function keepShown(
  shown: PortalEstimate[],
  fresh: PortalEstimate[],
  decided: { estimate: string; status: 'approved' | 'declined' },
): PortalEstimate[] {
  const byId = new Map(fresh.map((estimate) => [estimate.id, estimate]));
  const kept = shown.map(
    (estimate) =>
      byId.get(estimate.id) ??
      (estimate.id === decided.estimate ? { ...estimate, status: decided.status } : estimate),
  );
  return [...kept, ...fresh.filter((estimate) => !shown.some((s) => s.id === estimate.id))];
}
