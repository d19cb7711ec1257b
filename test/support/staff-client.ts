/**
 * A business's staff calling the API with its key, as an integrator would: over `app.request()`
 * in the API suites, over HTTP in the end-to-end ones. No test runner here, so the screenshot
 * script can use it too.
 */

export interface StaffClient {
  id: string;
  apiKey: string;
  get(path: string): Promise<ApiAnswer>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer>;
  patch(path: string, body?: unknown): Promise<ApiAnswer>;
  del(path: string): Promise<ApiAnswer>;
}

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers as the JSON they are.
  body: any;
  headers: Headers;
}

/** Sends one request to the app, wherever it runs. */
export type Send = (path: string, init: RequestInit) => Promise<Response>;

export async function answer(response: Response): Promise<ApiAnswer> {
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

export function staffClient(business: { id: string; apiKey: string }, send: Send): StaffClient {
  const call = async (method: string, path: string, body?: unknown, headers = {}) =>
    answer(
      await send(path, {
        method,
        headers: {
          authorization: `Bearer ${business.apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  return {
    id: business.id,
    apiKey: business.apiKey,
    get: (path) => call('GET', path),
    post: (path, body, headers) => call('POST', path, body ?? {}, headers),
    patch: (path, body) => call('PATCH', path, body ?? {}),
    del: (path) => call('DELETE', path),
  };
}
