/**
 * The staff demo page (`/demo`, built by vite.demo.config.ts into dist/demo) and the embedding
 * examples (`/demo/examples/…`). Mounted only in demo mode (config.demo: on outside production,
 * off in production unless DEMO=true). The page itself holds no secret: staff sign in with the
 * business's API key, which it keeps in sessionStorage and sends as a Bearer token.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { APP_ROOT } from '../config.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { exampleStylesheet, isExamplePage, renderExample } from './examples.ts';
import type { WidgetFiles } from './widget-files.ts';

export const DEFAULT_DEMO_DIR = `${APP_ROOT}dist/demo/`;

const DEMO_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // blob: shows a drawn signature fetched with the key (demo/app/estimate-card.ts).
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * What a business's page needs to load Pay Portal from `publicUrl` (and Stripe.js), or to frame
 * it: docs/embedding.md recommends the same policy.
 */
function examplePolicy(publicUrl: string): string {
  const pay = new URL(publicUrl).origin;
  return [
    "default-src 'self'",
    `script-src 'self' ${pay} https://js.stripe.com`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: https:",
    `connect-src 'self' ${pay} https://api.stripe.com`,
    `frame-src ${pay} https://js.stripe.com https://hooks.stripe.com`,
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

interface DemoFiles {
  index: string | null;
  assets: Map<string, { body: Uint8Array; type: string }>;
}

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
};

export function loadDemoFiles(dir: string = DEFAULT_DEMO_DIR): DemoFiles {
  const files: DemoFiles = { index: null, assets: new Map() };
  if (!existsSync(join(dir, 'index.html'))) return files;
  files.index = readFileSync(join(dir, 'index.html'), 'utf8');
  const assets = join(dir, 'assets');
  if (existsSync(assets)) {
    for (const name of readdirSync(assets)) {
      const type = TYPES[name.slice(name.lastIndexOf('.') + 1)];
      if (type)
        files.assets.set(name, { body: new Uint8Array(readFileSync(join(assets, name))), type });
    }
  }
  return files;
}

const NOT_BUILT =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Demo not built</title>' +
  '<p>The demo page is not built on this server: run <code>npm run build</code>.</p></html>';

export function demoRoutes(widget: WidgetFiles, demo: DemoFiles = loadDemoFiles()) {
  const secure = (c: { header: (name: string, value: string) => void }, policy: string) => {
    c.header('Content-Security-Policy', policy);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Robots-Tag', 'noindex, nofollow');
  };
  return new Hono<AppEnv>()
    .get('/', (c) => {
      // Mounted at /demo, '/' is /demo itself; /demo/ lands below.
      secure(c, DEMO_POLICY);
      return c.html(demo.index ?? NOT_BUILT, demo.index ? 200 : 404);
    })
    .get('/index.html', (c) => c.redirect('/demo'))
    .get('/assets/:name', (c) => {
      const asset = demo.assets.get(c.req.param('name'));
      if (!asset)
        throw new ApiError(404, 'invalid_request_error', 'route_missing', 'No such file.');
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Type', asset.type);
      return c.body(asset.body as Uint8Array<ArrayBuffer>, 200);
    })
    .get('/examples/example.css', (c) => {
      c.header('Cache-Control', 'no-cache');
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Content-Type', TYPES.css!);
      return c.body(exampleStylesheet());
    })
    .get('/examples/:name', (c) => {
      const name = c.req.param('name');
      if (!isExamplePage(name)) {
        throw new ApiError(404, 'invalid_request_error', 'route_missing', 'No such example.');
      }
      secure(c, examplePolicy(c.var.config.publicUrl));
      const token = c.req.query('token') ?? null;
      return c.html(renderExample(name, { publicUrl: c.var.config.publicUrl, widget, token }));
    });
}
