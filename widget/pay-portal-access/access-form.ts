/**
 * The business's "Pay your bill" form, a lazy part: drawn with the element's own Lit (handed in,
 * as the payment forms are), so the part carries no Lit of its own. Its
 * AccessController (access-controller.ts, in the same lazy part) holds its state and sends it.
 */
import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import { accessWords } from './access-words.ts';

export interface AccessLit {
  html: typeof litHtml;
  nothing: typeof litNothing;
}

export type AccessError = 'invalid' | 'busy' | 'failed';

export interface AccessFormState {
  step: 'form' | 'sending' | 'done';
  error: AccessError | null;
  contact: string;
  businessName: string;
  locale: string;
}

export interface AccessFormActions {
  input(value: string): void;
  submit(event: SubmitEvent): void;
  again(): void;
}

/** True for what looks like an email or a mobile number; the server checks it again. */
export function looksLikeContact(value: string): boolean {
  const text = value.trim();
  if (text.includes('@')) return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
  return /^\+?[\d\s().-]+$/.test(text) && text.replace(/\D/g, '').length >= 7;
}

export function renderAccessForm(
  { html, nothing }: AccessLit,
  state: AccessFormState,
  actions: AccessFormActions,
): TemplateResult {
  const w = accessWords(state.locale);
  const heading = html`<h2 class="title" id="access-title">${w.heading(state.businessName)}</h2>`;
  if (state.step === 'done') {
    return html`<section class="section" part="access" aria-labelledby="access-title">
      ${heading}
      <p role="status" tabindex="-1" data-focus><strong>${w.done}</strong></p>
      <p class="muted">${w.doneHint}</p>
      <button class="link-button" type="button" @click=${actions.again}>${w.again}</button>
    </section>`;
  }
  const sending = state.step === 'sending';
  const error = state.error ? w[state.error] : null;
  return html`<section class="section" part="access" aria-labelledby="access-title">
    ${heading}
    <p>${w.intro}</p>
    <form novalidate @submit=${actions.submit}>
      <div class="field">
        <label for="access-contact">${w.label}</label>
        <input
          id="access-contact"
          class="input"
          part="access-input"
          name="contact"
          autocomplete="email"
          inputmode="email"
          maxlength="254"
          required
          .value=${state.contact}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'access-error' : nothing}
          @input=${(event: Event) => actions.input((event.target as HTMLInputElement).value)}
        />
        ${error ? html`<p id="access-error" class="error" role="alert">${error}</p>` : nothing}
      </div>
      <p>
        <button class="button primary" part="access-button" type="submit" ?disabled=${sending}>
          ${sending ? w.sending : w.send}
        </button>
      </p>
    </form>
  </section>`;
}
