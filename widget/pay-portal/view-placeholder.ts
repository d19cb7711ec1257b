/**
 * What stands where a lazy view (widget/pay-portal/lazy-view.ts) will be: its section, named by
 * the same part, saying it is loading; or, when it could not load, the connection notice with
 * "Try again" (which loads it again).
 */
import { html, type TemplateResult } from 'lit';
import type { Localizer } from '../i18n/localize.ts';
import { renderFailed } from '../status/status.ts';
import type { ViewState } from './lazy-view.ts';

export function renderViewPlaceholder(
  l: Localizer,
  view: { readonly state: ViewState; open(): unknown },
  part: string,
  loading: string,
): TemplateResult {
  if (view.state === 'failed') return renderFailed(l, 'network_error', () => void view.open());
  return html`<section class="section ${part}" part=${part}>
    <p class="muted" role="status">${loading}</p>
  </section>`;
}
