/**
 * The staff API as the demo page calls it: same origin, the business's secret key as a Bearer
 * token. The key lives in sessionStorage only (gone when the tab closes), never in a cookie, so
 * no other page can make a call with it.
 */

import type { ApiErrorBody } from '../../shared/api/staff.ts';

const KEY = 'pay-portal-demo-key';

export class StaffApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.param ? `${body.message} (${body.param})` : body.message);
  }
}

export class StaffApi {
  constructor(readonly key: string) {}

  static stored(): StaffApi | null {
    const key = sessionStorage.getItem(KEY);
    return key ? new StaffApi(key) : null;
  }

  remember(): void {
    sessionStorage.setItem(KEY, this.key);
  }

  static forget(): void {
    sessionStorage.removeItem(KEY);
  }

  get<T>(path: string): Promise<T> {
    return this.call('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.call('POST', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.call('PATCH', path, body);
  }

  del<T>(path: string): Promise<T> {
    return this.call('DELETE', path);
  }

  /** Sends a file as the raw body (`PUT /v1/settings/logo`), typed as the file says. */
  upload<T>(path: string, file: Blob): Promise<T> {
    return this.call('PUT', path, file);
  }

  /**
   * A file the staff API serves (a PDF, a signature PNG) as a `blob:` URL the page can show or
   * open: a plain link could not send the key. The caller revokes it when done.
   */
  async objectUrl(path: string): Promise<string> {
    const response = await fetch(path, { headers: { authorization: `Bearer ${this.key}` } });
    if (!response.ok) {
      const json = (await response.json().catch(() => null)) as { error?: ApiErrorBody } | null;
      throw new StaffApiError(
        response.status,
        json?.error ?? {
          type: 'api_error',
          code: `http_${response.status}`,
          message: `The server answered ${response.status}.`,
          param: null,
        },
      );
    }
    return URL.createObjectURL(await response.blob());
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${this.key}`,
        ...(body === undefined
          ? {}
          : { 'content-type': body instanceof Blob ? body.type : 'application/json' }),
      },
      body: body === undefined || body instanceof Blob ? body : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => null)) as { error?: ApiErrorBody } | null;
    if (!response.ok) {
      throw new StaffApiError(
        response.status,
        json?.error ?? {
          type: 'api_error',
          code: `http_${response.status}`,
          message: `The server answered ${response.status}.`,
          param: null,
        },
      );
    }
    return json as T;
  }
}
