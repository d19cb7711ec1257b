/**
 * The look of a customer's invoices on the demo page. A table while it has room; where its box is
 * narrower than the table needs (a phone, at 375 px), each invoice becomes a card like an estimate
 * card (demo/app/estimate-card.styles.ts): the number and status on top, then "label: value"
 * lines, then the actions in a wrapping row of 44 px targets, its activity under it. It stays a
 * table for screen readers: the rows keep explicit roles, since some browsers (Safari) drop a
 * table's semantics once its parts are no longer displayed as table parts.
 */
import { css } from 'lit';

export const invoicesSectionStyles = css`
  .filter {
    max-width: 12rem;
    margin-bottom: 8px;
  }
  /* Measured on the list's own box, not the viewport: beside the link preview it is narrower. */
  .invoices {
    container: invoices / inline-size;
  }
  /* "INV-0003" and "2026-12-31" read as one word: never broken at their hyphen. */
  td.number,
  td.date {
    white-space: nowrap;
  }
  @container invoices (max-width: 40rem) {
    table,
    tbody {
      display: block;
    }
    /* The column headers stay for screen readers; each card names its figures instead. */
    thead {
      display: block;
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tr.invoice {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 4px 12px;
      align-items: center;
      border: 1px solid var(--border);
      border-radius: 8px;
      padding: 12px;
      margin-top: 12px;
    }
    tr.invoice.open {
      border-bottom: 0;
      border-radius: 8px 8px 0 0;
    }
    tr.invoice td {
      display: block;
      padding: 0;
      border: 0;
    }
    tr.invoice td.number {
      font-size: 1rem;
      font-weight: 700;
    }
    tr.invoice td.fact {
      grid-column: 1 / -1;
      display: flex;
      justify-content: space-between;
      gap: 12px;
    }
    td.fact::before {
      content: attr(data-label);
      /* The column header already names the cell for a screen reader: the label is for the eye. */
      content: attr(data-label) / '';
      color: var(--muted);
    }
    tr.invoice td.actions {
      grid-column: 1 / -1;
      margin-top: 8px;
      --demo-button-min-height: 44px;
    }
    tr.activity {
      display: block;
      border: 1px solid var(--border);
      border-top: 0;
      border-radius: 0 0 8px 8px;
    }
    tr.activity td {
      display: block;
      padding: 0 12px 12px;
      border: 0;
    }
    tr.activity demo-invoice-activity {
      border-top: 1px solid var(--border);
      padding-top: 8px;
    }
  }
`;
