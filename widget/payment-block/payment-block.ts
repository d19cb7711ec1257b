/**
 * The payment block: the method (with its fee), saved cards to pay with, the provider's form
 * (the sandbox's test form renders here; Stripe's Payment Element mounts in the light-DOM child
 * slotted into `payment-form`, since Stripe Elements cannot live in a shadow root), the
 * save-card and text-reminder choices with the exact consent text, a failed payment's reason, a
 * changed total to accept, the totals, and the pay button.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PaymentMethodKind, Portal, SavedPaymentMethod } from '../../shared/api/portal.ts';
import type { CheckoutController } from '../checkout/checkout.controller.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { FeeChange } from '../provider-form/provider-form.ts';
import type { FormLoader } from './form-loader.ts';
import { renderTotals } from './totals.ts';

export interface PaymentBlockState {
  busy: boolean;
  /** A message about the last pay attempt ("Please correct…", what is left to pay…). */
  notice: string;
  /** Why the last payment failed, with "Try another card". */
  failure: string;
  /** A new total (the card's funding changed the fee) the next press of Pay accepts. */
  feeChange: FeeChange | null;
  forms: FormLoader;
  removing: ReadonlySet<string>;
  removeFailed: string | null;
  pay: () => void;
  /** A method chip: the fee line follows, and PayPal's form replaces the card's (or back). */
  chooseMethod: (method: PaymentMethodKind) => void;
  another: () => void;
  removeCard: (card: SavedPaymentMethod) => void;
  /** Paying a deposit: the customer leaves it for later (the estimate keeps its button). */
  notNow: () => void;
}

export function renderPaymentBlock(
  l: Localizer,
  portal: Portal,
  checkout: CheckoutController,
  state: PaymentBlockState,
): TemplateResult {
  const { t } = l;
  const server = checkout.currentServerQuote;
  const total = state.feeChange?.total ?? server?.total ?? checkout.localQuote.total;
  const card = checkout.method === 'card';
  const newCard = card && !checkout.savedCard;
  // PayPal's buttons are its pay button: they come last, after the totals they charge.
  const paypal = checkout.method === 'paypal';
  const form = html`<div class="provider" part="payment-form">
    ${renderProvider(l, state.forms)}<slot name="payment-form"></slot>
  </div>`;
  return html`
    <section class="section payment" part="payment" aria-labelledby="payment-title">
      <h3 id="payment-title" class="section-title" tabindex="-1">
        ${checkout.deposit ? t.depositTitle(checkout.deposit.number) : t.paymentDetails}
      </h3>
      ${renderMethods(l, portal, checkout, state.chooseMethod)}
      ${card ? renderSavedCards(l, portal, checkout, state) : nothing}
      ${paypal ? nothing : form}
      ${
        newCard
          ? html`<label class="check">
              <input
                type="checkbox"
                .checked=${checkout.saveCard}
                @change=${(event: Event) =>
                  checkout.setOptions({ saveCard: (event.target as HTMLInputElement).checked })}
              />
              <span>${t.saveCard}</span>
            </label>`
          : nothing
      }
      ${renderReminders(l, portal, checkout)} ${renderTotals(l, checkout, state.feeChange)}
      ${state.feeChange ? html`<p class="fee-change" role="alert">${state.feeChange.text}</p>` : nothing}
      ${
        state.failure
          ? html`<div class="pay-failure" role="alert">
              <p>${state.failure}</p>
              <button class="button" type="button" @click=${state.another}>
                ${card ? t.anotherCard : t.anotherAccount}
              </button>
            </div>`
          : nothing
      }
      ${
        paypal
          ? form
          : html`<button
              class="button primary pay"
              part="pay-button"
              type="button"
              ?disabled=${state.busy}
              aria-describedby="pay-notice"
              @click=${state.pay}
            >
              ${state.busy ? t.paying : t.pay(l.money(total))}
            </button>`
      }
      <p id="pay-notice" class="pay-notice" role="status">${state.notice}</p>
      ${
        checkout.deposit && !state.busy
          ? html`<button class="link-button" type="button" @click=${state.notNow}>${t.notNow}</button>`
          : nothing
      }
    </section>
  `;
}

/** The provider's form, or what stands in for it while it loads or when it could not. */
function renderProvider(l: Localizer, forms: FormLoader) {
  if (forms.form) return forms.form.render();
  if (forms.state === 'failed') {
    return html`<div class="form-status" role="alert">
      <p>${l.t.formFailed}</p>
      <button class="button" type="button" @click=${() => forms.retry()}>${l.t.retry}</button>
    </div>`;
  }
  if (forms.state === 'loading') return html`<p class="form-status muted">${l.t.formLoading}</p>`;
  return nothing;
}

/** The light-DOM child of `element` assigned to slot `name`, made on first use. */
export function slotHost(element: HTMLElement, name: string): HTMLElement {
  let host = element.querySelector<HTMLElement>(`:scope > [slot="${name}"]`);
  if (!host) {
    host = document.createElement('div');
    host.slot = name;
    element.append(host);
  }
  return host;
}

function renderMethods(
  l: Localizer,
  portal: Portal,
  checkout: CheckoutController,
  choose: (method: PaymentMethodKind) => void,
) {
  const { t } = l;
  // Stripe's Payment Element has its own tabs for card and bank (its change sets ours): one chip
  // stands for both, beside PayPal's when PayPal is offered.
  const stripe = portal.provider.name === 'stripe';
  const methods = stripe
    ? portal.payment_methods.filter((m) => m.provider !== 'stripe' || m.type === 'card')
    : portal.payment_methods;
  if (methods.length < 2) return nothing;
  const chosen = (type: PaymentMethodKind) =>
    checkout.method === type || (stripe && type === 'card' && checkout.method !== 'paypal');
  return html`
    <fieldset class="methods">
      <legend>${t.methodLegend}</legend>
      <div class="chips">
        ${methods.map(
          (method) => html`
            <label class="chip">
              <input
                type="radio"
                name="method"
                .checked=${chosen(method.type)}
                @change=${() => choose(method.type)}
              />
              <span class="chip-label">${t[method.type]}</span>
              <span class="chip-detail">
                ${method.fee ? t.feeHint(feeText(l, method.fee)) : t.noFee}
              </span>
            </label>
          `,
        )}
      </div>
    </fieldset>
  `;
}

function feeText(l: Localizer, fee: { percent_bps: number; fixed: number }): string {
  const parts = [];
  if (fee.percent_bps) parts.push(l.percent(fee.percent_bps));
  if (fee.fixed) parts.push(l.money(fee.fixed));
  return parts.join(' + ');
}

/** The saved cards, each a choice to pay with (with "Remove"), and "New card". */
function renderSavedCards(
  l: Localizer,
  portal: Portal,
  checkout: CheckoutController,
  state: PaymentBlockState,
) {
  const { t } = l;
  const cards = portal.saved_payment_methods;
  if (cards.length === 0) return nothing;
  const choose = (id: string | null) => checkout.setOptions({ savedCard: id });
  return html`
    <fieldset class="saved" part="saved-cards">
      <legend class="saved-title">${t.savedCards}</legend>
      <ul class="saved-list">
        ${cards.map((card) => {
          // The provider may not tell the brand, the last four or the expiry: shown when known.
          const brand = card.brand ? l.brand(card.brand) : t.card;
          const name = card.last4 ? t.cardName(brand, card.last4) : brand;
          const expiry =
            card.exp_month && card.exp_year
              ? `${String(card.exp_month).padStart(2, '0')}/${String(card.exp_year).slice(-2)}`
              : null;
          return html`<li class="saved-card">
            <label class="saved-choice">
              <input
                type="radio"
                name="saved-card"
                .checked=${checkout.savedCard === card.id}
                @change=${() => choose(card.id)}
              />
              <span>
                <span class="card-name">${name}</span>
                ${expiry ? html`<span class="muted nowrap">${t.expires(expiry)}</span>` : nothing}
              </span>
            </label>
            <button
              class="link-button"
              type="button"
              aria-label=${t.removeLabel(name)}
              ?disabled=${state.removing.has(card.id)}
              @click=${() => state.removeCard(card)}
            >
              ${t.remove}
            </button>
          </li>`;
        })}
        <li class="saved-card">
          <label class="saved-choice">
            <input
              type="radio"
              name="saved-card"
              .checked=${!checkout.savedCard}
              @change=${() => choose(null)}
            />
            <span class="card-name">${t.newCard}</span>
          </label>
        </li>
      </ul>
      ${state.removeFailed ? html`<p class="error" role="alert">${state.removeFailed}</p>` : nothing}
    </fieldset>
  `;
}

function renderReminders(l: Localizer, portal: Portal, checkout: CheckoutController) {
  const { t } = l;
  const showError = checkout.phoneTouched && checkout.phoneError;
  return html`
    <label class="check">
      <input
        type="checkbox"
        .checked=${checkout.smsReminders}
        aria-describedby="sms-consent"
        @change=${(event: Event) =>
          checkout.setOptions({ smsReminders: (event.target as HTMLInputElement).checked })}
      />
      <span>${t.smsOptIn}</span>
    </label>
    ${
      checkout.smsReminders
        ? html`<div class="field sms-phone">
            <label for="sms-phone" class="muted">${t.phone}</label>
            <input
              id="sms-phone"
              class="input"
              type="tel"
              autocomplete="tel"
              .value=${checkout.phone}
              aria-invalid=${showError ? 'true' : 'false'}
              aria-describedby=${showError ? 'error-phone' : nothing}
              @input=${(event: Event) =>
                checkout.setOptions({ phone: (event.target as HTMLInputElement).value })}
              @blur=${() => checkout.setOptions({ phoneTouched: true })}
            />
            ${showError ? html`<p class="error" id="error-phone">${t.phoneInvalid}</p>` : nothing}
          </div>`
        : nothing
    }
    <p id="sms-consent" class="consent muted">${t.smsConsent(portal.business.name)}</p>
  `;
}
