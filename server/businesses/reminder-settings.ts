/**
 * When a business's customers are reminded (issue 12): invoice reminders at offsets from the due
 * date, the estimate follow-up ("quote nudge") and the "not opened yet" follow-up, and by which
 * channel. Kept in the business's settings; server/reminders/ reads them on every pass.
 */

/** `sms` and `both` wait for the text channel; until it exists, they go by email. */
export type ReminderChannel = 'email' | 'sms' | 'both';

export interface ReminderSettings {
  channel: ReminderChannel;
  invoice: {
    enabled: boolean;
    /** Days from the due date: -3 is three days before, 0 the due date itself. */
    offsets_days: number[];
    /** At most this many reminders for one invoice, whatever the offsets. */
    max_per_invoice: number;
  };
  estimate: {
    enabled: boolean;
    /** Days after the estimate was sent, if it is still pending. */
    follow_up_days: number;
    /** Days before it expires, once; null for none. */
    before_expiry_days: number | null;
  };
  not_opened: {
    enabled: boolean;
    /** Days after a link was sent with no view yet. */
    after_days: number;
  };
}

export const DEFAULT_REMINDERS: ReminderSettings = {
  channel: 'email',
  invoice: { enabled: true, offsets_days: [-3, 0, 3, 7, 14], max_per_invoice: 5 },
  estimate: { enabled: true, follow_up_days: 3, before_expiry_days: 2 },
  not_opened: { enabled: true, after_days: 2 },
};

/** Stored settings over the defaults, one level deep, so a setting added later has its default. */
export function withReminderDefaults(
  stored: Partial<ReminderSettings> | undefined,
): ReminderSettings {
  return {
    channel: stored?.channel ?? DEFAULT_REMINDERS.channel,
    invoice: { ...DEFAULT_REMINDERS.invoice, ...stored?.invoice },
    estimate: { ...DEFAULT_REMINDERS.estimate, ...stored?.estimate },
    not_opened: { ...DEFAULT_REMINDERS.not_opened, ...stored?.not_opened },
  };
}
