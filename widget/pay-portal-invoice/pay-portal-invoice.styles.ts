/**
 * The invoice view's look. The shared controls come from base.styles.ts; the tokens are set on
 * the host, so the view looks the same inside <pay-portal> (where it inherits the business's
 * colour) and on its own. Narrow (under 480 px of its own width) the lines stack: quantity and
 * unit price go under the description. In print the buttons and the question form go.
 */
import { css } from 'lit';

export const invoiceViewStyles = css`
  :host {
    display: block;
    container-type: inline-size;
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
  }
  .invoice,
  .ask {
    display: grid;
    gap: var(--_space);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
  }
  .title {
    font-size: 1.25rem;
    font-weight: 700;
    margin: 0;
  }
  .subtitle {
    font-size: 1.0625rem;
    font-weight: 650;
  }
  .title:focus,
  .subtitle:focus,
  .strong:focus {
    outline: none;
  }
  p {
    margin: 0;
  }
  .strong {
    font-weight: 600;
  }
  .pre {
    white-space: pre-wrap;
  }
  .label {
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
    margin-bottom: 2px;
  }
  .badge {
    display: inline-block;
    padding: 2px 10px;
    border-radius: 999px;
    font-size: 0.8125rem;
    font-weight: 600;
    border: 1px solid var(--_border);
    color: var(--_muted);
  }
  .badge.overdue {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .badge.paid {
    color: var(--_success);
    border-color: var(--_success);
  }
  dl.dates {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 24px;
    margin: 0;
  }
  dl.dates div {
    display: flex;
    gap: 6px;
  }
  dl.dates dt {
    color: var(--_muted);
  }
  dl.dates dd {
    margin: 0;
    font-weight: 600;
  }
  .parties {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
    gap: var(--_space);
    font-size: 0.9375rem;
  }
  /* The line table: widget/styles/line-table.styles.ts. */
  .line-detail.narrow {
    display: none;
  }
  @container (max-width: 480px) {
    .wide {
      display: none;
    }
    .line-detail.narrow {
      display: block;
    }
  }
  dl.totals {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 6px 0;
    margin: 0;
    margin-left: auto;
    width: min(100%, 420px);
  }
  dl.totals dt {
    color: var(--_muted);
  }
  dl.totals dd {
    margin: 0;
    padding-left: 16px;
    text-align: right;
    white-space: nowrap;
  }
  dl.totals .grand {
    font-weight: 700;
    color: inherit;
    border-top: 1px solid var(--_border);
    padding-top: 6px;
  }
  dl.totals .due {
    font-weight: 700;
    color: inherit;
    font-size: 1.125rem;
    border-top: 2px solid currentColor;
    padding-top: 6px;
  }
  .receipt {
    display: block;
    font-size: 0.8125rem;
  }
  a.receipt {
    color: var(--_brand-text);
  }
  .notice {
    padding: 10px 12px;
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface);
    border-left: 4px solid var(--_muted);
    display: grid;
    gap: 6px;
  }
  .notice.good {
    border-left-color: var(--_success);
  }
  .notice.bad {
    border-left-color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 10px;
  }
  .actions > .button {
    flex: 1 1 140px;
    text-align: center;
    text-decoration: none;
  }
  textarea.input {
    min-height: 96px;
    padding: 10px 12px;
    resize: vertical;
    line-height: 1.4;
  }
  @media print {
    .actions,
    .ask,
    .notice {
      display: none !important;
    }
    a.receipt {
      color: inherit;
      text-decoration: none;
    }
  }
`;
