/**
 * `GET /logos/{hash}.png`: a logo uploaded through the staff API, served from our own origin to
 * the element, the hosted page and any page that embeds them. The name is the hash of the bytes,
 * so the answer never changes: browsers and caches keep it for a year (`immutable`).
 */
import { Hono } from 'hono';
import { findLogo } from '../businesses/logos.ts';
import type { AppEnv } from '../http/env.ts';
import { notFound } from '../http/errors.ts';

export const logoRoutes = new Hono<AppEnv>().get('/:file', async (c) => {
  const match = c.req.param('file').match(/^([0-9a-f]{32})\.(png|jpg)$/);
  const logo = match ? await findLogo(c.var.db, match[1]!) : undefined;
  if (!logo) throw notFound('logo', 'file');
  return c.body(new Uint8Array(logo.bytes), 200, {
    'Content-Type': logo.content_type,
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    // An <img> on the embedding site's page loads it from here.
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
});
