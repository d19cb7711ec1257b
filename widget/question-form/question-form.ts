/**
 * "Ask a question" as a form, shared by the invoice view and the estimate view (issue 11 asked
 * for one copy): a labelled textarea (5000 characters at most), its error tied to it and
 * announced, a submit button that waits while sending, and a way back. Each part keeps its own
 * words, heading and what sending does. Lit's `html` here is the element's own in either lazy
 * part (widget/build/lazy-parts.ts resolves `lit` to the Lit the entry lends).
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface QuestionForm {
  /** The form's class (each part styles its own forms). */
  formClass: string;
  heading: TemplateResult;
  label: string;
  message: string;
  /** The message of what to correct, or empty; shown under the field with `errorId`. */
  error: string | null;
  errorId: string;
  busy: boolean;
  send: string;
  sending: string;
  back: string;
  /** The customer typed: keep the text; the error goes (checked again on submit). */
  typed(message: string): void;
  submit(): void;
  leave(): void;
}

export function renderQuestionForm(form: QuestionForm): TemplateResult {
  const { error } = form;
  return html`<form
    class=${form.formClass}
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      form.submit();
    }}
  >
    ${form.heading}
    <div class="field">
      <label for="message">${form.label}</label>
      <textarea
        id="message"
        class="input"
        maxlength="5000"
        .value=${form.message}
        @input=${(event: Event) => form.typed((event.target as HTMLTextAreaElement).value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? form.errorId : nothing}
      ></textarea>
    </div>
    ${error ? html`<p class="error" id=${form.errorId} role="alert">${error}</p>` : nothing}
    <div class="actions" part="actions">
      <button class="button primary" type="submit" ?disabled=${form.busy}>
        ${form.busy ? form.sending : form.send}
      </button>
      <button class="button" type="button" @click=${form.leave}>${form.back}</button>
    </div>
  </form>`;
}
