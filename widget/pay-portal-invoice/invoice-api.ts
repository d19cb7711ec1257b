/**
 * The invoice calls of the portal API (server/routes/portal/invoices.ts; their shapes are
 * shared/api/portal.ts): the invoice as a document, and a question about it. The token in the
 * path is the only credential; no cookies are sent.
 */
import type {
  InvoiceQuestionInput,
  InvoiceQuestionSent,
  PortalInvoiceDocument,
} from '../../shared/api/portal.ts';

/** An answer that was not the one hoped for: the API's error code, or `network_error`. */
export class InvoiceApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export class InvoiceApi {
  private readonly base: string;
  private readonly root: string;

  constructor(apiBase: string, token: string, invoiceId: string) {
    this.base = apiBase.replace(/\/+$/, '');
    this.root = `${this.base}/v1/portal/${encodeURIComponent(token)}/invoices/${encodeURIComponent(invoiceId)}`;
  }

  document(signal?: AbortSignal): Promise<PortalInvoiceDocument> {
    return this.call<PortalInvoiceDocument>('/document', { signal: signal ?? null });
  }

  ask(message: string): Promise<InvoiceQuestionSent> {
    const body: InvoiceQuestionInput = { message };
    return this.call<InvoiceQuestionSent>('/questions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** A path the API answered (a PDF, a receipt), as a URL on the API's origin. */
  resolve(path: string): string {
    return this.base + path;
  }

  private async call<T>(path: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.root + path, { ...init, credentials: 'omit' });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new InvoiceApiError(0, 'network_error');
    }
    const json = (await response.json().catch(() => null)) as
      | (T & { error?: { code: string } })
      | null;
    if (!response.ok || !json) {
      throw new InvoiceApiError(response.status, json?.error?.code ?? 'api_error');
    }
    return json;
  }
}
