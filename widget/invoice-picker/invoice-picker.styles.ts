import { css } from 'lit';

export const invoicePickerStyles = css`
  .section-title {
    margin-bottom: 10px;
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  .more {
    margin: 4px 0 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 12px;
  }
  .row {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 4px 12px 6px;
    display: grid;
  }
  .row[data-selected] {
    border-color: color-mix(in srgb, var(--_brand) 40%, var(--_border));
    background: color-mix(in srgb, var(--_brand) 4%, transparent);
  }
  .row-head {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 44px;
  }
  label.row-head {
    cursor: pointer;
  }
  .row-head input {
    width: 20px;
    height: 20px;
    flex: none;
    margin: 0;
    accent-color: var(--_brand);
  }
  .row-title {
    flex: 1;
    min-width: 0;
    font-weight: 600;
    overflow-wrap: break-word;
  }
  .row-title .number {
    display: inline-block;
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  .row-amount {
    font-weight: 650;
    text-align: right;
  }
  .row-meta {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 4px 12px;
    margin-top: -4px;
  }
  .row-meta .muted {
    font-size: 0.8125rem;
  }
  [data-indent] {
    padding-left: 32px;
  }
  .paid {
    color: var(--_success);
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .overdue {
    color: var(--_danger);
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .view-invoice {
    font-size: 0.8125rem;
    font-weight: 600;
    min-height: 36px;
  }
  .pdf {
    flex: none;
    display: inline-grid;
    place-items: center;
    min-width: 44px;
    min-height: 36px;
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .row-field {
    display: grid;
    gap: 4px;
    margin-top: 8px;
    padding-bottom: 6px;
  }
  .row-field label {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .money-input {
    position: relative;
    display: block;
    max-width: 200px;
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
    padding-left: calc(16px + 3ch);
    font-variant-numeric: tabular-nums;
  }
`;
