/**
 * The estimate calls of the portal API (server/routes/portal/estimates.ts; their shapes are
 * shared/api/portal.ts). The token in the path is the only credential; no cookies are sent.
 */
import type {
  EstimateApproval,
  EstimateDecline,
  EstimateQuestionInput,
  EstimateQuestionSent,
  PortalEstimateDecision,
  SignatureInput,
} from '../../shared/api/portal.ts';

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

  approve(signature: SignatureInput): Promise<PortalEstimateDecision> {
    return this.post<EstimateApproval, PortalEstimateDecision>('/approve', { signature });
  }

  decline(reason: string): Promise<PortalEstimateDecision> {
    return this.post<EstimateDecline, PortalEstimateDecision>('/decline', reason ? { reason } : {});
  }

  ask(message: string): Promise<EstimateQuestionSent> {
    return this.post<EstimateQuestionInput, EstimateQuestionSent>('/questions', { message });
  }

  /** The estimate's PDF, as the customer downloads it. */
  get pdfUrl(): string {
    return `${this.root}.pdf`;
  }

  private async post<Body, T>(path: string, body: Body): Promise<T> {
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
