/**
 * `/v1/settings`: the business's name, currency, locale and the settings of server/businesses/settings.ts.
 * PATCH merges deeply (a nested object may be sent in part; lists are replaced whole) and refuses
 * unknown keys, so that a misspelt setting is an error rather than silently ignored.
 */
import { createRoute, type Hook, OpenAPIHono, z } from '@hono/zod-openapi';
import { REFUND_TIP_AND_FEE } from '../../../shared/refund-split.ts';
import { brandColorWarning, type SettingsWarning } from '../../businesses/brand-colors.ts';
import { businessSettings, businessTimeZone } from '../../businesses/businesses.ts';
import type { BusinessSettings } from '../../businesses/settings.ts';
import { type Db, isPostgres, type Trx } from '../../db/database.ts';
import type { BusinessTable } from '../../db/schema.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError, conflict, paramName, validationError } from '../../http/errors.ts';
import { amount, currency, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { checkText } from '../../http/text.ts';
import { checkProviderCurrency } from '../../payments/minimums.ts';
import {
  mergeReminders,
  RemindersPatch,
  RemindersView,
  SlugPatch,
  TimeZonePatch,
} from './settings-reminders.ts';

const nullableText = (max: number) => z.string().trim().min(1).max(max).nullable();

const httpsUrl = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', {
    message: 'must be an https URL',
  });

/** An origin as browsers send it: scheme://host[:port], no path, query or credentials. */
const origin = z
  .string()
  .max(300)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.pathname === '/' &&
      !value.endsWith('/') &&
      !url.search &&
      !url.hash &&
      !url.username &&
      !url.password
    );
  }, 'must be an origin: scheme://host[:port], without a path')
  .transform((value) => new URL(value).origin);

const knownCurrency = currency.refine(
  (code) => Intl.supportedValuesOf('currency').includes(code.toUpperCase()),
  'is not an ISO 4217 currency',
);

const locale = z
  .string()
  .min(2)
  .max(35)
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'must be a BCP 47 language tag, such as en-US')
  .transform((tag) => Intl.getCanonicalLocales(tag)[0]!);

/** shared/refund-split.ts says what each means. */
const refundTipAndFee = z.enum(REFUND_TIP_AND_FEE).openapi({
  description:
    'How a part refund gives back the tip and the card fee: `last` (the default) only once all ' +
    'that was owed has been refunded; `in_proportion` in their share of the payment, every time.',
});

const FeePatch = z
  .strictObject({
    percent_bps: z.number().int().min(0).max(1000).optional(),
    fixed: amount.optional(),
  })
  .nullable();

const SettingsPatch = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    currency: knownCurrency,
    locale,
    branding: z
      .strictObject({
        logo_url: httpsUrl.nullable(),
        brand_color: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
          .transform((color) => color.toLowerCase()),
        address: nullableText(500),
        phone: z
          .string()
          .regex(/^\+?[0-9 ().-]{7,20}$/, 'must be a phone number')
          .nullable(),
        email: z.email().max(254).nullable(),
      })
      .partial(),
    tips: z
      .strictObject({
        enabled: z.boolean(),
        percentages: z
          .array(z.number().int().min(1).max(100))
          .min(1)
          .max(6)
          .refine((list) => new Set(list).size === list.length, 'must not repeat a percentage'),
        custom: z.boolean(),
      })
      .partial(),
    partial_payments: z.strictObject({ enabled: z.boolean(), minimum: amount.min(1) }).partial(),
    convenience_fees: z.strictObject({ card: FeePatch, us_bank_account: FeePatch }).partial(),
    allowed_origins: z.array(origin).max(50),
    notification_email: z.email().max(254).nullable(),
    link_expiry_days: z.number().int().min(1).max(3650).nullable(),
    invoice_terms: z.string().trim().max(2000).nullable(),
    time_zone: TimeZonePatch,
    slug: SlugPatch,
    reminders: RemindersPatch,
    refund_tip_and_fee: refundTipAndFee,
    receipt_layout: z.enum(['full', 'thermal']),
  })
  .partial()
  .openapi('SettingsPatch');

const Fee = z.object({ percent_bps: z.number().int(), fixed: z.number().int() });

export const Settings = z
  .object({
    object: z.literal('settings'),
    business: z.string(),
    name: z.string(),
    currency: z.string(),
    locale: z.string(),
    branding: z.object({
      logo_url: z.string().nullable(),
      brand_color: z.string(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    tips: z.object({
      enabled: z.boolean(),
      percentages: z.array(z.number().int()),
      custom: z.boolean(),
    }),
    partial_payments: z.object({ enabled: z.boolean(), minimum: z.number().int() }),
    convenience_fees: z.object({ card: Fee.nullable(), us_bank_account: Fee.nullable() }),
    allowed_origins: z.array(z.string()),
    notification_email: z.string().nullable(),
    link_expiry_days: z.number().int().nullable(),
    invoice_terms: z.string().nullable(),
    /** The zone in effect: the one chosen, else the locale's, else UTC. */
    time_zone: z.string(),
    /** The public "Pay your bill" page is /b/{slug}; null: no page. */
    slug: z.string().nullable(),
    reminders: RemindersView,
    refund_tip_and_fee: refundTipAndFee,
    receipt_layout: z.enum(['full', 'thermal']),
    warnings: z
      .array(
        z.object({
          code: z.literal('brand_color_low_contrast'),
          param: z.string(),
          message: z.string(),
        }),
      )
      .openapi({
        description:
          'What staff should know about these settings (saved all the same): a brand colour that ' +
          'cannot be used for text as it is, and the readable shade the portal uses instead.',
      }),
  })
  .openapi('Settings');

type SettingsPatch = z.output<typeof SettingsPatch>;

/** Like the shared hook, but an unknown key is named in `param` (`tips.colour`, not `tips`). */
// biome-ignore lint/suspicious/noExplicitAny: the hook is the same for every route's input type.
const settingsHook: Hook<any, AppEnv, any, any> = (result) => {
  if (result.success) return checkText(result.data);
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const param = paramName([...issue.path, issue.keys[0] ?? '']);
    throw new ApiError(
      400,
      'invalid_request_error',
      'parameter_unknown',
      `${param}: is not a setting`,
      param,
    );
  }
  throw validationError(result.error);
};

const security = [{ bearer: [] }];
const tags = ['Settings'];

export const settingsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: settingsHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      security,
      summary: "The business's settings",
      responses: { 200: jsonResponse(Settings, 'The settings'), ...errorResponses(401) },
    }),
    (c) => c.json(settingsView(c.var.business), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/',
      tags,
      security,
      summary: "Change the business's settings",
      description:
        'Send only what changes; nested objects merge, lists replace. `null` clears a value or ' +
        'removes a convenience fee. The currency cannot change once money has been recorded.',
      request: jsonBody(SettingsPatch),
      responses: {
        200: jsonResponse(Settings, 'The settings'),
        ...errorResponses(400, 401, 409),
      },
    }),
    async (c) => {
      const { db, business, config } = c.var;
      const patch = c.req.valid('json');
      if (patch.currency) checkProviderCurrency(config.paymentProvider, patch.currency, 'currency');
      const updated = await db
        .transaction()
        .execute((trx) => updateSettings(trx, business.id, patch));
      return c.json(settingsView(updated), 200);
    },
  );

async function updateSettings(trx: Trx, businessId: string, patch: SettingsPatch) {
  let read = trx.selectFrom('businesses').selectAll().where('id', '=', businessId);
  if (isPostgres(trx)) read = read.forUpdate();
  const business = await read.executeTakeFirstOrThrow();
  if (patch.currency && patch.currency !== business.currency && (await hasMoney(trx, businessId))) {
    throw conflict(
      'currency_locked',
      'The currency cannot change once the business has ledger entries, invoices or estimates.',
      'currency',
    );
  }
  if (patch.slug && patch.slug !== business.slug && (await slugTaken(trx, patch.slug))) {
    throw conflict('slug_taken', 'Another business has this slug: choose another.', 'slug');
  }
  const changes = {
    name: patch.name ?? business.name,
    currency: patch.currency ?? business.currency,
    locale: patch.locale ?? business.locale,
    slug: patch.slug === undefined ? business.slug : patch.slug,
    settings: JSON.stringify(mergeSettings(businessSettings(business), patch)),
  };
  await trx.updateTable('businesses').set(changes).where('id', '=', businessId).execute();
  return { ...business, ...changes };
}

/** Money already recorded in the business's currency: ledger entries, invoices or estimates. */
async function hasMoney(db: Db | Trx, businessId: string): Promise<boolean> {
  for (const table of ['ledger_entries', 'invoices', 'estimates'] as const) {
    const row = await db
      .selectFrom(table)
      .select('id')
      .where('business_id', '=', businessId)
      .limit(1)
      .executeTakeFirst();
    if (row) return true;
  }
  return false;
}

async function slugTaken(db: Db | Trx, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('businesses')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}

function mergeSettings(current: BusinessSettings, patch: SettingsPatch): BusinessSettings {
  const fees = { ...current.convenience_fees };
  for (const method of ['card', 'us_bank_account'] as const) {
    const fee = patch.convenience_fees?.[method];
    if (fee === null) delete fees[method];
    else if (fee) fees[method] = { percent_bps: 0, fixed: 0, ...fees[method], ...fee };
  }
  return {
    branding: { ...current.branding, ...patch.branding },
    tips: { ...current.tips, ...patch.tips },
    partial_payments: { ...current.partial_payments, ...patch.partial_payments },
    convenience_fees: fees,
    allowed_origins: patch.allowed_origins
      ? [...new Set(patch.allowed_origins)]
      : current.allowed_origins,
    notification_email:
      patch.notification_email === undefined
        ? current.notification_email
        : patch.notification_email,
    link_expiry_days:
      patch.link_expiry_days === undefined ? current.link_expiry_days : patch.link_expiry_days,
    invoice_terms:
      patch.invoice_terms === undefined ? current.invoice_terms : patch.invoice_terms || null,
    time_zone: patch.time_zone === undefined ? current.time_zone : patch.time_zone,
    reminders: mergeReminders(current.reminders, patch.reminders),
    refund_tip_and_fee: patch.refund_tip_and_fee ?? current.refund_tip_and_fee,
    receipt_layout: patch.receipt_layout ?? current.receipt_layout,
  };
}

function settingsView(business: BusinessTable) {
  const settings = businessSettings(business);
  return {
    object: 'settings' as const,
    business: business.id,
    name: business.name,
    currency: business.currency,
    locale: business.locale,
    branding: settings.branding,
    tips: settings.tips,
    partial_payments: settings.partial_payments,
    convenience_fees: {
      card: settings.convenience_fees.card ?? null,
      us_bank_account: settings.convenience_fees.us_bank_account ?? null,
    },
    allowed_origins: settings.allowed_origins,
    notification_email: settings.notification_email,
    link_expiry_days: settings.link_expiry_days,
    invoice_terms: settings.invoice_terms,
    time_zone: businessTimeZone(business),
    slug: business.slug,
    reminders: settings.reminders,
    refund_tip_and_fee: settings.refund_tip_and_fee,
    receipt_layout: settings.receipt_layout,
    warnings: [brandColorWarning(settings.branding.brand_color)].filter(
      (warning): warning is SettingsWarning => warning !== null,
    ),
  };
}
