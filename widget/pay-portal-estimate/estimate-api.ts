/**
 * The estimate calls of the portal API (server/routes/portal-estimates.ts). The token in the path
 * is the only credential; no cookies are sent.
 */
export interface EstimateDecisionAnswer {
  object: 'estimate_decision';
  estimate: string;
  status: 'approved' | 'declined';
  decided_at: string;
  signature: { type: 'typed' | 'drawn'; name: string | null } | null;
  reason: string | null;
  deposit_required: { amount: number; currency: string } | null;
}

export type SignatureInput =
  | { type: 'typed'; name: string }
  | { type: 'drawn'; image_png: string; name?: string };

/** An answer that was not the one hoped for: the API's error code, or `network_error`. */
export class EstimateApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class EstimateApi {
  private readonly root: string;

  constructor(apiBase: string, token: string, estimateId: string) {
    const base = apiBase.replace(/\/+$/, '');
    this.root = `${base}/v1/portal/${encodeURIComponent(token)}/estimates/${encodeURIComponent(estimateId)}`;
  }

  approve(signature: SignatureInput): Promise<EstimateDecisionAnswer> {
    return this.post('/approve', { signature });
  }

  decline(reason: string): Promise<EstimateDecisionAnswer> {
    return this.post('/decline', reason ? { reason } : {});
  }

  ask(message: string): Promise<{ id: string; message: string }> {
    return this.post('/questions', { message });
  }

  /** The estimate's PDF, as the customer downloads it. */
  get pdfUrl(): string {
    return `${this.root}.pdf`;
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.root + path, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new EstimateApiError(0, 'network_error', String((error as Error).message));
    }
    const json = (await response.json().catch(() => null)) as
      | (T & { error?: { code: string; message: string } })
      | null;
    if (!response.ok || !json) {
      const error = json?.error;
      throw new EstimateApiError(response.status, error?.code ?? 'api_error', error?.message ?? '');
    }
    return json;
  }
}
