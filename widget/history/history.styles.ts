import { css } from 'lit';

export const historyStyles = css`
  .history {
    display: grid;
    gap: 8px;
    justify-items: start;
  }
  .history .back {
    text-decoration: none;
  }
  .payments {
    list-style: none;
    margin: 0;
    padding: 0;
    width: 100%;
  }
  .payment-row {
    display: grid;
    grid-template-columns: 1fr auto auto;
    align-items: center;
    gap: 12px;
    padding: 10px 0;
    border-top: 1px solid var(--_border);
  }
  .payment-main {
    display: grid;
  }
  .payment-amount {
    font-weight: 600;
  }
  .status {
    font-size: 0.8125rem;
    font-weight: 600;
    padding: 2px 8px;
    border-radius: 999px;
    background: var(--_surface);
  }
  .status[data-status='succeeded'] {
    color: var(--_success);
  }
  .status[data-status='failed'] {
    color: var(--_danger);
  }
  .refunds {
    grid-column: 1 / -1;
    list-style: none;
    margin: -6px 0 0;
    padding: 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .payment-row a {
    min-height: 44px;
    display: inline-grid;
    place-items: center;
  }
`;
