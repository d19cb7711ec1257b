/**
 * Text the stores cannot keep as sent: a NUL character (PostgreSQL refuses it in text, "invalid
 * byte sequence for encoding UTF8: 0x00", where SQLite keeps it) and a lone UTF-16 surrogate
 * (both stores would keep U+FFFD instead, silently). Refused in every string of every request,
 * on both stores alike, as 400 `parameter_invalid` naming the field (issue 10).
 */
import { ApiError, paramName } from './errors.ts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BAD_TEXT = { test: (text: string) => text.includes('\0') || LONE_SURROGATE.test(text) };

/** The path of the first string (or object key) in `value` that the stores cannot keep. */
export function findBadText(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === 'string') return BAD_TEXT.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findBadText(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (BAD_TEXT.test(key)) return [...path, key];
      const found = findBadText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Throws 400 `parameter_invalid` when `value` holds text the stores cannot keep. */
export function checkText(value: unknown): void {
  const path = findBadText(value);
  if (!path) return;
  const param = paramName(path);
  throw new ApiError(
    400,
    'invalid_request_error',
    'parameter_invalid',
    `${param ? `${param}: ` : ''}must not contain a NUL character or an unpaired surrogate.`,
    param,
  );
}
