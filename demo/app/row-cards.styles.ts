/**
 * A table of money that becomes a card per row where it has no room (a phone), as the invoices
 * do (demo/app/invoices-section.styles.ts): measured on the box marked `.cards`, not on the
 * viewport. Narrower than `narrow`, each `tr.item` of a `table.cards-table` is a card: its `.lead`
 * cell on top at the left and its `.figure` at the right, its `.aside` (muted) and `.state` under
 * them, then each `td.fact` on a line of its own with its `data-label` before the value, each
 * `td.note` a muted line, and `td.actions` a wrapping row; every button in the box is 44 px tall
 * there, to tap. The column headers stay for screen readers (each card names its figures
 * instead), and the table keeps explicit roles: some browsers (Safari) drop a table's semantics
 * once its parts are not displayed as table parts.
 */
import { type CSSResult, css, unsafeCSS } from 'lit';

/** The card layout below `narrow` (a CSS length: the table's own need, at most). */
export function rowCardStyles(narrow = '40rem'): CSSResult {
  return css`
    .cards {
      container: cards / inline-size;
    }
    @container cards (max-width: ${unsafeCSS(narrow)}) {
      .cards > * {
        --demo-button-min-height: 44px;
      }
      table.cards-table,
      .cards-table > tbody {
        display: block;
      }
      .cards-table > thead {
        display: block;
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      tr.item {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 4px 12px;
        align-items: baseline;
        border: 1px solid var(--border);
        border-radius: 8px;
        padding: 12px;
        margin-top: 12px;
      }
      tr.item > td {
        display: block;
        padding: 0;
        border: 0;
        min-width: 0;
        text-align: left;
      }
      tr.item > td.lead {
        grid-row: 1;
        grid-column: 1;
        font-size: 1rem;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      tr.item > td.lead .muted {
        font-weight: 400;
      }
      tr.item > td.figure {
        grid-row: 1;
        grid-column: 2;
        font-size: 1rem;
        font-weight: 700;
        text-align: right;
      }
      tr.item > td.aside {
        grid-row: 2;
        grid-column: 1;
        color: var(--muted);
      }
      tr.item > td.state {
        grid-row: 2;
        grid-column: 2;
        text-align: right;
      }
      /* The label floats left, the value keeps to the right, however many parts it has. */
      tr.item > td.fact {
        grid-column: 1 / -1;
        display: flow-root;
        text-align: right;
      }
      tr.item > td.fact::before {
        content: attr(data-label);
        /* The column header already names the cell for a screen reader: the label is for the eye. */
        content: attr(data-label) / '';
        float: left;
        margin-right: 12px;
        color: var(--muted);
        font-weight: 400;
      }
      tr.item > td.note {
        grid-column: 1 / -1;
        color: var(--muted);
        font-size: 0.8125rem;
      }
      tr.item > td.actions {
        grid-column: 1 / -1;
        margin-top: 8px;
      }
    }
  `;
}
