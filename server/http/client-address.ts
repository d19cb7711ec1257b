import type { Context } from 'hono';
import type { AppEnv } from './env.ts';

/**
 * The caller's address: the socket's, or behind a trusted proxy the last X-Forwarded-For hop,
 * the one our proxy wrote (earlier hops are whatever the client chose to send).
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('config').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Where a customer's request came from, kept with what it did (a payment, a consent, a decision). */
export interface Client {
  address: string;
  userAgent: string | null;
}

export function clientOf(c: Context<AppEnv>): Client {
  return { address: clientAddress(c), userAgent: c.req.header('user-agent') ?? null };
}
