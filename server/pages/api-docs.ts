/**
 * `GET /docs`: the OpenAPI document (`/openapi.json`) as a searchable API reference, rendered in
 * the browser by Redoc's standalone bundle served from this origin: no CDN, nothing fetched from
 * a third party. `npm run build` copies the bundle into dist/docs (so a production image needs
 * no devDependency); a development checkout reads it from node_modules/redoc.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { APP_ROOT } from '../config.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';

export const REDOC_BUNDLE = 'redoc.standalone.js';
const CANDIDATES = [
  `${APP_ROOT}dist/docs/${REDOC_BUNDLE}`,
  `${APP_ROOT}node_modules/redoc/bundles/${REDOC_BUNDLE}`,
];

/**
 * The bundle's one request to a third party: the footer's logo, from Redocly's CDN. It is shown
 * from this page instead (an empty image), so the policy below can stay closed.
 */
const REDOCLY_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const EMPTY_IMAGE = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";

/** The renderer's bundle, or null when neither a build nor the package has it. */
export function loadApiReferenceBundle(path?: string): string | null {
  for (const candidate of path ? [path] : CANDIDATES) {
    if (existsSync(candidate)) {
      return readFileSync(candidate, 'utf8').replaceAll(REDOCLY_LOGO, EMPTY_IMAGE);
    }
  }
  return null;
}

const STYLE = 'body{margin:0}';
const NOT_BUILT =
  '<p>The API reference renderer is not on this server: run <code>npm run build</code>. ' +
  'The OpenAPI document is at <a href="/openapi.json">/openapi.json</a>.</p>';

/**
 * Redoc styles itself with styled-components (inline `<style>` elements) and runs its search
 * index in a Web Worker made from a blob: URL; nothing else is allowed.
 */
const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' 'unsafe-inline'`,
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function docsPage(rendered: boolean): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    '<title>Pay Portal API reference</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    rendered
      ? `<redoc spec-url="/openapi.json"></redoc>\n<script src="/docs/${REDOC_BUNDLE}"></script>`
      : NOT_BUILT,
    '</body>',
    '</html>',
  ].join('\n');
}

/**
 * `bundle`: the renderer's text, or where to read it from when first asked for (issue 13: about
 * a megabyte that most processes never send is not read at start).
 */
export function apiDocsRoutes(
  source: string | null | (() => string | null) = () => loadApiReferenceBundle(),
) {
  let read: { bundle: string | null } | null =
    typeof source === 'function' ? null : { bundle: source };
  const reader = typeof source === 'function' ? source : () => source;
  const bundleText = () => {
    read ??= { bundle: reader() };
    return read.bundle;
  };
  return new Hono<AppEnv>()
    .get('/', (c) => {
      c.header('Content-Security-Policy', POLICY);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Cache-Control', 'no-cache');
      c.header('Referrer-Policy', 'no-referrer');
      const bundle = bundleText();
      return c.html(docsPage(bundle !== null), bundle ? 200 : 404);
    })
    .get(`/${REDOC_BUNDLE}`, (c) => {
      const bundle = bundleText();
      if (!bundle)
        throw new ApiError(404, 'invalid_request_error', 'route_missing', 'No such file.');
      c.header('Cache-Control', 'public, max-age=3600');
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      return c.body(bundle, 200);
    });
}
