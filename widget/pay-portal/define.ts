/**
 * Registers `<pay-portal>`: the one side effect of the package, kept out of the class file so
 * the class can be imported (or extended) without defining anything.
 */
import type { PayPortalEventMap } from './events.ts';
import { PayPortal } from './pay-portal.ts';

if (!customElements.get('pay-portal')) customElements.define('pay-portal', PayPortal);

declare global {
  interface HTMLElementTagNameMap {
    'pay-portal': PayPortal;
  }
  interface GlobalEventHandlersEventMap extends PayPortalEventMap {}
}
