/** Every part's styles, in the order the card shows them, and the shell's own (the footer). */
import { css } from 'lit';
import { balanceSummaryStyles } from '../balance-summary/balance-summary.styles.ts';
import { businessHeaderStyles } from '../business-header/business-header.styles.ts';
import { confirmationStyles } from '../confirmation/confirmation.styles.ts';
import { historyStyles } from '../history/history.styles.ts';
import { invoicePickerStyles } from '../invoice-picker/invoice-picker.styles.ts';
import { paymentBlockStyles } from '../payment-block/payment-block.styles.ts';
import { recentChargesStyles } from '../recent-charges/recent-charges.styles.ts';
import { statementStyles } from '../statement/statement.styles.ts';
import { statusStyles } from '../status/status.styles.ts';
import { baseStyles } from '../styles/base.styles.ts';
import { chipStyles } from '../tip-selector/tip-selector.styles.ts';

const shellStyles = css`
  /* The "Pay your bill" form (widget/pay-portal-access/). */
  [part='access'],
  [part='access'] form {
    display: grid;
    gap: 12px;
  }
  .estimates {
    display: grid;
    gap: var(--_space);
  }
  .estimates pay-portal-estimate + pay-portal-estimate {
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
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
  .invoice-document {
    display: grid;
    gap: 8px;
    justify-items: start;
  }
  .invoice-document pay-portal-invoice {
    justify-self: stretch;
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
  recentChargesStyles,
  invoicePickerStyles,
  chipStyles,
  paymentBlockStyles,
  confirmationStyles,
  historyStyles,
  statementStyles,
  shellStyles,
];
