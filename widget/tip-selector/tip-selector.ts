/**
 * The tip: "No tip" (the default), the business's percentages with what each comes to, and a
 * custom amount when the business allows one. Shown only while a balance is outstanding.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Portal } from '../../shared/api/portal.ts';
import { tipAmount } from '../../shared/quote.ts';
import type { CheckoutController } from '../checkout/checkout.controller.ts';
import type { TipSelection } from '../checkout/choices.ts';
import type { Localizer } from '../i18n/localize.ts';

export function renderTipSelector(
  l: Localizer,
  portal: Portal,
  checkout: CheckoutController,
): TemplateResult | typeof nothing {
  const options = portal.tip_options;
  if (!options.enabled || (options.percentages.length === 0 && !options.custom)) return nothing;
  const { t } = l;
  const subtotal = checkout.localQuote.subtotal;
  const error = checkout.checked.errors.get('tip');
  const current = checkout.tip;
  const chip = (selection: TipSelection, label: string, detail?: string) => html`
    <label class="chip">
      <input
        type="radio"
        name="tip"
        .checked=${same(current, selection)}
        @change=${() => checkout.setTip(selection)}
      />
      <span class="chip-label">${label}</span>
      ${detail ? html`<span class="chip-detail amount">${detail}</span>` : nothing}
    </label>
  `;
  return html`
    <section class="section" part="tips">
      <fieldset>
      <legend>${t.tipLegend}</legend>
      <div class="chips">
        ${chip({ kind: 'none' }, t.noTip)}
        ${options.percentages.map((percent) =>
          chip(
            { kind: 'percent', percent },
            l.percent(percent * 100),
            l.money(tipAmount(subtotal, { percent })),
          ),
        )}
        ${options.custom ? chip({ kind: 'custom' }, t.customTip) : nothing}
      </div>
      ${
        current.kind === 'custom'
          ? html`<div class="field custom-tip">
              <label for="tip-amount" class="muted">${t.tipAmount}</label>
              <span class="money-input">
                <span class="symbol" aria-hidden="true">${l.symbol()}</span>
                <input
                  id="tip-amount"
                  class="input"
                  inputmode="decimal"
                  autocomplete="off"
                  .value=${checkout.tipText}
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${error ? 'error-tip' : nothing}
                  @input=${(event: Event) => checkout.setTipText((event.target as HTMLInputElement).value)}
                />
              </span>
              ${error ? html`<p class="error" id="error-tip">${error}</p>` : nothing}
            </div>`
          : nothing
      }
      </fieldset>
    </section>
  `;
}

function same(a: TipSelection, b: TipSelection): boolean {
  return (
    a.kind === b.kind && (a.kind !== 'percent' || a.percent === (b as { percent: number }).percent)
  );
}
