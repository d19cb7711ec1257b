/**
 * One line of the invoice editor (issue 15): description, quantity, unit price and tax rate, the
 * line's amount as the server will compute it, and "Remove" (not for the only line). A template
 * module, like invoice-discount-fields.ts: the editor passes the line and its field helpers.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { type MoneyContext, money } from './format.ts';
import type { LineText } from './invoice-draft.ts';

export interface LineFields {
  line: LineText;
  /** From 0; the line is named by `index + 1`. */
  index: number;
  /** The line's amount, or null while a field cannot be read. */
  amount: number | null;
  at: MoneyContext;
  /** False for the only line: an invoice keeps one. */
  removable: boolean;
  invalid(field: string): { 'aria-invalid': string; describedby: string };
  error(field: string): unknown;
  set(field: keyof LineText, value: string): void;
  remove(): void;
}

export const lineFieldStyles = css`
  .line {
    display: grid;
    grid-template-columns: minmax(0, 3fr) 5rem 7rem 5.5rem 7rem auto;
    gap: 8px;
    align-items: start;
    padding: 8px 0;
    border-top: 1px solid var(--border);
  }
  .line .amount {
    padding-top: 1.6rem;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .line .remove {
    margin-top: 1.35rem;
  }
  @media (max-width: 700px) {
    .line {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    .line .description {
      grid-column: 1 / -1;
    }
    .line .amount {
      grid-column: 1 / 3;
      padding-top: 0.5rem;
      text-align: left;
      font-weight: 600;
    }
    .line .remove {
      margin-top: 0;
    }
  }
`;

export function renderLineFields({
  line,
  index,
  amount,
  at,
  removable,
  invalid,
  error,
  set,
  remove,
}: LineFields): TemplateResult {
  const field = (name: keyof LineText, label: string, type: string, className = '') => {
    const key = `lines.${index}.${name}`;
    const state = invalid(key);
    return html`<label class=${className}
      >${label}
      <input
        name=${key}
        inputmode=${type}
        aria-invalid=${state['aria-invalid']}
        aria-describedby=${state.describedby || nothing}
        .value=${line[name]}
        @input=${(event: InputEvent) => set(name, (event.target as HTMLInputElement).value)}
      />${error(key)}</label
    >`;
  };
  const number = index + 1;
  return html`<div class="line" role="group" aria-label="Line ${number}">
    ${field('description', 'Description', 'text', 'description')}
    ${field('quantity', 'Quantity', 'numeric')} ${field('price', 'Unit price', 'decimal')}
    ${field('taxRate', 'Tax %', 'decimal')}
    <span class="amount" aria-label="Line ${number} amount"
      >${amount === null ? '—' : money(amount, at)}</span
    >
    <button
      type="button"
      class="remove"
      aria-label="Remove line ${number}"
      ?disabled=${!removable}
      @click=${remove}
    >
      Remove
    </button>
  </div>`;
}
