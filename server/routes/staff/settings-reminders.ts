/**
 * The settings of issue 12, kept apart from settings.ts so it stays additive: the business's time
 * zone, its public page's slug, and its reminders. Each is a patch schema, a view schema and a
 * merge, used by server/routes/staff/settings.ts.
 */
import { z } from '@hono/zod-openapi';
import type { ReminderSettings } from '../../businesses/reminder-settings.ts';
import { isTimeZone } from '../../businesses/time-zone.ts';

export const TimeZonePatch = z
  .string()
  .max(64)
  .refine(isTimeZone, 'must be an IANA time zone name, such as America/Chicago')
  .nullable()
  .openapi({ description: 'IANA name; null resets it to the zone of the locale (or UTC).' });

/** Lower-case letters, digits and single hyphens: what goes after /b/ in the public page's URL. */
export const SlugPatch = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens (acme-pools)')
  .nullable();

const channel = z.enum(['email', 'sms', 'both']);
const days = z.number().int();

export const RemindersPatch = z
  .strictObject({
    channel,
    invoice: z
      .strictObject({
        enabled: z.boolean(),
        offsets_days: z
          .array(days.min(-60).max(365))
          .max(10)
          .refine((list) => new Set(list).size === list.length, 'must not repeat an offset'),
        max_per_invoice: z.number().int().min(0).max(20),
      })
      .partial(),
    estimate: z
      .strictObject({
        enabled: z.boolean(),
        follow_up_days: days.min(1).max(90),
        before_expiry_days: days.min(1).max(90).nullable(),
      })
      .partial(),
    not_opened: z.strictObject({ enabled: z.boolean(), after_days: days.min(1).max(60) }).partial(),
  })
  .partial();

export const RemindersView = z.object({
  channel,
  invoice: z.object({
    enabled: z.boolean(),
    offsets_days: z.array(z.number().int()),
    max_per_invoice: z.number().int(),
  }),
  estimate: z.object({
    enabled: z.boolean(),
    follow_up_days: z.number().int(),
    before_expiry_days: z.number().int().nullable(),
  }),
  not_opened: z.object({ enabled: z.boolean(), after_days: z.number().int() }),
});

export function mergeReminders(
  current: ReminderSettings,
  patch: z.output<typeof RemindersPatch> | undefined,
): ReminderSettings {
  if (!patch) return current;
  const offsets = patch.invoice?.offsets_days;
  return {
    channel: patch.channel ?? current.channel,
    invoice: {
      ...current.invoice,
      ...patch.invoice,
      ...(offsets ? { offsets_days: [...offsets].sort((a, b) => a - b) } : {}),
    },
    estimate: { ...current.estimate, ...patch.estimate },
    not_opened: { ...current.not_opened, ...patch.not_opened },
  };
}
