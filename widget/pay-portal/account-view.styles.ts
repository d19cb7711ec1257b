/** The account view's own styles (account-view.ts): the estimates and the invoice document. */
import { css } from 'lit';

export const accountViewStyles = css`
  .estimates {
    display: grid;
    gap: var(--_space);
  }
  .estimates pay-portal-estimate + pay-portal-estimate {
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .invoice-document {
    display: grid;
    gap: 8px;
    justify-items: start;
  }
  .invoice-document pay-portal-invoice {
    justify-self: stretch;
  }
`;
