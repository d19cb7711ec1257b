/**
 * The signature on an approval: a typed name, or a drawn one as a PNG data URL (what
 * signature_pad's `toDataURL()` gives). A drawn signature is decoded here before it is kept, so
 * what is stored is a real PNG of a sane size with ink on it, and the PDF can always draw it.
 */

import { createRequire } from 'node:module';
import { z } from '@hono/zod-openapi';
import type { PNG } from 'pngjs';
import { unprocessable } from '../http/errors.ts';

/** The largest drawn signature kept, in PNG bytes. */
export const MAX_SIGNATURE_BYTES = 200 * 1024;
const MAX_SIDE = 4000;
const DATA_URL_PREFIX = 'data:image/png;base64,';

const signerName = z.string().trim().min(1).max(200);

export const SignatureInput = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('typed'), name: signerName }),
    z.object({
      type: z.literal('drawn'),
      // The size is checked once decoded (readSignature), for a clear 422; the route's body
      // limit keeps anything far larger from being read at all.
      image_png: z
        .string()
        .openapi({ description: '`data:image/png;base64,…`, at most 200 KB of PNG.' }),
      name: signerName.optional(),
    }),
  ])
  .openapi('SignatureInput');

export type SignatureInput = z.output<typeof SignatureInput>;

export interface Signature {
  type: 'typed' | 'drawn';
  name: string | null;
  png: Buffer | null;
}

const PARAM = 'signature.image_png';

/** The signature to keep: a typed name as given, a drawn one decoded and checked (422 if not). */
export function readSignature(input: SignatureInput): Signature {
  if (input.type === 'typed') return { type: 'typed', name: input.name, png: null };
  return { type: 'drawn', name: input.name ?? null, png: drawnSignaturePng(input.image_png) };
}

export function drawnSignaturePng(dataUrl: string): Buffer {
  if (!dataUrl.startsWith(DATA_URL_PREFIX)) {
    throw unprocessable(
      'signature_invalid',
      'A drawn signature must be a data:image/png;base64 URL.',
      PARAM,
    );
  }
  const base64 = dataUrl.slice(DATA_URL_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    throw unprocessable('signature_invalid', 'The signature is not valid base64.', PARAM);
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES) {
    throw unprocessable(
      'signature_too_large',
      `A drawn signature may be at most ${MAX_SIGNATURE_BYTES / 1024} KB.`,
      PARAM,
    );
  }
  let image: PNG;
  try {
    image = pngjs().PNG.sync.read(bytes);
  } catch {
    throw unprocessable('signature_invalid', 'The signature is not a PNG image.', PARAM);
  }
  if (image.width > MAX_SIDE || image.height > MAX_SIDE) {
    throw unprocessable('signature_invalid', 'The signature image is too large.', PARAM);
  }
  if (!hasInk(image)) {
    throw unprocessable('signature_blank', 'The signature is empty; please sign.', PARAM);
  }
  return bytes;
}

/** True when some pixel is visible and not white: a blank pad exports a transparent image. */
function hasInk(image: PNG): boolean {
  const { data } = image;
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3]!;
    if (alpha > 16 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) return true;
  }
  return false;
}

export function pngDataUrl(png: Buffer): string {
  return `${DATA_URL_PREFIX}${png.toString('base64')}`;
}

let png: typeof import('pngjs') | null = null;

/** pngjs, loaded with the first drawn signature rather than at every start (issue 13). */
function pngjs(): typeof import('pngjs') {
  png ??= createRequire(import.meta.url)('pngjs') as typeof import('pngjs');
  return png;
}
