/**
 * The hosted page in an iframe fits its content (issue 11): two small scripts, served from this
 * origin so that neither page needs an inline script.
 *
 * - `/widget/frame-height.js`, on the hosted page `/p/:token`: when the page is framed, it posts
 *   its content height to the parent whenever it changes, as
 *   `{ type: 'pay-portal:height', version: 1, height }` (CSS pixels, an integer). The message is
 *   addressed to each origin the business allows to frame it (and this one), by `postMessage`'s
 *   target origin, so no other page can read it; `frame-ancestors` already keeps others from
 *   framing it at all.
 * - `/widget/frame-resize.js`, on the business's page beside the iframe: it takes those messages
 *   only from the origin it was loaded from, only from one of the page's iframes of `/p/…`, only
 *   with a sane height, and sets that iframe's height, so a phone never gets a scroll box inside
 *   the page.
 *
 * docs/embedding.md documents the message for pages that resize the frame themselves.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';

export const HEIGHT_MESSAGE = 'pay-portal:height';

/** Runs in the hosted page. `data-origins` on its script tag: the origins allowed to frame it. */
const FRAME_HEIGHT = `(() => {
  if (window.parent === window) return;
  const me = document.currentScript;
  const origins = [location.origin, ...(me?.dataset.origins || '').split(' ').filter(Boolean)];
  document.documentElement.classList.add('framed');
  let last = 0;
  const post = () => {
    const main = document.querySelector('main');
    if (!main) return;
    const height = Math.ceil(main.getBoundingClientRect().bottom + window.scrollY);
    if (height === last) return;
    last = height;
    for (const origin of origins) {
      try {
        window.parent.postMessage({ type: '${HEIGHT_MESSAGE}', version: 1, height }, origin);
      } catch {}
    }
  };
  const start = () => {
    new ResizeObserver(post).observe(document.querySelector('main') || document.body);
    post();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;

/** Runs in the business's page; trusts only the origin it was loaded from. */
const FRAME_RESIZE = `(() => {
  const me = document.currentScript;
  const portal = me ? new URL(me.src).origin : null;
  if (!portal || window.payPortalFrames) return;
  window.payPortalFrames = true;
  window.addEventListener('message', (event) => {
    if (event.origin !== portal) return;
    const data = event.data;
    if (!data || data.type !== '${HEIGHT_MESSAGE}' || data.version !== 1) return;
    const height = Number(data.height);
    if (!Number.isInteger(height) || height < 100 || height > 20000) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow !== event.source) continue;
      if (!frame.src.startsWith(portal + '/p/')) return;
      frame.style.height = height + 'px';
      frame.style.minHeight = '0';
    }
  });
})();
`;

export function frameScriptRoutes() {
  const serve = (body: string) => (c: import('hono').Context<AppEnv>) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('X-Content-Type-Options', 'nosniff');
    // Loaded by business pages on other origins, with or without `crossorigin`.
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return c.body(body);
  };
  return new Hono<AppEnv>()
    .get('/frame-height.js', serve(FRAME_HEIGHT))
    .get('/frame-resize.js', serve(FRAME_RESIZE));
}
