/**
 * Loads the link's account for `<pay-portal>` (`GET /v1/portal/:token`), as @lit/task's Task
 * loads: one load at a time (a new one aborts the last, whose answer is dropped, and so does the
 * element leaving the page), the API's error code when it fails (a 404 is a dead link), the
 * business of the last account shown (named again if its link dies), and the link's view counted
 * once per page load, after the account is on screen.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Portal, PortalBusiness } from '../../shared/api/portal.ts';
import { PortalApi, PortalApiError } from '../api/portal-api.ts';
import { defaultApiBase } from '../api/script-origin.ts';
import { emit } from './events.ts';

export type AccountStatus = 'loading' | 'ready' | 'dead' | 'failed';

/** The element, as far as loading its account goes. */
export interface AccountHost extends ReactiveControllerHost, EventTarget {
  readonly token: string;
  readonly apiBase: string;
}

export interface AccountHooks {
  /** Where the load stands, for the element to show. */
  status(status: AccountStatus): void;
  /** A newly loaded account, before it is drawn: the parts start over with it. */
  loaded(portal: Portal, api: PortalApi): void;
  /** Another link is loading: nothing of the last one shows. */
  forgotten(): void;
  /**
   * What the account is drawn with, loaded while it is: the customer's language and the lazy
   * views the first paint needs (never fails: English stays; a view that cannot load says so).
   */
  parts(): Promise<void>;
  /** The language the business chose for the customer, loaded before the account is drawn. */
  customerLanguage(portal: Portal): Promise<void>;
  /** What heads this account's page, when it is a part of its own, loaded before it is drawn. */
  heading(portal: Portal): Promise<void>;
}

export class AccountController implements ReactiveController {
  /** The account on screen, or null. */
  portal: Portal | null = null;
  /** Why the account could not be shown: the API's error code. */
  errorCode = '';
  api = new PortalApi(defaultApiBase, '');
  /** Counts the loads: an answer for an older one is dropped. */
  loads = 0;
  private abort: AbortController | null = null;
  /** The business of the last account shown, and its token: named again if that link dies. */
  private business: { token: string; business: PortalBusiness } | null = null;
  /** The links whose view was counted: once per page load, not on each reload (a retry, a payment). */
  private readonly viewed = new Set<string>();

  constructor(
    private readonly host: AccountHost,
    private readonly hooks: AccountHooks,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** The business behind the current token, when this element has seen it. */
  knownBusiness(): PortalBusiness | null {
    return this.business?.token === this.host.token ? this.business.business : null;
  }

  /** Shows the account with a change made here (estimates read again, a card removed). */
  patch(change: Partial<Portal>): void {
    this.portal = { ...this.portal!, ...change };
    this.host.requestUpdate();
  }

  async load(): Promise<void> {
    const { host } = this;
    const load = ++this.loads;
    this.abort?.abort();
    this.abort = new AbortController();
    this.api = new PortalApi(host.apiBase || defaultApiBase, host.token);
    this.hooks.status('loading');
    if (!this.knownBusiness()) {
      this.portal = null; // another link: nothing of the last one shows
      this.hooks.forgotten();
    }
    try {
      if (!host.token) throw new PortalApiError(404, 'link_invalid', 'No payment link token.');
      const [portal] = await Promise.all([this.api.portal(this.abort.signal), this.hooks.parts()]);
      await Promise.all([
        portal.customer.locale ? this.hooks.customerLanguage(portal) : null,
        this.hooks.heading(portal),
      ]);
      if (load !== this.loads) return;
      this.portal = portal;
      this.business = { token: host.token, business: portal.business };
      this.hooks.loaded(portal, this.api);
      this.hooks.status('ready');
      await host.updateComplete;
      emit(host, 'pay-portal-ready', {
        kind: portal.link.kind,
        balance: { ...portal.balance },
        currency: portal.currency,
      });
      if (!this.viewed.has(host.token)) {
        this.viewed.add(host.token);
        this.api.viewed().catch(() => {
          // Counting a view is the business's statistic; the customer is not told it failed.
        });
      }
    } catch (error) {
      if ((error as Error).name === 'AbortError' || load !== this.loads) return;
      const failure =
        error instanceof PortalApiError
          ? error
          : new PortalApiError(0, 'network_error', String(error));
      await this.hooks.parts();
      if (load !== this.loads) return;
      this.errorCode = failure.code;
      this.hooks.status(failure.status === 404 ? 'dead' : 'failed');
      emit(host, 'pay-portal-error', { code: failure.code, message: failure.message });
    }
  }
}
