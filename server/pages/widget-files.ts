/**
 * The built element, served from dist/widget (vite.config.ts builds it):
 *
 * - `/widget/pay-portal.mjs` (module) and `/widget/pay-portal.js` (classic script) under their
 *   stable names, cached 5 minutes, for a snippet that always gets the current build;
 * - `/widget/pay-portal.<hash>.mjs|.js` under a content hash, cached a year and immutable, for a
 *   snippet pinned with Subresource Integrity (a stable name's bytes change on deploy, which an
 *   SRI hash would refuse);
 * - the parts the entries import on demand (the payment forms, signature_pad: `<name>.<hash>.mjs`
 *   beside them), under the build's own content-hashed names, cached a year and immutable;
 * - `/widget/embed.json`: those URLs, their `sha384-…` integrity and ready-made snippets.
 *
 * Hashes and integrity are computed once, when the app is made, from the files' bytes. Every
 * file is readable from any origin (`Access-Control-Allow-Origin: *`), which a cross-origin
 * `<script integrity crossorigin>` and a cross-origin `import()` need.
 *
 * Only what the build wrote is served: the folder is read once into a map of its JavaScript,
 * CSS and source-map files (subfolders included, no dotfiles, no symbolic links), and a request
 * is answered from that map by exact name, so no request path ever reaches the file system and
 * `../` (plain or encoded) names nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { APP_ROOT } from '../config.ts';
import {
  COMPRESS_MIN_BYTES,
  compressNow,
  type Encoding,
  preferredEncoding,
} from '../http/compression.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';

export const DEFAULT_WIDGET_DIR = `${APP_ROOT}dist/widget/`;

const SHORT_CACHE = 'public, max-age=300';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ENTRIES = { module: 'pay-portal.mjs', classic: 'pay-portal.js' } as const;

export interface WidgetEntry {
  /** The stable name, e.g. `pay-portal.mjs`. */
  name: string;
  /** The content-hashed name, e.g. `pay-portal.3f2a9c1d0b7e4a56.mjs`. */
  hashedName: string;
  /** Subresource Integrity of the bytes: `sha384-…`. */
  integrity: string;
}

interface ServedFile {
  body: Uint8Array;
  contentType: string;
  cacheControl: string;
  etag: string;
  /** The same bytes compressed (the build's `<name>.br` and `<name>.gz`), when that is smaller. */
  encoded: Partial<Record<Encoding, Uint8Array>>;
}

export interface WidgetFiles {
  module: WidgetEntry | null;
  classic: WidgetEntry | null;
  /** Every servable file by the name it is asked for, hashed aliases included. */
  files: Map<string, ServedFile>;
}

const SERVED = /\.(m?js|css|map)$/;

function contentType(name: string): string {
  if (name.endsWith('.map')) return 'application/json; charset=utf-8';
  if (name.endsWith('.css')) return 'text/css; charset=utf-8';
  return 'text/javascript; charset=utf-8';
}

/**
 * Whether the build named the file by its content (`sandbox-form.DbmW3Ebp.mjs`,
 * `signature_pad-Bx9k2LmQ.mjs`, and their maps): such a name never gets other bytes, so it may
 * be cached for good. Anything else is cached briefly, as the entries' stable names are.
 */
function contentHashed(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (base.startsWith(ENTRIES.module) || base.startsWith(ENTRIES.classic)) return false;
  const hash = /[.-]([\w-]{8,})\.(?:m?js|css)(?:\.map)?$/.exec(base)?.[1];
  return hash !== undefined && /[A-Z0-9]/.test(hash);
}

/** The servable files under `dir`, by their path inside it (`a.mjs`, `chunks/b.mjs`). */
function servableNames(dir: string, prefix = ''): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    // lstat: a symbolic link (which could point anywhere) is neither a file nor a folder here.
    const stat = lstatSync(join(dir, name));
    if (stat.isDirectory()) names.push(...servableNames(dir, name));
    else if (stat.isFile() && SERVED.test(entry.name)) names.push(name);
  }
  return names;
}

/**
 * The build's compressed copies of a file (widget/build/precompress.ts writes `.br` and `.gz`
 * beside each), or copies made now for a build without them; none below COMPRESS_MIN_BYTES, and
 * none that would not be smaller.
 */
function encodingsOf(dir: string, name: string, body: Uint8Array) {
  const encoded: Partial<Record<Encoding, Uint8Array>> = {};
  if (body.byteLength < COMPRESS_MIN_BYTES) return encoded;
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    const file = join(dir, `${name}${suffix}`);
    const bytes = existsSync(file)
      ? new Uint8Array(readFileSync(file))
      : compressNow(body, encoding);
    if (bytes.byteLength < body.byteLength) encoded[encoding] = bytes;
  }
  return encoded;
}

/** Reads the built files once. A missing build gives an empty set (the routes answer 404). */
export function loadWidgetFiles(dir: string = DEFAULT_WIDGET_DIR): WidgetFiles {
  const files = new Map<string, ServedFile>();
  const loaded: WidgetFiles = { module: null, classic: null, files };
  if (!existsSync(dir)) return loaded;
  for (const name of servableNames(dir)) {
    const body = new Uint8Array(readFileSync(join(dir, name)));
    const sha384 = createHash('sha384').update(body).digest();
    const served = {
      body,
      contentType: contentType(name),
      cacheControl: contentHashed(name) ? IMMUTABLE : SHORT_CACHE,
      etag: `"${sha384.toString('base64url').slice(0, 27)}"`,
      encoded: encodingsOf(dir, name, body),
    };
    files.set(name, served);
    const kind = name === ENTRIES.module ? 'module' : name === ENTRIES.classic ? 'classic' : null;
    if (!kind) continue;
    const extension = name.slice(name.lastIndexOf('.'));
    const hashedName = `pay-portal.${sha384.toString('hex').slice(0, 16)}${extension}`;
    files.set(hashedName, { ...served, cacheControl: IMMUTABLE });
    loaded[kind] = { name, hashedName, integrity: `sha384-${sha384.toString('base64')}` };
  }
  return loaded;
}

/** What a business copies into its website; `LINK_TOKEN` stands for the link's token. */
export function embedSnippets(publicUrl: string, widget: WidgetFiles, token = 'LINK_TOKEN') {
  const at = (name: string) => `${publicUrl}/widget/${name}`;
  const element = `<pay-portal token="${token}"></pay-portal>`;
  const pinned = (entry: WidgetEntry, type: string) =>
    `<script${type} src="${at(entry.hashedName)}" integrity="${entry.integrity}" crossorigin="anonymous" async></script>`;
  return {
    script_tag: `<script src="${at(ENTRIES.classic)}" async></script>\n${element}`,
    script_tag_pinned: widget.classic ? `${pinned(widget.classic, '')}\n${element}` : null,
    module_pinned: widget.module ? `${pinned(widget.module, ' type="module"')}\n${element}` : null,
    // The script sizes the frame to the page inside it (server/pages/frame-scripts.ts).
    iframe:
      `<iframe src="${publicUrl}/p/${token}" title="Pay your bill" ` +
      'style="width:100%;max-width:40rem;height:48rem;border:0" ' +
      'referrerpolicy="no-referrer" allow="payment"></iframe>\n' +
      `<script src="${at('frame-resize.js')}" async></script>`,
  };
}

/**
 * `GET /widget/embed.json` (shared/api/staff.ts `Embed`): the entries' URLs, their integrity and
 * ready-made snippets; null until both entries are built.
 */
export function embedView(publicUrl: string, widget: WidgetFiles) {
  if (!widget.module || !widget.classic) return null;
  return {
    object: 'embed' as const,
    module: entryView(publicUrl, widget.module),
    script: entryView(publicUrl, widget.classic),
    snippets: embedSnippets(publicUrl, widget),
  };
}

function entryView(publicUrl: string, entry: WidgetEntry) {
  return {
    url: `${publicUrl}/widget/${entry.hashedName}`,
    stable_url: `${publicUrl}/widget/${entry.name}`,
    integrity: entry.integrity,
  };
}

function notBuilt(): ApiError {
  return new ApiError(
    404,
    'invalid_request_error',
    'widget_not_built',
    'The element is not built on this server: run `npm run build`.',
  );
}

export function widgetRoutes(widget: WidgetFiles) {
  return new Hono<AppEnv>()
    .get('/embed.json', (c) => {
      const embed = embedView(c.var.config.publicUrl, widget);
      if (!embed) throw notBuilt();
      c.header('Cache-Control', SHORT_CACHE);
      c.header('Access-Control-Allow-Origin', '*');
      return c.json(embed);
    })
    .get('/:name{.+}', (c) => {
      // Looked up by exact name in what the build wrote; never a path on the file system.
      const file = widget.files.get(c.req.param('name'));
      if (!file) {
        throw new ApiError(404, 'invalid_request_error', 'route_missing', 'No such file.');
      }
      c.header('Cache-Control', file.cacheControl);
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Vary', 'Accept-Encoding');
      // One representation per encoding, each with its own validator (RFC 9110 §8.8.3).
      const wanted = preferredEncoding(c.req.header('accept-encoding'));
      const encoding = wanted && file.encoded[wanted] ? wanted : null;
      const etag = encoding ? `${file.etag.slice(0, -1)}-${encoding}"` : file.etag;
      c.header('ETag', etag);
      const match = c.req.header('if-none-match');
      if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        return c.body(null, 304);
      }
      c.header('Content-Type', file.contentType);
      if (encoding) c.header('Content-Encoding', encoding);
      const body = encoding ? file.encoded[encoding]! : file.body;
      return c.body(body as Uint8Array<ArrayBuffer>, 200);
    });
}
