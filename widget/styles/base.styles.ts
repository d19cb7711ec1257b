/**
 * The design tokens and the controls every part shares. Each colour, radius and space is a custom
 * property with a default; the page overrides the public `--pay-portal-*` ones. The brand colour
 * resolves as: the page's `--pay-portal-brand`, else the business's (set inline on the card as
 * `--_business-brand`), else blue. Links and brand-coloured text use `--_brand-text`: the page's
 * `--pay-portal-brand-text`, else its `--pay-portal-brand`, else the business's brand darkened to
 * reach WCAG AA (widget/business-header/brand.ts).
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    display: block;
    font-family: var(
      --pay-portal-font,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    font-size: 16px;
    line-height: 1.5;
    color: var(--pay-portal-text, #111827);
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .card {
    --_brand: var(--pay-portal-brand, var(--_business-brand, #1a56db));
    --_on-brand: var(--pay-portal-on-brand, var(--_business-on-brand, #ffffff));
    --_brand-text: var(--pay-portal-brand-text, var(--pay-portal-brand, var(--_business-brand-text, #1a56db)));
    --_space: var(--pay-portal-space, 16px);
    --_radius: var(--pay-portal-radius, 12px);
    --_muted: var(--pay-portal-muted, #4b5563);
    --_border: var(--pay-portal-border, #e5e7eb);
    --_surface: var(--pay-portal-surface, #f9fafb);
    --_danger: var(--pay-portal-danger, #b91c1c);
    --_success: var(--pay-portal-success, #047857);
    background: var(--pay-portal-background, #ffffff);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow:
      0 1px 2px rgb(16 24 40 / 6%),
      0 4px 16px rgb(16 24 40 / 6%);
    max-width: 560px;
    margin: 0 auto;
    overflow: hidden;
  }
  .section {
    padding: var(--_space) calc(var(--_space) * 1.25);
  }
  .section + .section {
    border-top: 1px solid var(--_border);
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.25rem;
    line-height: 1.75rem;
    font-weight: 650;
  }
  h3 {
    font-size: 1rem;
    font-weight: 600;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button,
  input,
  a {
    font: inherit;
    color: inherit;
  }
  a {
    color: var(--_brand-text);
    text-underline-offset: 2px;
  }
  :focus-visible {
    outline: 3px solid color-mix(in srgb, var(--_brand-text) 70%, transparent);
    outline-offset: 2px;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 44px;
    padding: 0 1.1em;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_border);
    background: var(--pay-portal-background, #ffffff);
    font-weight: 600;
    cursor: pointer;
  }
  .button.primary {
    width: 100%;
    min-height: 52px;
    border: 0;
    background: var(--_brand);
    color: var(--_on-brand);
    font-size: 1.0625rem;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .link-button {
    border: 0;
    background: none;
    padding: 0;
    min-height: 44px;
    color: var(--_brand-text);
    font-weight: 600;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .field {
    display: grid;
    gap: 4px;
  }
  .input {
    width: 100%;
    min-height: 44px;
    padding: 0 12px;
    border: 1px solid #6b7280;
    border-radius: calc(var(--_radius) * 0.5);
    background: var(--pay-portal-background, #ffffff);
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .amount {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .nowrap {
    white-space: nowrap;
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 10px;
    min-height: 44px;
    padding-top: 10px;
    cursor: pointer;
  }
  .check input {
    width: 20px;
    height: 20px;
    margin: 2px 0 0;
    flex: none;
    accent-color: var(--_brand);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
    margin-bottom: 8px;
  }
`;
