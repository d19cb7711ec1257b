/**
 * What stands where a lazy view (widget/pay-portal/lazy-view.ts) will be: its section, named by
 * the same part, saying it is loading, or that it could not load with "Try again".
 */
import { html, type TemplateResult } from 'lit';
import type { Localizer } from '../i18n/localize.ts';
import type { ViewState } from './lazy-view.ts';

export function renderViewPlaceholder(
  l: Localizer,
  view: { readonly state: ViewState; open(): unknown },
  part: string,
  loading: string,
): TemplateResult {
  const failed = view.state === 'failed';
  return html`<section class="section ${part}" part=${part}>
    ${
      failed
        ? html`<p class="error" role="alert">${l.t.failedTitle}</p>
            <button class="button" type="button" @click=${() => void view.open()}>${l.t.retry}</button>`
        : html`<p class="muted" role="status">${loading}</p>`
    }
  </section>`;
}
