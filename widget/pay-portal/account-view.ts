/**
 * The account as the customer sees it once it has loaded: the balance (with recent charges), the
 * invoice a link is for, the invoices to pick, the tip, the payment block, the estimates (with a
 * deposit's payment block below them), the statement and the footer. Drawn from the controllers
 * that come with it (account-parts.ts); this template is in the lazy account view
 * (account-view.part.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Portal } from '../../shared/api/portal.ts';
import type { PortalApi } from '../api/portal-api.ts';
import { renderBalanceSummary } from '../balance-summary/balance-summary.ts';
import type { CheckoutController } from '../checkout/checkout.controller.ts';
import type { EstimatesController } from '../estimates/estimates.controller.ts';
import { renderEstimates } from '../estimates/estimates.ts';
import type { Localizer } from '../i18n/localize.ts';
import { renderInvoicePicker } from '../invoice-picker/invoice-picker.ts';
import type { InvoiceViewController } from '../invoice-view/invoice-view.controller.ts';
import { renderLinkInvoice } from '../invoice-view/invoice-view.ts';
import { type PaymentBlockState, renderPaymentBlock } from '../payment-block/payment-block.ts';
import type { RecentChargesController } from '../recent-charges/recent-charges.controller.ts';
import { renderRecentCharges } from '../recent-charges/recent-charges.ts';
import { renderStatement } from '../statement/statement.ts';
import { renderTipSelector } from '../tip-selector/tip-selector.ts';

export interface AccountViewContext {
  portal: Portal;
  api: PortalApi;
  link: { apiBase: string; token: string };
  checkout: CheckoutController;
  charges: RecentChargesController;
  invoices: InvoiceViewController;
  estimates: EstimatesController;
  block: PaymentBlockState;
  /** The business's header and contact details, drawn by the entry (its notices use them too). */
  header: TemplateResult;
  contact: TemplateResult | typeof nothing;
  openHistory: () => void;
}

export function renderAccount(l: Localizer, c: AccountViewContext): TemplateResult {
  const { portal, api, link, checkout } = c;
  const outstanding = portal.balance.state === 'outstanding';
  const deposit = checkout.deposit !== null;
  const payable = checkout.rows.length > 0 && !deposit;
  const resolve = (path: string) => api.resolve(path);
  const viewInvoice = portal.link.kind === 'customer' ? c.invoices.open : null;
  // Invoices are paid above the estimates; a deposit below them, by the estimate it is for.
  const payment = renderPaymentBlock(l, portal, checkout, c.block);
  const paying = checkout.deposit?.estimate ?? null;
  return html`
    ${c.header}
    ${
      portal.link.kind === 'estimate'
        ? nothing
        : renderBalanceSummary(l, portal, outstanding ? renderRecentCharges(l, c.charges) : '')
    }
    ${renderLinkInvoice(l, c.invoices, portal, link)}
    ${payable ? renderInvoicePicker(l, portal, checkout, resolve, viewInvoice) : nothing}
    ${payable ? renderTipSelector(l, portal, checkout) : nothing}
    ${payable ? payment : nothing}
    ${renderEstimates(l, portal, c.estimates.context(portal, { ...link, paying }))}
    ${deposit ? payment : nothing}
    ${portal.link.kind === 'customer' ? renderStatement(l, api.statementUrl()) : nothing}
    <footer class="section footer" part="footer">
      <button class="link-button" type="button" @click=${c.openHistory}>${l.t.historyLink}</button>
      ${c.contact}
    </footer>
  `;
}
