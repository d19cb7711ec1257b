/**
 * The estimate view's forms: sign (type a name, or draw), decline (optional reason) and ask a
 * question. Native controls with visible labels; errors are tied to their field and announced.
 * A form reads and acts through `StepHost` (the element's EstimateStepsController), never the
 * element itself.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderQuestionForm } from '../question-form/question-form.ts';
import type { DrawnSignature } from './drawn-signature.ts';
import type { EstimateMessages } from './estimate-strings.ts';

export type EstimateStep =
  | 'summary'
  | 'review'
  | 'sign'
  | 'decline'
  | 'ask'
  | 'approved'
  | 'declined'
  | 'sent';

export type SignMode = 'typed' | 'drawn';

/** What the step forms read and do. */
export interface StepHost {
  readonly t: EstimateMessages;
  readonly signMode: SignMode;
  /** A call is on its way: the submit button waits. */
  readonly busy: boolean;
  /** The message of the field to correct. */
  readonly fieldError: string | null;
  readonly drawn: Pick<DrawnSignature, 'state' | 'clear'>;
  /** What the customer typed, kept while the estimate shows (typing redraws nothing). */
  name: string;
  drawnName: string;
  reason: string;
  message: string;
  /** A step's title, focused when the step opens. */
  heading(text: string): TemplateResult;
  go(step: EstimateStep): void;
  chooseSignMode(mode: SignMode): void;
  /** The customer types in the field that was wrong: its error goes (checked again on submit). */
  fieldChanged(): void;
  approve(): Promise<void>;
  decline(): Promise<void>;
  ask(): Promise<void>;
}

export function renderSign(host: StepHost, business: string): TemplateResult {
  const { t } = host;
  const typed = host.signMode === 'typed';
  const error = host.fieldError;
  const pad = host.drawn.state;
  const choose = (mode: SignMode) => host.chooseSignMode(mode);
  return html`<form
    class="estimate"
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      void host.approve();
    }}
  >
    ${host.heading(t.signTitle)}
    <fieldset>
      <legend>${t.signLegend}</legend>
      <div class="options">
        <label class="check">
          <input type="radio" name="mode" .checked=${typed} @change=${() => choose('typed')} />
          ${t.typeOption}
        </label>
        <label class="check">
          <input type="radio" name="mode" .checked=${!typed} @change=${() => choose('drawn')} />
          ${t.drawOption}
        </label>
      </div>
    </fieldset>
    ${
      typed
        ? html`<div class="field">
            <label for="name">${t.fullName}</label>
            <input
              id="name"
              class="input"
              autocomplete="name"
              .value=${host.name}
              @input=${(event: Event) => {
                host.name = (event.target as HTMLInputElement).value;
                host.fieldChanged();
              }}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? 'field-error' : nothing}
            />
          </div>`
        : html`<div class="field">
              <p class="muted" id="pad-hint">${t.drawHint}</p>
              <div class="pad" part="signature-pad">
                <canvas
                  role="img"
                  aria-label=${t.drawLabel}
                  aria-describedby="pad-hint"
                ></canvas>
                <div class="pad-line"></div>
              </div>
              <div class="pad-tools">
                <span class="muted" role="status"
                  >${pad === 'loading' ? t.drawLoading : pad === 'failed' ? t.drawFailed : ''}</span
                >
                <button type="button" class="link-button" @click=${() => host.drawn.clear()}>
                  ${t.clear}
                </button>
              </div>
            </div>
            <div class="field">
              <label for="drawn-name">${t.nameOptional}</label>
              <input
                id="drawn-name"
                class="input"
                autocomplete="name"
                .value=${host.drawnName}
                @input=${(event: Event) => {
                  host.drawnName = (event.target as HTMLInputElement).value;
                }}
              />
            </div>`
    }
    ${error ? html`<p class="error" id="field-error" role="alert">${error}</p>` : nothing}
    <p class="consent">${t.consent(business || '—')}</p>
    <div class="actions" part="actions">
      <button class="button primary" type="submit" ?disabled=${host.busy}>
        ${host.busy ? t.submitting : t.submitApproval}
      </button>
      <button class="button" type="button" @click=${() => host.go('review')}>${t.back}</button>
    </div>
  </form>`;
}

export function renderDecline(host: StepHost): TemplateResult {
  const { t } = host;
  return html`<form
    class="estimate"
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      void host.decline();
    }}
  >
    ${host.heading(t.declineTitle)}
    <div class="field">
      <label for="reason">${t.reason}</label>
      <textarea
        id="reason"
        class="input"
        maxlength="2000"
        .value=${host.reason}
        @input=${(event: Event) => {
          host.reason = (event.target as HTMLTextAreaElement).value;
        }}
      ></textarea>
    </div>
    <div class="actions" part="actions">
      <button class="button primary" type="submit" ?disabled=${host.busy}>
        ${host.busy ? t.submitting : t.submitDecline}
      </button>
      <button class="button" type="button" @click=${() => host.go('summary')}>${t.back}</button>
    </div>
  </form>`;
}

export function renderAsk(host: StepHost): TemplateResult {
  const { t } = host;
  return renderQuestionForm({
    formClass: 'estimate',
    heading: host.heading(t.askTitle),
    label: t.message,
    message: host.message,
    error: host.fieldError,
    errorId: 'field-error',
    busy: host.busy,
    send: t.send,
    sending: t.submitting,
    back: t.back,
    typed: (message) => {
      host.message = message;
      host.fieldChanged();
    },
    submit: () => void host.ask(),
    leave: () => host.go('summary'),
  });
}
