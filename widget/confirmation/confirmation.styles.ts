import { css } from 'lit';

export const confirmationStyles = css`
  .confirmation {
    display: grid;
    /* One column no wider than the card, whatever a receipt line holds. */
    grid-template-columns: minmax(0, 1fr);
    justify-items: center;
    text-align: center;
    gap: 12px;
    padding-block: calc(var(--_space) * 1.75);
  }
  .success-icon {
    width: 56px;
    height: 56px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-size: 1.75rem;
    background: color-mix(in srgb, var(--_success) 14%, transparent);
    color: var(--_success);
  }
  .receipt {
    width: 100%;
    margin: 8px 0;
    padding: 12px 14px;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
    text-align: left;
  }
  .receipt div {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    padding: 4px 0;
  }
  .receipt dt {
    color: var(--_muted);
  }
  .receipt dd {
    margin: 0;
    font-weight: 600;
    white-space: nowrap;
    text-align: right;
    /* A payment still processing has no receipt number yet: its long id may not widen the page. */
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .remaining {
    font-weight: 600;
  }
  .confirmation a.button {
    text-decoration: none;
  }
  .receipt-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 8px;
  }
  /* "Print receipt" prints the receipt: no buttons, no links back. */
  @media print {
    .confirmation button,
    .confirmation .button {
      display: none !important;
    }
  }
`;
