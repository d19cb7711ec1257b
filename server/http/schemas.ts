/** Schemas and helpers every resource shares: ids, amounts, lists, errors. */
import { z } from '@hono/zod-openapi';
import { MAX_AMOUNT } from '../../shared/money.ts';

export const ErrorSchema = z
  .object({
    error: z.object({
      type: z.string(),
      code: z.string(),
      message: z.string(),
      param: z.string().nullable(),
    }),
  })
  .openapi('Error');

/** An `Error` answer for each status a route can give. */
export function errorResponses(
  ...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429)[]
) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: 'Error', content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  );
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

export const amount = z.number().int().min(0).max(MAX_AMOUNT);
export const positiveAmount = z.number().int().min(1).max(MAX_AMOUNT);
export const isoDate = z.iso.date();
// Intl formats any three letters; only the codes it knows as currencies are accepted.
const KNOWN_CURRENCIES = new Set(
  Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()),
);

export const currency = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, 'must be a three-letter ISO 4217 code')
  .transform((code) => code.toLowerCase())
  .refine((code) => KNOWN_CURRENCIES.has(code), 'is not an ISO 4217 currency');

export function prefixedId(prefix: string) {
  return z.string().regex(new RegExp(`^${prefix}_[0-9A-Za-z]{1,64}$`), `must be a ${prefix}_ id`);
}

export function idParam(prefix: string) {
  return z.object({
    id: prefixedId(prefix).openapi({ param: { name: 'id', in: 'path' } }),
  });
}

export const Timestamp = z.string().openapi({ format: 'date-time' });

/**
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both optional, both inclusive: a period of days (an account
 * statement's). `from` after `to` is refused, on `from`; so is a period past ten years.
 */
export const PeriodQuery = z
  .object({
    from: isoDate
      .optional()
      .openapi({ param: { name: 'from', in: 'query' }, example: '2026-09-06' }),
    to: isoDate.optional().openapi({ param: { name: 'to', in: 'query' }, example: '2026-12-04' }),
  })
  .refine((period) => !period.from || !period.to || period.from <= period.to, {
    message: 'must not be after `to`',
    path: ['from'],
  })
  .refine(
    (period) =>
      !period.from ||
      !period.to ||
      Date.parse(period.to) - Date.parse(period.from) <= 3653 * 86_400_000,
    { message: 'a period is at most ten years', path: ['from'] },
  );

/** Who at the business is adding it: the staff page sends the name its user gave (issue 15). */
export const AddedByName = z.string().trim().min(1).max(80).optional().openapi({
  description: 'The person at the business adding it, shown on the account statement.',
});
