/**
 * `/v1/settings`: the business's name, currency, locale and the settings of server/businesses/settings.ts.
 * PATCH merges deeply (a nested object may be sent in part; lists are replaced whole) and refuses
 * unknown keys, so that a misspelt setting is an error rather than silently ignored.
 */
import { createRoute, type Hook, OpenAPIHono } from '@hono/zod-openapi';
import { brandColorWarning, type SettingsWarning } from '../../businesses/brand-colors.ts';
import { businessSettings, businessTimeZone } from '../../businesses/businesses.ts';
import { uploadedLogoHash } from '../../businesses/logos.ts';
import type { BusinessSettings } from '../../businesses/settings.ts';
import { type Db, isPostgres, type Trx } from '../../db/database.ts';
import type { BusinessTable } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError, conflict, paramName, validationError } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { checkText } from '../../http/text.ts';
import { checkProviderCurrency } from '../../payments/minimums.ts';
import { mergeReminders } from './settings-reminders.ts';
import { Settings, SettingsPatch } from './settings-schemas.ts';

/** GET /v1/settings's answer; the contract test holds it to shared/api/business.ts. */
export { Settings };

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
        .execute((trx) => updateSettings(trx, business.id, patch, config.publicUrl));
      return c.json(settingsView(updated), 200);
    },
  );

async function updateSettings(
  trx: Trx,
  businessId: string,
  patch: SettingsPatch,
  publicUrl: string,
) {
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
  const logoUrl = patch.branding?.logo_url;
  const currentLogo = businessSettings(business).branding.logo_url;
  // An uploaded logo's address may be sent back as it is, never set: PUT /v1/settings/logo sets it.
  const ours =
    logoUrl?.startsWith(`${publicUrl}/logos/`) || (logoUrl && !logoUrl.startsWith('https:'));
  if (logoUrl && ours && uploadedLogoHash(logoUrl) && logoUrl !== currentLogo) {
    throw new ApiError(
      400,
      'invalid_request_error',
      'parameter_invalid',
      'branding.logo_url: must be an https URL; upload a logo with PUT /v1/settings/logo',
      'branding.logo_url',
    );
  }
  if (patch.slug && patch.slug !== business.slug && (await slugTaken(trx, patch.slug))) {
    throw slugTakenError();
  }
  const changes = {
    name: patch.name ?? business.name,
    currency: patch.currency ?? business.currency,
    locale: patch.locale ?? business.locale,
    slug: patch.slug === undefined ? business.slug : patch.slug,
    settings: JSON.stringify(mergeSettings(businessSettings(business), patch)),
  };
  try {
    await trx.updateTable('businesses').set(changes).where('id', '=', businessId).execute();
  } catch (error) {
    // Another business took the slug after the check above, before this write (issue 12).
    if (isUniqueViolation(error, SLUG_INDEX)) throw slugTakenError();
    throw error;
  }
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

const SLUG_INDEX = { name: 'businesses_slug_idx', table: 'businesses', column: 'slug' };

function slugTakenError() {
  return conflict('slug_taken', 'Another business has this slug: choose another.', 'slug');
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
  for (const method of ['card', 'us_bank_account', 'paypal'] as const) {
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

export function settingsView(business: BusinessTable) {
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
      paypal: settings.convenience_fees.paypal ?? null,
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
