import { css } from 'lit';

/** Radio buttons drawn as chips; the native input stays in the tab order and is what is announced. */
export const chipStyles = css`
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .chip {
    flex: 1 1 84px;
    position: relative;
    display: grid;
    place-content: center;
    text-align: center;
    min-height: 56px;
    padding: 6px 8px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    cursor: pointer;
    line-height: 1.25;
  }
  .chip input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .chip:has(input:checked) {
    border-color: var(--_brand-text);
    box-shadow: inset 0 0 0 1px var(--_brand-text);
    background: color-mix(in srgb, var(--_brand) 7%, transparent);
  }
  .chip:has(input:focus-visible) {
    outline: 3px solid color-mix(in srgb, var(--_brand) 55%, transparent);
    outline-offset: 2px;
  }
  .chip-label {
    font-weight: 600;
  }
  .chip-detail {
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .custom-tip {
    margin-top: 12px;
  }
`;
