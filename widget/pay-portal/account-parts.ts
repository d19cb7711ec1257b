/**
 * The controllers only the account's view uses, made with it (a lazy part, account-view.part.ts)
 * once it has come, and started over with each account the element loads: the recent charges
 * (RecentChargesController), the customer's choices (CheckoutController) and what Pay does
 * (PaymentActions, with the element's loader of the provider's form, which stays in the entry).
 */
import type { Portal } from '../../shared/api/portal.ts';
import type { PortalApi } from '../api/portal-api.ts';
import { CheckoutController, type EstimateDeposit } from '../checkout/checkout.controller.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { FormLoader } from '../payment-block/form-loader.ts';
import { PaymentActions } from '../payment-block/payment-actions.ts';
import { RecentChargesController } from '../recent-charges/recent-charges.controller.ts';

/** The element, as its choices, its Pay button and its recent charges need it. */
type Host = ConstructorParameters<typeof PaymentActions>[0];

export class AccountParts {
  readonly charges: RecentChargesController;
  readonly checkout: CheckoutController;
  readonly pay: PaymentActions;

  constructor(host: Host, forms: FormLoader) {
    this.charges = new RecentChargesController(host);
    this.checkout = new CheckoutController(host);
    this.pay = new PaymentActions(host, this.checkout, forms);
  }

  /** A newly loaded account: the charges, the choices and the payment start over with it. */
  reset(portal: Portal, l: Localizer, api: PortalApi): void {
    this.charges.reset(api);
    this.checkout.reset(portal, l, api);
    this.pay.reset(portal, api, this.checkout.rows.length > 0);
  }

  /** Pays an approved estimate's deposit; null: back to the invoices (the block shows if any). */
  payDeposit(deposit: EstimateDeposit | null, portal: Portal, api: PortalApi): void {
    this.checkout.payDeposit(deposit);
    this.pay.reset(portal, api, deposit !== null || this.checkout.rows.length > 0);
  }
}
