/**
 * The look of one estimate card on the demo page. Where the card is narrow (a phone) its lines
 * are cards of their own (demo/app/row-cards.styles.ts), drawn lighter: one under another with a
 * rule between, the subtotal, tax and total under them as label and figure.
 */
import { css } from 'lit';

export const estimateCardStyles = css`
  :host {
    display: block;
    min-width: 0;
    border: 1px solid var(--border);
    border-radius: 8px;
    padding: 12px;
  }
  .top {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 4px 12px;
    align-items: baseline;
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: center;
  }
  .title strong {
    font-size: 1rem;
  }
  .total {
    font-size: 1.125rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .facts {
    margin: 4px 0 8px;
  }
  .chip.approved {
    background: #d1fae5;
    color: #065f46;
  }
  .chip.declined {
    background: #fee2e2;
    color: #991b1b;
  }
  .decision {
    border-left: 3px solid var(--border);
    padding: 4px 0 4px 10px;
    margin: 8px 0;
  }
  .decision.approved {
    border-color: #10b981;
  }
  .decision.declined {
    border-color: #f87171;
  }
  .signature {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    align-items: center;
    margin: 6px 0;
  }
  .signature img {
    max-width: 240px;
    width: 100%;
    height: auto;
    border: 1px solid var(--border);
    border-radius: 6px;
    background: #fff;
  }
  .typed {
    font-family: 'Segoe Script', 'Brush Script MT', 'Snell Roundhand', cursive;
    font-size: 1.5rem;
    font-style: italic;
    border-bottom: 1px solid #9ca3af;
    padding: 0 8px;
  }
  .questions {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  .questions li {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: 6px;
    padding: 6px 8px;
    font-size: 0.875rem;
    overflow-wrap: anywhere;
  }
  .questions .message {
    white-space: pre-wrap;
  }
  .questions time {
    display: block;
    color: var(--muted);
    font-size: 0.75rem;
  }
  details {
    margin: 4px 0 8px;
  }
  .ua {
    overflow-wrap: anywhere;
  }

  @container cards (max-width: 40rem) {
    tr.item {
      border: 0;
      border-bottom: 1px solid var(--border);
      border-radius: 0;
      padding: 8px 0;
      margin: 0;
    }
    tr.item > td.lead,
    tr.item > td.figure {
      font-size: 0.9375rem;
      font-weight: 600;
    }
    .cards-table > tfoot {
      display: block;
      margin-bottom: 8px;
    }
    .cards-table > tfoot > tr:last-child {
      border-top: 1px solid var(--border);
      margin-top: 4px;
    }
    .cards-table > tfoot > tr {
      display: flex;
      justify-content: space-between;
      gap: 12px;
    }
    .cards-table > tfoot td {
      padding: 4px 0;
      border: 0;
    }
  }
`;
