/**
 * The estimate view's look. The shared controls come from base.styles.ts; the tokens they use
 * are set on the host, so the element looks the same inside <pay-portal> (where it inherits the
 * business's colour) and on its own.
 */
import { css } from 'lit';

export const estimateViewStyles = css`
  :host {
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
  .estimate {
    display: grid;
    gap: var(--_space);
  }
  .title {
    font-size: 1.125rem;
    font-weight: 650;
    margin: 0;
  }
  .title:focus {
    outline: none;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
  }
  /* The line table: widget/styles/line-table.styles.ts. */
  dl.totals {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 6px 16px;
    margin: 0;
  }
  dl.totals dt {
    color: var(--_muted);
  }
  dl.totals dd {
    margin: 0;
    text-align: right;
  }
  dl.totals .grand {
    font-weight: 700;
    color: inherit;
    font-size: 1.0625rem;
  }
  .deposit {
    padding: 10px 12px;
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface);
    border: 1px solid var(--_border);
    display: flex;
    justify-content: space-between;
    gap: 12px;
    font-weight: 600;
  }
  .deposit.paid {
    border-color: var(--_success);
    border-left-width: 4px;
  }
  .terms {
    white-space: pre-wrap;
    font-size: 0.9375rem;
  }
  .notice {
    padding: 10px 12px;
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface);
    border-left: 4px solid var(--_muted);
  }
  .notice.good {
    border-left-color: var(--_success);
  }
  .notice.bad {
    border-left-color: var(--_danger);
  }
  .actions {
    display: grid;
    gap: 10px;
  }
  .actions.row {
    grid-template-columns: 1fr 1fr;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 20px;
  }
  .pad {
    position: relative;
    border: 1px dashed #6b7280;
    border-radius: calc(var(--_radius) * 0.5);
    background: #ffffff;
  }
  canvas {
    display: block;
    width: 100%;
    height: 160px;
    touch-action: none;
    cursor: crosshair;
  }
  .pad-line {
    position: absolute;
    left: 16px;
    right: 16px;
    bottom: 36px;
    border-bottom: 1px solid var(--_border);
    pointer-events: none;
  }
  .pad-tools {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 12px;
  }
  textarea.input {
    min-height: 96px;
    padding: 10px 12px;
    resize: vertical;
    line-height: 1.4;
  }
  .consent {
    font-size: 0.875rem;
    color: var(--_muted);
  }
`;
