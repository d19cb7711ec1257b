import { css } from 'lit';

export const paymentBlockStyles = css`
  .payment {
    display: grid;
    gap: 12px;
  }
  .payment .section-title {
    margin-bottom: 0;
  }
  .methods legend {
    margin-bottom: 8px;
    font-size: 0.875rem;
    font-weight: 500;
    color: var(--_muted);
  }
  .saved {
    display: grid;
    gap: 4px;
  }
  .saved-title {
    font-weight: 600;
  }
  .saved-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .saved-card {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 12px;
    border-bottom: 1px solid var(--_border);
  }
  .card-name {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .saved-card .link-button {
    margin-left: auto;
  }
  .saved-choice {
    flex: 1;
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 44px;
    padding: 4px 0;
    cursor: pointer;
  }
  .saved-choice > span {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 12px;
  }
  .saved-choice input {
    flex: none;
    width: 20px;
    height: 20px;
    margin: 0;
    accent-color: var(--_brand);
  }
  .fee-change,
  .pay-failure {
    padding: 12px 14px;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid;
  }
  .fee-change {
    border-color: color-mix(in srgb, var(--_brand) 40%, transparent);
    background: color-mix(in srgb, var(--_brand) 7%, transparent);
    font-weight: 600;
  }
  .pay-failure {
    display: grid;
    gap: 10px;
    justify-items: start;
    color: var(--_danger);
    border-color: color-mix(in srgb, var(--_danger) 35%, transparent);
    background: color-mix(in srgb, var(--_danger) 5%, transparent);
    font-weight: 600;
  }
  .pay-failure .button {
    color: var(--pay-portal-text, #111827);
  }
  .form-status {
    display: flex;
    align-items: center;
    gap: 12px;
    min-height: 44px;
  }
  .consent {
    font-size: 0.8125rem;
    margin-top: -4px;
    padding-left: 30px;
  }
  .sms-phone {
    padding-left: 30px;
    max-width: 320px;
  }
  .totals {
    margin-top: 4px;
    padding: 12px 14px;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
  }
  .totals dl {
    margin: 0;
  }
  .total-line {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    padding: 2px 0;
  }
  .total-line dt {
    color: var(--_muted);
  }
  .total-line dd {
    margin: 0;
  }
  .grand {
    border-top: 1px solid var(--_border);
    margin-top: 6px !important;
    padding-top: 6px;
  }
  .grand .total-line dt,
  .grand .total-line dd {
    color: inherit;
    font-weight: 700;
    font-size: 1.125rem;
  }
  .server-note {
    margin-top: 8px;
    font-size: 0.875rem;
    font-weight: 600;
  }
  .pay-notice {
    min-height: 1.5em;
    text-align: center;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .pay-notice:empty {
    min-height: 0;
  }
`;
