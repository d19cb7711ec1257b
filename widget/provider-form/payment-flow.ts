/**
 * One press of Pay, whatever the provider (docs/payments.md): the form checks its fields, the
 * payment is made (`POST …/payments` with a new Idempotency-Key for each press), the form
 * confirms it, and the server's answer becomes what the element shows (`PayResult`).
 *
 * The payment made for the customer's choices is kept: a declined card, a refused card number or
 * a changed total are followed by a confirmation of the same payment (docs/payments.md: a failed
 * payment may be confirmed again with another card), so no second payment holds the invoices.
 * Choices that changed make a new payment, after the old one, if the customer never completed it,
 * is canceled (`POST …/payments/:id/cancel`): what it held is free at once, instead of for the
 * 15 minutes a hold lasts, so the new payment is not told another payment holds the invoices.
 * So is one a page reload left behind in this tab (unconfirmed.ts).
 *
 * Loaded with the payment forms, never with the element's entry script.
 */

import type { PaymentRequest, PortalPayment } from '../../shared/api/portal.ts';
import type { PortalApiError } from '../api/portal-api.ts';
import type { Localizer } from '../i18n/localize.ts';
import { type FlowStrings, flowStrings } from './flow-strings.ts';
import type { FormContext, FormHost, PayResult } from './provider-form.ts';
import { forgetUnconfirmed, leftBehind, rememberUnconfirmed } from './unconfirmed.ts';

/** What a provider's form does for the flow. */
export interface Collector {
  /** The fields are complete and plausible (else shown at the field, focused, false). */
  ready(): Promise<boolean>;
  /**
   * Confirms the payment with what the customer entered (and the total they accepted after it
   * changed). Resolves with the payment as the server then tells it; refusals throw
   * PortalApiError (`fee_changed` carries the new figures in `error.payment`).
   */
  confirm(payment: PortalPayment, acceptTotal: number | null): Promise<PortalPayment>;
  /** Shows a refusal that names one of the form's fields; false when it names none. */
  showError(error: PortalApiError): boolean;
  /** Why a payment failed, in the customer's language. */
  failureMessage(payment: PortalPayment): string | null;
}

/** Payments that can be confirmed again (after a refusal, a decline or a new total). */
const OPEN = new Set(['requires_confirmation', 'failed']);
/** Payments the customer never completed: canceled when the choices change. */
const UNCONFIRMED = new Set([...OPEN, 'requires_action']);
const SHOWN_AGAIN = '#payment-title';

interface Attempt {
  key: string;
  payment: PortalPayment;
  /** The total the customer accepted after the card changed it. */
  accept: number | null;
}

export class PaymentFlow {
  private attempt: Attempt | null = null;

  constructor(
    private readonly host: FormHost,
    private readonly form: Collector,
  ) {}

  async pay(request: PaymentRequest): Promise<PayResult> {
    const { api, l, total: shown } = this.host.now();
    const s = flowStrings(l.lang);
    try {
      if (!(await this.form.ready())) return {};
      const key = JSON.stringify(request);
      let attempt = this.attempt;
      if (attempt?.key !== key || !OPEN.has(attempt.payment.status)) {
        this.attempt = null;
        await this.letGo(api, attempt);
        const payment = await api.createPayment(request, crypto.randomUUID());
        rememberUnconfirmed(payment.id);
        attempt = this.attempt = { key, payment, accept: null };
        // The server's figures are the ones charged: a total the customer has not seen is
        // shown first (the business changed a fee since the page loaded, say).
        if (payment.amount !== shown) return this.newTotal(s, l, payment, attempt, '');
      }
      const payment = await this.form.confirm(attempt.payment, attempt.accept);
      // Only the answer that made the payment carries its client secret (Stripe): kept.
      attempt.payment = { ...payment, client_secret: attempt.payment.client_secret };
      attempt.accept = null;
      return this.outcome(s, payment);
    } catch (error) {
      return this.refused(s, l, error as PortalApiError);
    }
  }

  /**
   * Cancels the payments this tab left uncompleted (the last one, made for other choices; one a
   * page reload left behind). One that went through after all is refused, and kept: the
   * server's checks decide what the new payment may take.
   */
  private async letGo(api: FormContext['api'], last: Attempt | null): Promise<void> {
    const own = last && UNCONFIRMED.has(last.payment.status) ? [last.payment.id] : [];
    for (const id of [...own, ...leftBehind()]) {
      await api.cancelPayment(id).catch(() => null);
      forgetUnconfirmed(id);
    }
  }

  private outcome(s: FlowStrings, payment: PortalPayment): PayResult {
    forgetUnconfirmedIfDone(payment);
    if (payment.status === 'succeeded' || payment.status === 'processing') {
      this.attempt = null;
      return { paid: payment.id };
    }
    const failure = this.form.failureMessage(payment) || s.failed;
    if (payment.status === 'failed') return { failure, focus: '.pay-failure button' };
    if (payment.status === 'canceled') {
      this.attempt = null;
      return { reload: true, notice: s.canceled, focus: SHOWN_AGAIN };
    }
    return { notice: failure };
  }

  /** A refusal (or no answer), where the customer can act on it. */
  private refused(s: FlowStrings, l: Localizer, error: PortalApiError): PayResult {
    const details = error.error ?? {};
    const attempt = this.attempt;
    switch (error.code) {
      case 'fee_changed':
        if (!attempt) break;
        return this.newTotal(s, l, details.payment as PortalPayment, attempt, 'why');
      case 'amount_unavailable': {
        this.attempt = null;
        const left = Number(details.amount_available ?? 0);
        const notice = left > 0 ? s.amountLeft(l.money(left)) : s.amountHeld;
        return { reload: true, notice, focus: SHOWN_AGAIN };
      }
      case 'payment_canceled':
        if (attempt) forgetUnconfirmed(attempt.payment.id);
        this.attempt = null;
        return { reload: true, notice: s.canceled, focus: SHOWN_AGAIN };
      case 'payment_already_succeeded':
        if (attempt) return this.outcome(s, { ...attempt.payment, status: 'succeeded' });
        break;
      case 'payment_in_progress':
        return { notice: s.inProgress };
      case 'deposit_not_due':
      case 'estimate_not_approved':
      case 'estimate_invoiced':
        return { notice: s.depositGone };
      case 'invoice_voided': {
        // Staff voided it since the page loaded. A customer link reads the account again (the
        // invoice is gone from it); an invoice link is dead now, so the notice stays instead.
        this.attempt = null;
        const { portal } = this.host.now();
        const notice = s.voided(portal.business.name);
        return portal.link.kind === 'customer'
          ? { reload: true, notice, focus: SHOWN_AGAIN }
          : { notice };
      }
      case 'network_error':
        return { notice: s.offline };
      case 'rate_limited':
        return { notice: s.busy };
    }
    if (error.code && this.form.showError(error)) return { notice: l.t.fixErrors };
    if (error.status === 422 && error.param) {
      const { param, code, message } = error;
      return {
        refused: { param, code, message } as PayResult['refused'],
        notice: l.t.fixErrors,
        focus: '[aria-invalid="true"]',
      };
    }
    return { notice: s.failed };
  }

  /** The payment's total is not the one shown: shown, with why, for the next press to accept. */
  private newTotal(
    s: FlowStrings,
    l: Localizer,
    payment: PortalPayment,
    attempt: Attempt,
    why: '' | 'why',
  ): PayResult {
    attempt.accept = payment.amount;
    const fee = payment.fee ?? 0;
    const funding = payment.funding ? s.funding[payment.funding] : undefined;
    const reason = !why
      ? ''
      : funding && fee === 0
        ? s.feeNone(funding)
        : fee > 0
          ? s.feeApplies(l.money(fee))
          : s.feeFree;
    return {
      feeChange: {
        subtotal: payment.subtotal ?? 0,
        tip: payment.tip ?? 0,
        fee,
        total: payment.amount,
        text: `${reason} ${s.newTotal(l.money(payment.amount))}`.trim(),
      },
      focus: '[part="pay-button"]',
    };
  }
}

/** A payment that is paid, on its way, or canceled is no longer the customer's to let go of. */
function forgetUnconfirmedIfDone(payment: PortalPayment): void {
  if (['succeeded', 'processing', 'canceled'].includes(payment.status)) {
    forgetUnconfirmed(payment.id);
  }
}
