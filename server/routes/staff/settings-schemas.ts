/**
 * The shapes of `/v1/settings`: what PATCH takes (every key optional, unknown keys refused) and
 * what GET answers. The route and the merge are in settings.ts.
 */
import { z } from '@hono/zod-openapi';
import { REFUND_TIP_AND_FEE } from '../../../shared/refund-split.ts';
import { uploadedLogoHash } from '../../businesses/logos.ts';
import { amount, currency } from '../../http/schemas.ts';
import { RemindersPatch, RemindersView, SlugPatch, TimeZonePatch } from './settings-reminders.ts';

const nullableText = (max: number) => z.string().trim().min(1).max(max).nullable();

const httpsUrl = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', {
    message: 'must be an https URL',
  });

/** The address of an uploaded logo, on this server (http while it runs on localhost). */
const uploadedLogoUrl = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && uploadedLogoHash(value) !== null, {
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

export const SettingsPatch = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    currency: knownCurrency,
    locale,
    branding: z
      .strictObject({
        logo_url: z
          .union([httpsUrl, uploadedLogoUrl])
          .nullable()
          .openapi({
            description:
              'An https image URL, or (unchanged) the address of the logo uploaded with ' +
              '`PUT /v1/settings/logo`.',
          }),
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
    convenience_fees: z
      .strictObject({ card: FeePatch, us_bank_account: FeePatch, paypal: FeePatch })
      .partial(),
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
    convenience_fees: z.object({
      card: Fee.nullable(),
      us_bank_account: Fee.nullable(),
      paypal: Fee.nullable(),
    }),
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

export type SettingsPatch = z.output<typeof SettingsPatch>;
