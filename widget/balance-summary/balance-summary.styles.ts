import { css } from 'lit';

export const balanceSummaryStyles = css`
  .greeting {
    color: var(--_muted);
    line-height: 24px;
    overflow-wrap: anywhere;
  }
  .balance-body {
    min-height: 80px;
    display: grid;
    align-content: center;
    gap: 2px;
  }
  .balance[data-state='zero'] h2::before {
    content: '✓' / '';
    display: inline-grid;
    place-items: center;
    width: 28px;
    height: 28px;
    margin-right: 8px;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_success) 14%, transparent);
    color: var(--_success);
    font-size: 1rem;
    vertical-align: 1px;
  }
  .due {
    display: grid;
  }
  .due-label {
    font-size: 0.875rem;
    font-weight: 500;
    color: var(--_muted);
    line-height: 21px;
  }
  .due-amount {
    font-size: 2.25rem;
    line-height: 44px;
    font-weight: 700;
    letter-spacing: -0.02em;
  }
`;
