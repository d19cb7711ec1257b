/**
 * The controllers only the account's view (and the views it opens) uses, made with it (a lazy
 * part, account-view.part.ts) once it has come, and started over with each account the element
 * loads: the recent charges (RecentChargesController), the customer's choices
 * (CheckoutController), what Pay does (PaymentActions, with the loader of the provider's form),
 * the estimates (EstimatesController, which loads `<pay-portal-estimate>`) and the invoice shown
 * as a document (InvoiceViewController). None of them is needed before the account is drawn, so
 * the entry script carries none of them; the account's view comes in parallel with the account,
 * so they are here by the time it is drawn. (The payment history's controller stays in the
 * entry: it is small, and it is the one part here that would need the API's error class at run
 * time, which the parts' build would then split into a file of its own, one more round trip.)
 */
import type { Portal } from '../../shared/api/portal.ts';
import type { PortalApi } from '../api/portal-api.ts';
import { CheckoutController, type EstimateDeposit } from '../checkout/checkout.controller.ts';
import { type EstimatesAccount, EstimatesController } from '../estimates/estimates.controller.ts';
import type { Localizer } from '../i18n/localize.ts';
import { InvoiceViewController } from '../invoice-view/invoice-view.controller.ts';
import { FormLoader } from '../payment-block/form-loader.ts';
import { PaymentActions } from '../payment-block/payment-actions.ts';
import { RecentChargesController } from '../recent-charges/recent-charges.controller.ts';

/** The element, as its choices, its Pay button, its estimates and its recent charges need it. */
type Host = ConstructorParameters<typeof PaymentActions>[0];

export class AccountParts {
  readonly charges: RecentChargesController;
  readonly checkout: CheckoutController;
  /** The provider's form, loaded when the payment block first shows. */
  readonly forms: FormLoader;
  readonly pay: PaymentActions;
  readonly estimates: EstimatesController;
  readonly invoices: InvoiceViewController;

  /** `showInvoice`: the element goes to the view of the invoice opened from a customer link. */
  constructor(host: Host, account: EstimatesAccount, showInvoice: () => void) {
    this.charges = new RecentChargesController(host);
    this.checkout = new CheckoutController(host);
    this.forms = new FormLoader(
      () => this.pay.formHost(),
      () => host.requestUpdate(),
    );
    this.pay = new PaymentActions(host, this.checkout, this.forms);
    this.estimates = new EstimatesController(host, account, (deposit) => {
      this.payDeposit(deposit, account.portal!, account.api);
    });
    this.invoices = new InvoiceViewController(host, showInvoice);
  }

  /** A newly loaded account: every part starts over with it. */
  reset(portal: Portal, l: Localizer, api: PortalApi): void {
    this.charges.reset(api);
    this.checkout.reset(portal, l, api);
    this.pay.reset(portal, api, this.checkout.rows.length > 0);
    this.estimates.reset(portal);
    this.invoices.reset(portal);
  }

  /**
   * The element that heads the page, when one does (an estimate link's estimate, an invoice
   * link's invoice): loaded before the account is drawn, so that nothing moves when it comes.
   * A load that fails still lets the account draw, with "Try again" in its place.
   */
  heading(portal: Portal): Promise<void> {
    const { kind } = portal.link;
    if (kind === 'estimate' && portal.estimates.length > 0) return this.estimates.loader.open();
    if (kind === 'invoice' && portal.invoices.length > 0) return this.invoices.loader.open();
    return Promise.resolve();
  }

  /** Pays an approved estimate's deposit; null: back to the invoices (the block shows if any). */
  payDeposit(deposit: EstimateDeposit | null, portal: Portal, api: PortalApi): void {
    this.checkout.payDeposit(deposit);
    this.pay.reset(portal, api, deposit !== null || this.checkout.rows.length > 0);
  }
}
