/**
 * One POST to an endpoint, guarded: http or https only; to public addresses only, checked at
 * connect time on what the name resolves to then (http/public-address.ts, so DNS rebinding gets
 * nowhere); no redirects followed; 10 seconds for the whole exchange; at most 4 KB of the answer
 * read. Never throws: a failure is an outcome.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress, publicLookup } from '../http/public-address.ts';

export const TIMEOUT_MS = 10_000;
export const MAX_RESPONSE_BYTES = 4096;

export interface PostOutcome {
  /** The HTTP status, or null when none came (refused, timed out, unreachable). */
  status: number | null;
  error: string | null;
  excerpt: string | null;
  durationMs: number;
}

export interface PostRules {
  /** Production: https only. */
  httpsOnly: boolean;
  /** Tests and local development only: let loopback and private addresses through. */
  allowPrivateNetworks: boolean;
  timeoutMs?: number;
}

export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  rules: PostRules,
): Promise<PostOutcome> {
  const started = Date.now();
  const outcome = (fields: Omit<PostOutcome, 'durationMs'>): PostOutcome => ({
    ...fields,
    durationMs: Date.now() - started,
  });
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(outcome({ status: null, error: 'not a URL', excerpt: null }));
  }
  const refused = refusal(target, rules);
  if (refused) return Promise.resolve(outcome({ status: null, error: refused, excerpt: null }));
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeoutMs = rules.timeoutMs ?? TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = send(
      target,
      {
        method: 'POST',
        // A fresh connection each time: no socket kept from an earlier answer.
        agent: false,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'PayPortal-Webhooks/1',
        },
        ...(rules.allowPrivateNetworks ? {} : { lookup: publicLookup }),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          finish(
            outcome({
              status: response.statusCode ?? null,
              error: null,
              excerpt: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        response.on('data', (chunk: Buffer) => {
          if (size >= MAX_RESPONSE_BYTES) return;
          chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
          size += chunk.length;
          // Enough read: the rest of the answer is not ours to wait for.
          if (size >= MAX_RESPONSE_BYTES) {
            done();
            response.destroy();
          }
        });
        response.on('end', done);
        response.on('error', done);
        response.on('close', done);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish(outcome({ status: null, error: `timed out after ${timeoutMs} ms`, excerpt: null }));
    }, timeoutMs);
    req.on('error', (error) =>
      finish(outcome({ status: null, error: error.message.slice(0, 300), excerpt: null })),
    );
    req.end(body);
  });
}

function refusal(target: URL, rules: PostRules): string | null {
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return 'not http(s)';
  if (rules.httpsOnly && target.protocol !== 'https:') return 'https is required';
  if (rules.allowPrivateNetworks) return null;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !isPublicAddress(host)) return `${host} is not a public address`;
  return null;
}
