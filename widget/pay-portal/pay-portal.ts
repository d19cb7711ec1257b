// Past 300 lines for a reason: some 60 of them are the element's JSDoc contract (attributes,
// events, parts, custom properties), which the README's embedding section is written from; the
// behaviour lives in the controllers it holds (the account's, account.controller.ts, a field;
// those that come with the account's view, account-parts.ts: choices, Pay and its form,
// estimates, the invoice document).
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Portal, PortalPayment, SavedPaymentMethod } from '../../shared/api/portal.ts';
import { defaultApiBase } from '../api/script-origin.ts';
import { applyBrand } from '../business-header/brand.ts';
import { renderBusinessHeader, renderContact } from '../business-header/business-header.ts';
import { HistoryController } from '../history/history.controller.ts';
import type { Localizer } from '../i18n/localize.ts';
import { loadAccessForm } from '../lazy/lazy.ts';
import type { AccessController } from '../pay-portal-access/access-controller.ts';
import { slotHost } from '../payment-block/payment-block.ts';
import { renderDeadLink, renderFailed, renderSkeleton } from '../status/status.ts';
import { AccountController } from './account.controller.ts';
import type { AccountParts } from './account-parts.ts';
import { emit } from './events.ts';
import { LazyView } from './lazy-view.ts';
import { LocalizerCache } from './messages.ts';
import { payPortalStyles } from './pay-portal.styles.ts';
import { tokenFromHash } from './token-hash.ts';
import { loadAccountView, loadConfirmationView, loadHistoryView } from './view-parts.ts';
import { renderViewPlaceholder } from './view-placeholder.ts';

type View =
  | 'loading'
  | 'portal'
  | 'dead'
  | 'failed'
  | 'history'
  | 'confirmation'
  | 'invoice'
  | 'access';

/**
 * A customer's account with a business, from a payment link: balance, recent charges, open
 * invoices, tip, convenience fee and total, and the payment: the provider's form (the sandbox's
 * test form, or Stripe's Payment Element in the light-DOM `payment-form` slot), loaded when the
 * payment block first shows, and the confirmation. An invoice is shown as a document by
 * `<pay-portal-invoice>` (heading an invoice link; "View invoice" on a customer link), estimates
 * each by a `<pay-portal-estimate>`: lazy parts, loaded when first shown. An approved
 * estimate's deposit is paid through the same payment block.
 *
 * @summary The customer payment portal, for a link token.
 * @tag pay-portal
 *
 * @attr token - The payment link's token (the last part of the link URL). Changing it reloads.
 * @attr api-base - The backend's origin, e.g. `https://pay.example.com`. Default: the origin of the script that defined the element.
 * @attr business - A business's slug: without a token, the element shows its "Pay your bill" form (a fresh link by email or text). A `#token=…` in the page's URL opens the portal instead.
 * @attr locale - A BCP 47 language tag (`es`, `es-MX`, `en-GB`). Default: the customer's language when the business chose one, else the browser's. English and Spanish are complete.
 *
 * @fires pay-portal-ready - The account is shown. `detail`: `{ kind, balance: { amount, state }, currency }`.
 * @fires pay-portal-paid - The server reports a payment succeeded. `detail`: `{ payment, amount, currency, receipt_number }`.
 * @fires pay-portal-error - The account could not be shown. `detail`: `{ code, message }`; `code` is `link_invalid`, `network_error`, `rate_limited`, `origin_not_allowed` (the page is not one the business allows) or another API error code.
 *
 * @slot payment-form - A light-DOM child where Stripe's Payment Element mounts (Stripe Elements cannot live in a shadow root). See `paymentFormHost`.
 *
 * @csspart card - The card around everything.
 * @csspart skeleton - The loading placeholder.
 * @csspart notice - The dead-link and connection-problem messages.
 * @csspart retry-button - The "Try again" button.
 * @csspart header - The business's logo and name.
 * @csspart logo - The logo image, or the initial standing in for it.
 * @csspart test-badge - The "Test mode" badge.
 * @csspart balance - The balance block.
 * @csspart recent-charges - The "View recent charges" expander.
 * @csspart invoices - The invoices to pay.
 * @csspart invoice-document - The invoice shown as a document (printed alone).
 * @csspart estimates - The estimates on the link.
 * @csspart tips - The tip selector.
 * @csspart payment - The payment block (method, saved cards, options, totals, button).
 * @csspart saved-cards - The saved cards list.
 * @csspart payment-form - The region around the `payment-form` slot.
 * @csspart totals - Subtotal, tip, fee and total.
 * @csspart pay-button - The pay button.
 * @csspart sandbox-form - The sandbox's test form ("Test mode").
 * @csspart three-d-secure - The sandbox's 3-D Secure step (a dialog).
 * @csspart confirmation - The payment confirmation.
 * @csspart receipt-link - "Download receipt (PDF)".
 * @csspart print-receipt - "Print receipt" (prints the receipt alone).
 * @csspart history - The payment history.
 * @csspart statement - "Account statement": the period and the PDF (customer links).
 * @csspart footer - The footer (payment history link, business contact).
 * @csspart contact - The business's address, phone and email.
 *
 * @cssprop --pay-portal-brand - Buttons, links, selection. Default: the business's brand colour.
 * @cssprop --pay-portal-on-brand - Text on the brand colour. Default: white or near-black, whichever reads (the brand darkened when neither reaches 4.5:1).
 * @cssprop --pay-portal-brand-text - Links and text in the brand colour. Default: `--pay-portal-brand` if set, else the business's brand darkened until it reaches 4.5:1 on the page.
 * @cssprop --pay-portal-font - Font family. Default: the system UI font.
 * @cssprop --pay-portal-radius - Corner radius of the card (controls use a share of it). Default: 12px.
 * @cssprop --pay-portal-space - Base spacing. Default: 16px.
 * @cssprop --pay-portal-text - Text colour. Default: #111827.
 * @cssprop --pay-portal-muted - Secondary text. Default: #4b5563.
 * @cssprop --pay-portal-background - Card background. Default: #ffffff.
 * @cssprop --pay-portal-surface - Totals and receipt panels. Default: #f9fafb.
 * @cssprop --pay-portal-border - Borders. Default: #e5e7eb.
 * @cssprop --pay-portal-danger - Errors. Default: #b91c1c.
 * @cssprop --pay-portal-success - Paid and success marks. Default: #047857.
 */
export class PayPortal extends LitElement {
  static override styles = payPortalStyles;

  /** The payment link's token. */
  @property() token = '';
  /** The backend's origin; empty means the origin of the script that defined the element. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** The customer's language; empty means the browser's. */
  @property() locale = '';
  /** A business's slug, for its "Pay your bill" form when there is no token. */
  @property() business = '';

  @state() private view: View = 'loading';
  @state() private payment: PortalPayment | null = null;
  private focusOnUpdate = false;
  private readonly account = new AccountController(this, {
    status: (status) => {
      this.view = status === 'ready' ? 'portal' : status;
    },
    loaded: (portal, api) => {
      this.history.reset(api);
      this.accountParts()?.reset(portal, this.localizer, api);
    },
    forgotten: () => this.parts?.forms.close(),
    parts: async () => {
      // The account's view (a lazy part) comes in parallel with the account: it draws at once.
      await Promise.all([this.messages.load(this.language()), this.views.account.open()]);
    },
    customerLanguage: (portal): Promise<void> => this.messages.load(this.language(portal)),
    // An estimate link's estimate, an invoice link's invoice: there when the account draws.
    heading: async (portal) => this.accountParts()?.heading(portal),
  });
  private readonly history = new HistoryController(this);
  /**
   * Choices, Pay and its form, recent charges, estimates and the invoice document
   * (account-parts.ts): made with the account's view, once it has come.
   */
  private parts: AccountParts | null = null;
  private readonly messages = new LocalizerCache();
  /** Lazy views (view-parts.ts): the account's, with the account; history; confirmation. */
  private readonly views = {
    account: new LazyView(this, loadAccountView),
    history: new LazyView(this, loadHistoryView),
    confirmation: new LazyView(this, loadConfirmationView),
  };
  /** The "Pay your bill" form's controller, loaded only when there is no token (lazy part). */
  private access: AccessController | null = null;

  /** The account view's controllers, made once the account's view has come (else null). */
  private accountParts(): AccountParts | null {
    const views = this.views.account.part;
    if (views) this.parts ??= new views.AccountParts(this, this.account, () => this.go('invoice'));
    return this.parts;
  }

  /** The page's `locale`, else the language the business chose for the customer, else the browser's. */
  private language(portal: Portal | null = this.account.portal): string {
    return this.locale || portal?.customer.locale || navigator.language;
  }

  /** Focus goes to the view's `[data-focus]` after the next update. @internal */
  focusNext(): void {
    this.focusOnUpdate = true;
  }

  /**
   * The customer's language and the business's currency, for every figure and message.
   * @internal
   */
  get localizer(): Localizer {
    return this.messages.get(
      this.language(),
      this.account.portal?.currency ?? 'usd',
      this.account.portal?.time_zone,
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated && !this.token) this.token = tokenFromHash();
    if (changed.has('token') || changed.has('apiBase') || changed.has('business'))
      void this.reload();
    else if (changed.has('locale') && this.account.portal) {
      this.parts?.checkout.relocalize(this.localizer);
      void this.messages.load(this.language()).then(() => {
        this.parts?.checkout.relocalize(this.localizer);
        this.requestUpdate();
      });
    }
  }

  protected override updated(): void {
    const card = this.renderRoot.querySelector<HTMLElement>('.card');
    const business = this.account.portal?.business ?? this.account.knownBusiness();
    if (card) applyBrand(card, business?.brand_color ?? this.access?.brandColor ?? undefined);
    if (!this.focusOnUpdate) return;
    const target = this.renderRoot.querySelector<HTMLElement>('[data-focus]');
    if (!target) return; // still loading: focus the view that follows
    this.focusOnUpdate = false;
    target.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while loading: the load was cancelled on the way out; start it again.
    if (this.hasUpdated && this.view === 'loading') void this.reload();
  }

  /** Fetches the account again (a new token, a retry, after a payment). */
  async reload(): Promise<void> {
    if (!this.token && this.business) {
      this.view = 'access';
      const part = await loadAccessForm();
      this.access ??= new part.AccessController(this, { html, nothing });
      return this.access.open(this.apiBase || defaultApiBase, this.business);
    }
    await this.account.load();
  }

  /**
   * What the pay button does: checks the customer's choices and the payment form, makes the
   * payment (a new Idempotency-Key each time), has the provider's form confirm it, and shows the
   * outcome: the confirmation (`showPayment`), a failure with "Try another card", a new total
   * to accept, or what to correct.
   */
  async startPayment(): Promise<void> {
    await this.parts?.pay.start();
  }

  /**
   * The light-DOM child slotted into `payment-form`, made on first use: Stripe's Payment Element
   * mounts here because Stripe Elements cannot be mounted inside a shadow root (stripe-js issues
   * #399 and #662). The sandbox's test form is the element's own and renders in its shadow root.
   */
  get paymentFormHost(): HTMLElement {
    return slotHost(this, 'payment-form');
  }

  /** What `POST /v1/portal/:token/payments` needs, or null while a choice is invalid. */
  paymentRequest() {
    return this.parts?.pay.request() ?? null;
  }

  /**
   * Shows the confirmation of a payment the server knows. Fires `pay-portal-paid` only when the
   * server says it succeeded.
   */
  async showPayment(paymentId: string): Promise<void> {
    const [payment] = await Promise.all([
      this.account.api.payment(paymentId),
      this.views.confirmation.open(),
    ]);
    await this.reload();
    this.payment = payment;
    this.go('confirmation');
    if (payment.status === 'succeeded') {
      emit(this, 'pay-portal-paid', {
        payment: payment.id,
        amount: payment.amount,
        currency: payment.currency,
        receipt_number: payment.receipt_number ?? null,
      });
    }
  }

  private go(view: View): void {
    this.view = view;
    this.focusOnUpdate = true;
  }

  private retry = (): void => {
    this.focusOnUpdate = true;
    void this.reload();
  };

  private openHistory = (): void => {
    this.go('history');
    void this.history.load();
    void this.views.history.open();
  };

  private back = (): void => this.go('portal');

  private removeCard = async (card: SavedPaymentMethod): Promise<void> => {
    const { account } = this;
    if (await this.parts?.pay.removeCard(account.api, card.id)) {
      const cards = account.portal!.saved_payment_methods;
      account.patch({ saved_payment_methods: cards.filter((c) => c !== card) });
      // The button that had focus is gone: focus goes to the block it was in.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#payment-title')?.focus();
    }
  };

  protected override render(): TemplateResult {
    const l = this.localizer;
    return html`<div class="card" part="card" lang=${l.locale}>${this.renderView(l)}</div>`;
  }

  private renderView(l: Localizer): TemplateResult {
    const { portal, api } = this.account;
    if (this.view === 'loading') return renderSkeleton(l);
    if (this.view === 'access') {
      return this.access?.render(renderSkeleton(l), l.locale) ?? renderSkeleton(l);
    }
    if (this.view === 'dead') return renderDeadLink(l, this.account.knownBusiness());
    if (this.view === 'failed' || !portal) {
      return renderFailed(l, this.account.errorCode, this.retry);
    }
    const header = renderBusinessHeader(l, portal);
    const link = { apiBase: this.apiBase || defaultApiBase, token: this.token };
    const views = this.views.account.part;
    const { parts } = this;
    // The account's view could not load: "Try again" loads the account again, and it with it.
    if (!views || !parts) return html`${header}${renderFailed(l, 'network_error', this.retry)}`;
    if (this.view === 'invoice') {
      return html`${header}${views.renderOpenedInvoice(l, parts.invoices, portal, link, this.back)}`;
    }
    if (this.view === 'history') {
      const view = this.views.history;
      return html`${header}${
        view.part?.renderHistory(
          l,
          this.history,
          (payment) => api.receiptUrl(payment),
          this.back,
        ) ?? renderViewPlaceholder(l, view, 'history', l.t.historyLoading)
      }`;
    }
    if (this.view === 'confirmation' && this.payment) {
      const view = this.views.confirmation;
      if (!view.part) return html`${header}${renderViewPlaceholder(l, view, 'confirmation', '')}`;
      return html`${header}${view.part.renderConfirmation(l, {
        payment: this.payment,
        customerName: portal.customer.name,
        receiptUrl: api.receiptUrl(this.payment),
        remaining: portal.balance.state === 'outstanding' ? portal.balance.amount : 0,
        payAgain: this.back,
        back: this.back,
      })}`;
    }
    return views.renderAccount(l, {
      portal,
      api,
      link,
      checkout: parts.checkout,
      charges: parts.charges,
      invoices: parts.invoices,
      estimates: parts.estimates,
      block: parts.pay.blockState(this.removeCard, parts.estimates.leaveDeposit),
      header,
      contact: renderContact(l, portal.business),
      openHistory: this.openHistory,
    });
  }
}
