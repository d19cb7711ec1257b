/**
 * The table of a document's lines, as the invoice view and the estimate view both draw it:
 * muted headings over a rule, a rule under each line, amounts right-aligned on one line, and a
 * muted detail (quantity × price, tax) under the description. One copy for both lazy parts
 * (issue 11); it travels in their shared chunk, never in the entry.
 */
import { css } from 'lit';

export const lineTableStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }
  th {
    text-align: left;
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
    padding: 0 0 6px;
    border-bottom: 1px solid var(--_border);
  }
  td {
    padding: 10px 0;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  th.num,
  td.num {
    text-align: right;
    padding-left: 12px;
    white-space: nowrap;
  }
  .line-detail {
    display: block;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
`;
