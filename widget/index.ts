/**
 * The `<pay-portal>` package: importing it (or loading pay-portal.js) defines the element.
 * Built by Vite into dist/widget/pay-portal.mjs (module) and pay-portal.js (classic script).
 */
import './pay-portal/define.ts';

export type { BalanceState, LinkKind, Portal, PortalPayment } from '../shared/api/portal.ts';
export type {
  PayPortalErrorDetail,
  PayPortalEventMap,
  PayPortalPaidDetail,
  PayPortalReadyDetail,
} from './pay-portal/events.ts';
export { PayPortal } from './pay-portal/pay-portal.ts';
