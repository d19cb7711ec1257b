import { css } from 'lit';

export const recentChargesStyles = css`
  .charges {
    margin-top: 4px;
  }
  .expander {
    text-decoration: none;
  }
  .expander::after {
    content: '▾' / '';
    display: inline-block;
    margin-left: 6px;
    transition: transform 0.15s;
  }
  .expander[aria-expanded='true']::after {
    transform: rotate(180deg);
  }
  .charge-list {
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
  }
  .charge {
    display: grid;
    grid-template-columns: 1fr auto;
    column-gap: 12px;
    padding: 10px 0;
    border-top: 1px solid var(--_border);
  }
  .charge > :nth-child(even) {
    text-align: right;
  }
  .charge-description {
    overflow-wrap: anywhere;
  }
`;
