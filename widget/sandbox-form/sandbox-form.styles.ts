/**
 * The test form's and the 3-D Secure step's styles, adopted into the element's shadow root when
 * the form loads (made with the element's own `css`, so they are a constructed stylesheet: no
 * inline <style>, nothing a page's Content-Security-Policy refuses).
 */
import type { CSSResult } from 'lit';
import type { FormKit } from '../provider-form/provider-form.ts';

let made: CSSResult | null = null;

export function sandboxStyles(css: FormKit['css']): CSSResult {
  made ??= css`
    .sandbox {
      display: grid;
      gap: 12px;
      padding: 12px 14px;
      border: 1px dashed #b45309;
      border-radius: calc(var(--_radius) * 0.75);
    }
    .sandbox-title {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      font-size: 0.875rem;
    }
    .sandbox-badge {
      padding: 0 8px;
      line-height: 20px;
      border-radius: 999px;
      background: #fef3c7;
      color: #78350f;
      font-size: 0.75rem;
      font-weight: 600;
    }
    .sandbox-fields {
      display: grid;
      gap: 10px;
    }
    .sandbox-fields.two {
      grid-template-columns: 1fr 1fr;
    }
    .sandbox-number {
      grid-column: 1 / -1;
    }
    .sandbox-fields label {
      font-size: 0.875rem;
      font-weight: 500;
    }
    .sandbox-hints {
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.875rem;
      color: var(--_muted);
    }
    .sandbox-hints {
      display: grid;
      gap: 2px;
    }
    .sandbox-hints li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: 6px;
    }
    .sandbox-hints .link-button {
      min-height: 28px;
      font-variant-numeric: tabular-nums;
    }
    .three-ds {
      width: min(400px, calc(100vw - 32px));
      padding: calc(var(--_space) * 1.25);
      border: 0;
      border-radius: var(--_radius);
      box-shadow: 0 12px 40px rgb(16 24 40 / 25%);
      color: var(--pay-portal-text, #111827);
      background: var(--pay-portal-background, #ffffff);
    }
    .three-ds::backdrop {
      background: rgb(17 24 39 / 55%);
    }
    .three-ds h2 {
      margin: 12px 0 8px;
    }
    .three-ds-actions {
      display: grid;
      gap: 10px;
      margin-top: 20px;
    }
  `;
  return made;
}
