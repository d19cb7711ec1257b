/**
 * The invoice editor's discount fields (issue 11): none, an amount off or a percent off, and a
 * description; applied before tax and spread over the lines, as the server prices it
 * (shared/discount.ts). A template module: the editor passes the draft and its field helpers.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { DiscountText } from './invoice-draft.ts';

export interface DiscountFields {
  discount: DiscountText;
  invalid(field: string): { 'aria-invalid': string; describedby: string };
  error(field: string): unknown;
  set(field: keyof DiscountText, value: string): void;
}

export const discountFieldStyles = css`
  .discount {
    display: grid;
    grid-template-columns: 10rem 8rem minmax(0, 1fr);
    gap: 8px;
    margin: 12px 0 0;
    border: 1px solid var(--border);
    border-radius: 6px;
    padding: 8px 12px 12px;
  }
  @media (max-width: 700px) {
    .discount {
      grid-template-columns: 1fr;
    }
  }
`;

export function renderDiscountFields({
  discount,
  invalid,
  error,
  set,
}: DiscountFields): TemplateResult {
  const value = invalid('discount.value');
  const description = invalid('discount.description');
  return html`<fieldset class="discount">
      <legend>Discount (before tax)</legend>
      <label
        >Kind
        <select
          name="discount_type"
          .value=${discount.type}
          @change=${(event: Event) => set('type', (event.target as HTMLSelectElement).value)}
        >
          <option value="none">No discount</option>
          <option value="amount">An amount</option>
          <option value="percent">A percentage</option>
        </select></label
      >
      ${
        discount.type === 'none'
          ? nothing
          : html`<label
                >${discount.type === 'percent' ? 'Percent off' : 'Amount off'}
                <input
                  name="discount_value"
                  inputmode="decimal"
                  aria-invalid=${value['aria-invalid']}
                  aria-describedby=${value.describedby || nothing}
                  .value=${discount.value}
                  @input=${(event: InputEvent) =>
                    set('value', (event.target as HTMLInputElement).value)}
                />${error('discount.value')}</label
              >
              <label
                >Description (optional)
                <input
                  name="discount_description"
                  aria-invalid=${description['aria-invalid']}
                  aria-describedby=${description.describedby || nothing}
                  .value=${discount.description}
                  @input=${(event: InputEvent) =>
                    set('description', (event.target as HTMLInputElement).value)}
                />${error('discount.description')}</label
              >`
      }
    </fieldset>`;
}
