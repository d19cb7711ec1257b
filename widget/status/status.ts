/**
 * What the customer sees before or instead of their account: the loading skeleton, a dead link,
 * and a failure to reach the server with a retry. The skeleton draws the header, balance and
 * footer blocks at their real sizes (same classes), so nothing moves when the data arrives.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PortalBusiness } from '../../shared/api/portal.ts';
import { renderContact } from '../business-header/business-header.ts';
import type { Localizer } from '../i18n/localize.ts';

export function renderSkeleton(l: Localizer): TemplateResult {
  return html`
    <div class="skeleton" part="skeleton" role="status" aria-busy="true">
      <span class="visually-hidden">${l.t.loading}</span>
      <div class="section header" aria-hidden="true">
        <span class="logo bone"></span>
        <span class="bone line w45"></span>
      </div>
      <div class="section balance" aria-hidden="true">
        <span class="bone line greeting-bone w30"></span>
        <div class="balance-body">
          <span class="bone line w35"></span>
          <span class="bone amount-bone w55"></span>
        </div>
      </div>
      <div class="section footer" aria-hidden="true">
        <span class="bone line w40"></span>
      </div>
    </div>
  `;
}

export function renderDeadLink(l: Localizer, business: PortalBusiness | null): TemplateResult {
  const { t } = l;
  return html`
    <div class="section notice" part="notice" role="alert">
      <div class="notice-icon" aria-hidden="true"></div>
      <h2 tabindex="-1" data-focus>${t.deadTitle}</h2>
      <p>${t.deadBody}</p>
      ${
        business
          ? html`<p>${t.deadAskBusiness(business.name)}</p>
              ${renderContact(l, business)}`
          : html`<p>${t.deadAskUnknown}</p>`
      }
    </div>
  `;
}

/**
 * The account could not be shown: too many attempts, a page the business has not allowed to
 * show payments (`origin_not_allowed`: trying again will not help, so no button), or else the
 * connection.
 */
export function renderFailed(l: Localizer, code: string, onRetry: () => void): TemplateResult {
  const { t } = l;
  const busy = code === 'rate_limited';
  const origin = code === 'origin_not_allowed';
  return html`
    <div class="section notice" part="notice" role="alert">
      <div class="notice-icon" aria-hidden="true"></div>
      <h2 tabindex="-1" data-focus>${origin ? t.originTitle : busy ? t.busyTitle : t.failedTitle}</h2>
      <p>${origin ? t.originBody : busy ? t.busyBody : t.failedBody}</p>
      ${
        origin
          ? nothing
          : html`<button class="button" part="retry-button" type="button" @click=${onRetry}>
              ${t.retry}
            </button>`
      }
    </div>
  `;
}
