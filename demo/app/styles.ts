/** The demo page's look: one sheet shared by its elements. */
import { css } from 'lit';

export const demoStyles = css`
  :host {
    display: block;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    color: #111827;
    --accent: #0e7490;
    --muted: #4b5563;
    --border: #e5e7eb;
    --surface: #f9fafb;
  }
  * {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.125rem;
    margin: 0 0 12px;
  }
  h3 {
    font-size: 0.95rem;
    margin: 16px 0 8px;
  }
  p {
    margin: 0 0 8px;
  }
  .card {
    background: #fff;
    border: 1px solid var(--border);
    border-radius: 10px;
    padding: 16px;
    min-width: 0;
  }
  .stack > * + * {
    margin-top: 12px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: end;
  }
  .muted {
    color: var(--muted);
    font-size: 0.875rem;
  }
  label {
    display: grid;
    gap: 4px;
    font-size: 0.8125rem;
    color: #374151;
    font-weight: 500;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  input,
  select,
  textarea {
    font: inherit;
    font-size: 0.9375rem;
    padding: 7px 9px;
    border: 1px solid #d1d5db;
    border-radius: 6px;
    min-width: 0;
    background: #fff;
    color: inherit;
  }
  input[type='checkbox'] {
    width: 1rem;
    height: 1rem;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--accent);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    font-size: 0.875rem;
    font-weight: 600;
    padding: 7px 12px;
    border-radius: 6px;
    border: 1px solid #d1d5db;
    background: #fff;
    color: #111827;
    cursor: pointer;
    white-space: nowrap;
    /* A container that needs finger-sized targets (44 px on a phone) sets this; it reaches the
       buttons inside nested elements too (demo-file-button). */
    min-height: var(--demo-button-min-height, auto);
  }
  button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: #fff;
  }
  button.danger {
    color: #b91c1c;
    border-color: #fca5a5;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  a {
    color: var(--accent);
  }
  .chip {
    display: inline-block;
    font-size: 0.75rem;
    font-weight: 600;
    padding: 2px 8px;
    border-radius: 999px;
    background: #e5e7eb;
    color: #374151;
    white-space: nowrap;
  }
  .chip.outstanding,
  .chip.pending {
    background: #fef3c7;
    color: #92400e;
  }
  .chip.credit {
    background: #dbeafe;
    color: #1e40af;
  }
  .chip.zero,
  .chip.active,
  .chip.succeeded,
  .chip.sent,
  .chip.paid {
    background: #d1fae5;
    color: #065f46;
  }
  .chip.revoked,
  .chip.expired,
  .chip.failed,
  .chip.void {
    background: #fee2e2;
    color: #991b1b;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.875rem;
  }
  th,
  td {
    text-align: left;
    padding: 8px 6px;
    border-bottom: 1px solid var(--border);
    vertical-align: top;
  }
  th {
    font-size: 0.75rem;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    color: var(--muted);
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .error {
    color: #b91c1c;
    font-size: 0.875rem;
  }
  .ok {
    color: #047857;
    font-size: 0.875rem;
  }
  code,
  pre {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.8125rem;
  }
  pre {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: 6px;
    padding: 8px;
    white-space: pre-wrap;
    word-break: break-all;
    margin: 4px 0 8px;
  }
  .nowrap {
    white-space: nowrap;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** The settings forms' groups: a fieldset of fields on a grid, `.wide` across the whole row. */
export const settingsFieldStyles = css`
  fieldset {
    border: 1px solid var(--border);
    border-radius: 8px;
    padding: 12px;
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: 10px;
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  .wide {
    grid-column: 1 / -1;
  }
`;
