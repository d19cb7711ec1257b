/**
 * Lends the entry's Lit (and the base styles every part shares) to the parts that are elements of
 * their own (the estimate view): the build resolves their `lit`, `lit/decorators.js` and
 * `styles/base.styles.ts` to what is lent here
 * (widget/build/lazy-parts.ts), so a page runs one Lit. Kept under a registered symbol: two
 * builds of the element on one page lend the same Lit 3 to each other's parts, which is harmless.
 */
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { baseStyles } from '../styles/base.styles.ts';

export function lendLit(): void {
  const key = Symbol.for('pay-portal.lit');
  const scope = globalThis as typeof globalThis & { [key: symbol]: unknown };
  scope[key] ??= { LitElement, html, css, nothing, property, state, baseStyles };
}
