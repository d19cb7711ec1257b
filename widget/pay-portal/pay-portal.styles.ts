/**
 * The styles of what the entry draws (the skeleton, notices, header, balance) and the shell's own
 * (the footer); the lazy views add theirs when they come (widget/pay-portal/lazy-view.ts).
 */
import { css } from 'lit';
import { balanceSummaryStyles } from '../balance-summary/balance-summary.styles.ts';
import { businessHeaderStyles } from '../business-header/business-header.styles.ts';
import { statusStyles } from '../status/status.styles.ts';
import { baseStyles } from '../styles/base.styles.ts';

const shellStyles = css`
  /* The "Pay your bill" form (widget/pay-portal-access/). */
  [part='access'],
  [part='access'] form {
    display: grid;
    gap: 12px;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 4px 16px;
    min-height: calc(44px + var(--_space) * 2);
  }
  .footer .contact {
    text-align: right;
    justify-items: end;
  }
  /* Print the invoice as a document: the business's header and the invoice, nothing else. */
  @media print {
    .card {
      box-shadow: none !important;
      border: 0 !important;
      max-width: none !important;
    }
    .card > :not(.header):not(.invoice-document):not(.confirmation),
    .invoice-document > button {
      display: none !important;
    }
  }
  @media (max-width: 480px) {
    .footer .contact {
      text-align: left;
      justify-items: start;
    }
  }
`;

export const payPortalStyles = [
  baseStyles,
  statusStyles,
  businessHeaderStyles,
  balanceSummaryStyles,
  shellStyles,
];
