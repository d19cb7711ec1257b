/**
 * Who is at the keyboard (issue 15, "who added it"): a business has one API key, so the staff page
 * asks its user's name once, keeps it in localStorage (it outlives the tab, unlike the key), and
 * sends it as `added_by_name` with the charges and credits they add. Shown in the header, where
 * it can be changed.
 */
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { demoStyles } from './styles.ts';

const KEY = 'pay-portal-demo-staff-name';
/** As the staff API takes it: trimmed, 1–80 characters. */
export const STAFF_NAME_MAX = 80;

/** The name the user gave, or undefined (the call then names no one). */
export function staffName(): string | undefined {
  return localStorage.getItem(KEY)?.trim().slice(0, STAFF_NAME_MAX) || undefined;
}

@customElement('demo-staff-name')
export class DemoStaffName extends LitElement {
  static override styles = [
    demoStyles,
    css`
      :host {
        display: block;
        color: #e2e8f0;
      }
      form {
        display: flex;
        gap: 6px;
        align-items: center;
        flex-wrap: wrap;
      }
      label {
        color: #e2e8f0;
      }
      input {
        width: 9rem;
      }
      button {
        background: transparent;
        color: #e2e8f0;
        border-color: #475569;
      }
    `,
  ];

  @state() private name = staffName() ?? '';
  @state() private editing = !staffName();

  private save(event: SubmitEvent): void {
    event.preventDefault();
    const typed = String(new FormData(event.target as HTMLFormElement).get('name') ?? '').trim();
    if (!typed) return;
    localStorage.setItem(KEY, typed);
    this.name = typed;
    this.editing = false;
  }

  override render() {
    if (this.editing) {
      return html`<form @submit=${this.save}>
        <label>Your name
          <input name="name" autocomplete="name" maxlength=${STAFF_NAME_MAX} required .value=${this.name} />
        </label>
        <button type="submit">Save name</button>
      </form>`;
    }
    return html`<form @submit=${(e: Event) => e.preventDefault()}>
      <strong title="Your name, on what you add">${this.name}</strong>
      <button
        type="button"
        aria-label="Change your name"
        @click=${() => {
          this.editing = true;
        }}
      >Change</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-staff-name': DemoStaffName;
  }
}
