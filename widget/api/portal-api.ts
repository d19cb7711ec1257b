/**
 * The portal API as the element calls it. The token in the path is the only credential; no
 * cookies are sent (`credentials: 'omit'`) so the element works the same on any embedding page.
 */
import type {
  List,
  PaymentConfirmation,
  PaymentRequest,
  Portal,
  PortalCharge,
  PortalInvoice,
  PortalPayment,
  PortalQuote,
  QuoteRequest,
} from '../../shared/api/portal.ts';

/**
 * An answer that is not the one hoped for: an API error, or `network_error` when none came.
 * `error` is the whole error object, for the fields some codes add (`amount_available`,
 * `payment`).
 */
export class PortalApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly error: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class PortalApi {
  private readonly root: string;

  constructor(apiBase: string, token: string) {
    this.root = `${apiBase.replace(/\/+$/, '')}/v1/portal/${encodeURIComponent(token)}`;
  }

  /** Absolute URL of a path the API gave relative to its own origin (PDF links). */
  resolve(path: string): string {
    return new URL(path, this.root).href;
  }

  portal(signal?: AbortSignal): Promise<Portal> {
    return this.call('', { signal });
  }

  /** Records that the customer saw the page. */
  viewed(): Promise<unknown> {
    return this.call('/views', { method: 'POST' });
  }

  /** The open invoices after `startingAfter` (the last shown): "Show more invoices". */
  invoices(startingAfter: string): Promise<List<PortalInvoice>> {
    return this.call(`/invoices?starting_after=${encodeURIComponent(startingAfter)}`);
  }

  charges(limit = 20): Promise<List<PortalCharge>> {
    return this.call(`/charges?limit=${limit}`);
  }

  quote(input: QuoteRequest, signal?: AbortSignal): Promise<PortalQuote> {
    return this.call('/quote', { method: 'POST', body: JSON.stringify(input), signal });
  }

  payments(): Promise<List<PortalPayment>> {
    return this.call('/payments');
  }

  payment(id: string): Promise<PortalPayment> {
    return this.call(`/payments/${encodeURIComponent(id)}`);
  }

  /** Starts a payment; `key` is new for each attempt the customer makes (a double click is one). */
  createPayment(body: PaymentRequest, key: string): Promise<PortalPayment> {
    return this.call('/payments', { method: 'POST', body: JSON.stringify(body) }, key);
  }

  /**
   * Sandbox: the test form's card, bank account, saved card or 3-D Secure answer. Stripe: the
   * ConfirmationToken Stripe.js made, which the server confirms the PaymentIntent with.
   */
  confirmPayment(id: string, body: PaymentConfirmation): Promise<PortalPayment> {
    return this.call(`/payments/${encodeURIComponent(id)}/confirm`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
  }

  /**
   * Lets go of a payment not yet confirmed (made for choices the customer then changed), so
   * what it held is free for the next one at once. A payment already taken is a 409.
   */
  cancelPayment(id: string): Promise<PortalPayment> {
    return this.call(`/payments/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
  }

  removePaymentMethod(id: string): Promise<unknown> {
    return this.call(`/payment_methods/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }

  /** The receipt PDF of a succeeded payment. */
  /** The account statement (customer links); the period goes in the query. */
  statementUrl(): string {
    return `${this.root}/statement.pdf`;
  }

  receiptUrl(payment: PortalPayment): string {
    return payment.receipt_url
      ? this.resolve(payment.receipt_url)
      : `${this.root}/payments/${encodeURIComponent(payment.id)}/receipt.pdf`;
  }

  private async call<T>(path: string, init: RequestInit = {}, key?: string): Promise<T> {
    let response: Response;
    const headers: Record<string, string> = init.body ? { 'content-type': 'application/json' } : {};
    if (key) headers['idempotency-key'] = key;
    try {
      response = await fetch(this.root + path, { ...init, credentials: 'omit', headers });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new PortalApiError(0, 'network_error', String((error as Error).message));
    }
    const text = await response.text().catch(() => '');
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's HTML error page: treated below like any answer without our error shape.
    }
    if (response.ok) return body as T;
    const error = (body as { error?: { code?: string; message?: string; param?: string } })?.error;
    throw new PortalApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
      error?.param ?? null,
      error ?? {},
    );
  }
}
