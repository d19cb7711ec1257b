/**
 * "Account statement" on a customer link (issue 11): a native `<details>` with the period (the
 * last 90 days unless the customer changes it) and a plain GET form that opens the statement PDF
 * (`/v1/portal/:token/statement.pdf?from=…&to=…`) in a new tab. No script beyond the defaults, so
 * it costs the first paint almost nothing.
 */
import { html, type TemplateResult } from 'lit';
import type { Localizer } from '../i18n/localize.ts';

/** A local calendar day as YYYY-MM-DD, `daysAgo` days before today. */
function day(daysAgo: number): string {
  const at = new Date();
  at.setDate(at.getDate() - daysAgo);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function renderStatement(l: Localizer, statementUrl: string): TemplateResult {
  const { t } = l;
  const today = day(0);
  return html`<details class="section statement" part="statement">
    <summary class="link-button">${t.statement}</summary>
    <form method="get" action=${statementUrl} target="_blank" rel="noopener">
      <label class="field">${t.statementFrom}<input class="input" type="date" name="from" required max=${today} .value=${day(89)} /></label>
      <label class="field">${t.statementTo}<input class="input" type="date" name="to" required max=${today} .value=${today} /></label>
      <button class="button" type="submit">${t.statementDownload}</button>
    </form>
  </details>`;
}
