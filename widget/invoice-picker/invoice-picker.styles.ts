import { css } from 'lit';

export const invoicePickerStyles = css`
  .section-title {
    margin-bottom: 8px;
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  .row {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 10px 12px;
    display: grid;
    gap: 8px;
  }
  .row[data-selected] {
    border-color: color-mix(in srgb, var(--_brand) 45%, var(--_border));
    background: color-mix(in srgb, var(--_brand) 4%, transparent);
  }
  .row-main {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .row-label {
    flex: 1;
    min-width: 0;
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 44px;
  }
  label.row-label {
    cursor: pointer;
  }
  .row-label input {
    width: 20px;
    height: 20px;
    flex: none;
    margin: 0;
    accent-color: var(--_brand);
  }
  .row-text {
    flex: 1;
    min-width: 0;
    display: grid;
  }
  .row-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .row-amount {
    font-weight: 600;
    text-align: right;
    display: grid;
  }
  .paid {
    color: var(--_success);
    font-size: 0.8125rem;
  }
  .pdf {
    flex: none;
    display: inline-grid;
    place-items: center;
    min-width: 44px;
    min-height: 44px;
    font-size: 0.875rem;
    font-weight: 600;
  }
  .row-field {
    padding-left: 32px;
  }
  .money-input {
    position: relative;
    display: block;
    max-width: 220px;
  }
  .money-input .symbol {
    position: absolute;
    left: 12px;
    top: 50%;
    transform: translateY(-50%);
    color: var(--_muted);
    pointer-events: none;
  }
  .money-input .input {
    padding-left: calc(12px + 2.5ch);
    font-variant-numeric: tabular-nums;
  }
`;
