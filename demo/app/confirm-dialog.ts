/**
 * A deliberate step before an act that cannot be taken back (issue 15: "nothing with money
 * happens by one stray click"): a modal `<dialog>` that names the thing and says what follows,
 * with the act's own verb on its button. `ask()` opens it and resolves true only when staff press
 * that button; Escape and Cancel resolve false. What the dialog says goes in its
 * light DOM (slotted), so the caller writes the figures and may put a field in it.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { demoStyles } from './styles.ts';

@customElement('demo-confirm-dialog')
export class DemoConfirmDialog extends LitElement {
  static override styles = [
    demoStyles,
    css`
      dialog {
        border: 1px solid var(--border);
        border-radius: 12px;
        padding: 20px;
        width: min(28rem, calc(100vw - 24px));
        box-shadow: 0 20px 40px rgb(0 0 0 / 20%);
      }
      dialog::backdrop {
        background: rgb(17 24 39 / 45%);
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 8px;
        margin-top: 16px;
      }
      ::slotted(p),
      ::slotted(ul) {
        margin: 0 0 8px;
        font-size: 0.9375rem;
      }
      ::slotted(ul) {
        margin-top: 12px;
        padding-left: 1.25rem;
      }
    `,
  ];

  @property() heading = '';
  /** The act's verb, on the button that does it: "Void invoice", "Revoke link". */
  @property({ attribute: 'confirm-label' }) confirmLabel = 'Confirm';
  @property({ type: Boolean }) danger = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  private settle: ((confirmed: boolean) => void) | null = null;

  /** Opens the dialog; true when staff confirmed. */
  async ask(): Promise<boolean> {
    await this.updateComplete;
    this.dialog.showModal();
    return new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  private close(confirmed: boolean): void {
    if (this.dialog.open) this.dialog.close();
    this.settle?.(confirmed);
    this.settle = null;
  }

  /** The caller's form fields are checked before the act; an invalid one keeps the dialog open. */
  private confirm(): void {
    const fields = [
      ...this.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'),
    ];
    const invalid = fields.find((field) => !field.checkValidity());
    if (invalid) {
      invalid.reportValidity();
      return;
    }
    this.close(true);
  }

  override render() {
    return html`<dialog
      aria-labelledby="heading"
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.close(false);
      }}
    >
      <h2 id="heading">${this.heading}</h2>
      <slot></slot>
      <div class="actions">
        <button type="button" @click=${() => this.close(false)}>Cancel</button>
        <button type="button" class=${this.danger ? 'danger' : 'primary'} @click=${this.confirm}>
          ${this.confirmLabel}
        </button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-confirm-dialog': DemoConfirmDialog;
  }
}
