/**
 * The estimates on the link, for `<pay-portal>`: loads `<pay-portal-estimate>` when an account
 * has an estimate to show, hands an approved estimate's deposit to the payment block (and the
 * invoices back on "Not now"), and after a decision reads the account again in place, with no
 * loading state, so the estimates show the server's status while the decided one keeps its step.
 */
import type { LitElement, ReactiveControllerHost } from 'lit';
import type { Portal } from '../../shared/api/portal.ts';
import type { PortalApi } from '../api/portal-api.ts';
import type { EstimateDeposit } from '../checkout/checkout.controller.ts';
import type { DepositDetail, EstimateDecidedDetail } from '../pay-portal-estimate/events.ts';
import { EstimateViewLoader } from './estimate-loader.ts';
import { type EstimatesContext, keepShown } from './estimates.ts';

/** The element the estimates are drawn in. */
export type EstimatesHost = ReactiveControllerHost & {
  readonly renderRoot: HTMLElement | DocumentFragment;
};

/** The account the estimates belong to, as far as they touch it. */
export interface EstimatesAccount {
  /** The account on screen, or null. */
  readonly portal: Portal | null;
  readonly api: PortalApi;
  /** Counts the account's loads: an answer read for an older load is dropped. */
  readonly loads: number;
  /** Shows the account with a change (here: estimates read again after a decision). */
  patch(change: Partial<Portal>): void;
}

/** The payment block takes `deposit` on its own, or (null) the invoices again. */
export type PayDeposit = (deposit: EstimateDeposit | null) => void;

/** Holds its state and asks the host to redraw; it needs no lifecycle hooks of its own. */
export class EstimatesController {
  readonly loader: EstimateViewLoader;

  constructor(
    private readonly host: EstimatesHost,
    private readonly account: EstimatesAccount,
    private readonly payDeposit: PayDeposit,
  ) {
    this.loader = new EstimateViewLoader(() => host.requestUpdate());
  }

  /** A newly loaded account: the estimate view loads once there is an estimate to show. */
  reset(portal: Portal): void {
    if (portal.estimates.length > 0) void this.loader.open();
  }

  /**
   * What renderEstimates draws from (the account's view calls it, in a lazy part); `paying`: the
   * estimate whose deposit the payment block is taking, if any.
   */
  context(
    portal: Portal,
    link: { apiBase: string; token: string; paying: string | null },
  ): EstimatesContext {
    return {
      ...link,
      estimates: portal.estimates,
      loader: this.loader,
      main: portal.link.kind === 'estimate',
      onDeposit: this.onDeposit,
      onDecided: this.onDecided,
    };
  }

  /** An estimate asks for its deposit: the payment block takes it, on its own. */
  private onDeposit = async (event: CustomEvent<DepositDetail>): Promise<void> => {
    const { estimate, amount } = event.detail;
    const number = this.account.portal?.estimates.find((e) => e.id === estimate)?.number ?? '';
    this.payDeposit({ estimate, number, amount });
    // After the estimate's own step has drawn (and focused) its thank-you, focus the payment.
    await (event.target as LitElement).updateComplete;
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#payment-title')?.focus();
  };

  /** "Not now": the deposit waits (the estimate keeps its button); invoices come back. */
  leaveDeposit = async (): Promise<void> => {
    this.payDeposit(null);
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#estimates-title')?.focus();
  };

  /**
   * An estimate was approved or declined: the account is read again in place (no loading
   * state), so the estimates show the server's status and deposit due while the decided one
   * keeps its step on screen and a deposit being paid stays.
   */
  private onDecided = async (event: CustomEvent<EstimateDecidedDetail>): Promise<void> => {
    const { account } = this;
    const load = account.loads;
    const fresh = await account.api.portal().catch(() => null);
    const { portal } = account;
    if (!fresh || load !== account.loads || !portal) return;
    account.patch({ estimates: keepShown(portal.estimates, fresh.estimates, event.detail) });
  };
}
