/**
 * An app over a real migrated database, driven with `app.request()` (no listening socket), and a
 * staff client per business that speaks the API as an integrator would.
 */
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createBusiness, type NewBusiness } from '../../server/businesses/businesses.ts';
import { type Config, loadConfig } from '../../server/config.ts';
import type { Db } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import type { TestStore } from './databases.ts';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: ':memory:',
      PUBLIC_URL: 'https://pay.example.test',
      APP_SECRET: 'test-secret-of-the-test-suite',
    }),
    ...overrides,
  };
}

export interface Harness {
  db: Db;
  app: ReturnType<typeof createApp>;
  config: Config;
  /** A new business and a client that calls the staff API with its key. */
  business(input?: Partial<NewBusiness>): Promise<StaffClient>;
  /** A request as a browser would send it, from `address`. */
  request(path: string, init?: RequestInit, address?: string): Promise<Response>;
}

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

export async function answer(response: Response): Promise<ApiAnswer> {
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

/** Opens the store before the suite's tests and closes it after them. */
export function useHarness(store: TestStore, overrides: Partial<Config> = {}): Harness {
  const harness = {} as Harness;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const opened = await store.open();
    close = opened.close;
    const config = testConfig(overrides);
    const app = createApp({ db: opened.db, config, logger: createLogger('silent') });
    const request = (path: string, init: RequestInit = {}, address = '203.0.113.7') =>
      Promise.resolve(
        app.request(path, init, { incoming: { socket: { remoteAddress: address } } }),
      );
    Object.assign(harness, {
      db: opened.db,
      app,
      config,
      request,
      async business(input: Partial<NewBusiness> = {}) {
        const { business, apiKey } = await createBusiness(opened.db, {
          name: 'Acme Pools',
          currency: 'usd',
          ...input,
        });
        const call = async (method: string, path: string, body?: unknown, headers = {}) =>
          answer(
            await request(path, {
              method,
              headers: {
                authorization: `Bearer ${apiKey}`,
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
                ...headers,
              },
              body: body === undefined ? undefined : JSON.stringify(body),
            }),
          );
        return {
          id: business.id,
          apiKey,
          get: (path: string) => call('GET', path),
          post: (path: string, body?: unknown, headers?: Record<string, string>) =>
            call('POST', path, body ?? {}, headers),
          patch: (path: string, body?: unknown) => call('PATCH', path, body ?? {}),
          del: (path: string) => call('DELETE', path),
        } satisfies StaffClient;
      },
    });
  });
  afterAll(() => close());
  return harness;
}
