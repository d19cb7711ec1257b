/**
 * What the customer sees before or instead of their account: the loading skeleton, a dead link,
 * and a failure to reach the server with a retry. The skeleton draws the header, balance and
 * footer blocks at their real sizes (same classes), so nothing moves when the data arrives.
 */
import { html, type TemplateResult } from 'lit';
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

export function renderFailed(l: Localizer, code: string, onRetry: () => void): TemplateResult {
  const { t } = l;
  const busy = code === 'rate_limited';
  return html`
    <div class="section notice" part="notice" role="alert">
      <div class="notice-icon" aria-hidden="true"></div>
      <h2 tabindex="-1" data-focus>${busy ? t.busyTitle : t.failedTitle}</h2>
      <p>${busy ? t.busyBody : t.failedBody}</p>
      <button class="button" part="retry-button" type="button" @click=${onRetry}>${t.retry}</button>
    </div>
  `;
}
