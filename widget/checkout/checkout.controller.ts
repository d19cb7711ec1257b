/**
 * The customer's choices while paying: which rows, how much of each, tip, method, card saving and
 * text reminders. The total is computed at once with shared/quote.ts; the server's quote (the one
 * that is charged) follows, debounced, and any difference is shown before paying.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Portal, PortalQuote } from '../../shared/api/portal.ts';
import {
  computeQuote,
  type PaymentMethodKind,
  type Quote,
  type QuoteProblem,
} from '../../shared/quote.ts';
import type { PortalApi } from '../api/portal-api.ts';
import type { Localizer } from '../i18n/localize.ts';
import {
  type Checked,
  checkChoices,
  feesOf,
  isPhoneNumber,
  type PayRow,
  payRows,
  type TipSelection,
} from './choices.ts';

const QUOTE_DELAY_MS = 300;

export interface EstimateDeposit {
  estimate: string;
  /** The estimate's number, as the customer knows it. */
  number: string;
  amount: number;
}

export class CheckoutController implements ReactiveController {
  rows: PayRow[] = [];
  selected = new Set<string>();
  amountText = new Map<string, string>();
  tip: TipSelection = { kind: 'none' };
  tipText = '';
  method: PaymentMethodKind | null = null;
  saveCard = false;
  /** A saved card chosen instead of a new one (customers who saved one start with it). */
  savedCard: string | null = null;
  smsReminders = false;
  phone = '';
  /** Set when the customer leaves the phone field or tries to pay: errors show from then on. */
  phoneTouched = false;
  serverQuote: PortalQuote | null = null;
  quoteFailed = false;
  /**
   * The deposit of an approved estimate, paid instead of invoices: on its own (no invoices,
   * balance or tip), so the rows, the tip and the server's quote step aside meanwhile.
   */
  deposit: EstimateDeposit | null = null;
  /** What the server refused of the choices (422 when paying), while they stay the same. */
  private refused: { key: string; problem: QuoteProblem } | null = null;
  private quotedKey = '';
  private pendingKey = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | null = null;
  private portal: Portal | null = null;
  private l: Localizer | null = null;
  private api: PortalApi | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancelQuote();
  }

  /** Starts over for a newly loaded portal: every open row chosen, in full, no tip. */
  reset(portal: Portal, l: Localizer, api: PortalApi): void {
    this.cancelQuote();
    this.portal = portal;
    this.l = l;
    this.api = api;
    this.rows = payRows(portal);
    this.selected = new Set(this.rows.map((row) => row.key));
    this.amountText = new Map(this.rows.map((row) => [row.key, l.amountInput(row.amountDue)]));
    this.tip = { kind: 'none' };
    this.tipText = '';
    this.method = portal.payment_methods[0]?.type ?? null;
    this.saveCard = false;
    this.savedCard = portal.saved_payment_methods[0]?.id ?? null;
    this.refused = null;
    this.smsReminders = false;
    // The number on file starts the field; the customer may change it (issue 11).
    this.phone = portal.customer.phone ?? '';
    this.phoneTouched = false;
    this.serverQuote = null;
    this.quoteFailed = false;
    this.quotedKey = '';
    this.deposit = null;
    this.more = null;
    this.changed();
  }

  /** Pays an approved estimate's deposit (until the account is loaded again, or `deposit` is null). */
  payDeposit(deposit: EstimateDeposit | null): void {
    this.cancelQuote();
    this.deposit = deposit;
    this.refused = null;
    this.changed();
  }

  /** The locale changed but the data did not: typed figures keep their value, new separator. */
  relocalize(l: Localizer): void {
    this.l = l;
    this.host.requestUpdate();
  }

  get checked(): Checked {
    const refused = this.refused;
    const plain = this.plain();
    if (!refused || this.deposit || refused.key !== JSON.stringify(plain.input)) return plain;
    return checkChoices(this.l!, this.portal!, this.rows, this, [refused.problem]);
  }

  /** The server refused these choices: shown at the field until the customer changes them. */
  refuse(problem: QuoteProblem): void {
    this.refused = { key: this.key(), problem };
    this.host.requestUpdate();
  }

  get localQuote(): Quote {
    return computeQuote(this.checked.input, feesOf(this.portal!));
  }

  /** The server's figures when they answer the customer's current choices, else null. */
  get currentServerQuote(): PortalQuote | null {
    return this.serverQuote && this.quotedKey === this.key() ? this.serverQuote : null;
  }

  get phoneError(): boolean {
    return this.smsReminders && !isPhoneNumber(this.phone);
  }

  /** The consent the customer gives by ticking the box, recorded with the payment. */
  smsConsent(): { phone: string; text: string } | null {
    if (!this.smsReminders) return null;
    return { phone: this.phone.trim(), text: this.l!.t.smsConsent(this.portal!.business.name) };
  }

  /** "Show more invoices": loading, or the last try failed. */
  more: 'loading' | 'failed' | null = null;

  /** The next page of open invoices, added as rows not chosen yet (issue 13). */
  async showMoreInvoices(): Promise<void> {
    const portal = this.portal;
    const last = portal?.invoices.at(-1);
    if (!portal || !last || this.more === 'loading') return;
    this.more = 'loading';
    this.host.requestUpdate();
    try {
      const page = await this.api!.invoices(last.id);
      const known = new Set(portal.invoices.map((invoice) => invoice.id));
      portal.invoices.push(...page.data.filter((invoice) => !known.has(invoice.id)));
      portal.invoices_summary = { ...portal.invoices_summary, has_more: page.has_more };
      this.rows = payRows(portal);
      for (const row of this.rows) {
        if (!this.amountText.has(row.key)) {
          this.amountText.set(row.key, this.l!.amountInput(row.amountDue));
        }
      }
      this.more = null;
    } catch {
      this.more = 'failed';
    }
    this.changed();
  }

  toggleRow(key: string, on: boolean): void {
    if (on) this.selected.add(key);
    else this.selected.delete(key);
    this.changed();
  }

  setAmount(key: string, text: string): void {
    this.amountText.set(key, text);
    this.changed();
  }

  setTip(tip: TipSelection): void {
    this.tip = tip;
    this.changed();
  }

  setTipText(text: string): void {
    this.tipText = text;
    this.changed();
  }

  setMethod(method: PaymentMethodKind): void {
    this.method = method;
    this.changed();
  }

  setOptions(
    options: Partial<
      Pick<CheckoutController, 'saveCard' | 'savedCard' | 'smsReminders' | 'phone' | 'phoneTouched'>
    >,
  ): void {
    Object.assign(this, options);
    this.host.requestUpdate();
  }

  /** The choices as a quote input; a deposit is quoted as an amount paid to the account. */
  private plain(): Checked {
    const { deposit } = this;
    if (!deposit) return checkChoices(this.l!, this.portal!, this.rows, this);
    const input = { invoices: [], balance_amount: deposit.amount, tip: null, method: this.method };
    return { input, errors: new Map() };
  }

  private key(): string {
    return JSON.stringify(this.plain().input);
  }

  /** Every change redraws at once and asks the server again once the customer pauses. */
  private changed(): void {
    this.host.requestUpdate();
    const key = this.key();
    // The portal's quote knows invoices and balance, not deposits: the payment's answer tells.
    if (key === this.pendingKey || !this.api || this.deposit) return;
    this.cancelQuote();
    this.quoteFailed = false;
    if (key === this.quotedKey) return;
    if (this.checked.errors.size > 0) return;
    this.pendingKey = key;
    this.timer = setTimeout(() => void this.fetchQuote(key), QUOTE_DELAY_MS);
  }

  private async fetchQuote(key: string): Promise<void> {
    const api = this.api!;
    this.abort = new AbortController();
    try {
      const quote = await api.quote(JSON.parse(key), this.abort.signal);
      if (key !== this.key()) return;
      this.serverQuote = quote;
      this.quotedKey = key;
    } catch (error) {
      if ((error as Error).name === 'AbortError' || key !== this.key()) return;
      this.quoteFailed = true;
    } finally {
      if (this.pendingKey === key) this.pendingKey = '';
    }
    this.host.requestUpdate();
  }

  private cancelQuote(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.abort = null;
    this.pendingKey = '';
  }

  /** Resolves once the server has quoted the current choices (or failed to). */
  async settled(): Promise<void> {
    while (this.pendingKey) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
