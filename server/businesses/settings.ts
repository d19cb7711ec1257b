/** A business's settings: branding, tips, partial payments, fees, embedding, notifications. */
import type { ConvenienceFee, PaymentMethodKind } from '../../shared/quote.ts';
import type { RefundTipAndFee } from '../../shared/refund-split.ts';
import { type ReminderSettings, withReminderDefaults } from './reminder-settings.ts';

export interface BusinessSettings {
  branding: {
    logo_url: string | null;
    brand_color: string;
    address: string | null;
    phone: string | null;
    email: string | null;
  };
  tips: { enabled: boolean; percentages: number[]; custom: boolean };
  partial_payments: { enabled: boolean; minimum: number };
  convenience_fees: Partial<Record<PaymentMethodKind, ConvenienceFee>>;
  allowed_origins: string[];
  notification_email: string | null;
  /** Days a customer or invoice link lives; null means until regenerated, revoked or voided. */
  link_expiry_days: number | null;
  /** Payment terms printed on every invoice ("Due within 30 days. Checks payable to…"). */
  invoice_terms: string | null;
  /** IANA zone name; null means the locale's (server/businesses/time-zone.ts). */
  time_zone: string | null;
  /** Invoice reminders, estimate and "not opened yet" follow-ups (issue 12). */
  reminders: ReminderSettings;
  /** Whether a part refund gives back the tip and fee in proportion, or only once all else has. */
  refund_tip_and_fee: RefundTipAndFee;
  /** How receipts print: a full page (Letter/A4), or an 80 mm strip for a counter's thermal printer. */
  receipt_layout: ReceiptLayout;
}

export type ReceiptLayout = 'full' | 'thermal';

export const DEFAULT_SETTINGS: BusinessSettings = {
  branding: { logo_url: null, brand_color: '#1a56db', address: null, phone: null, email: null },
  tips: { enabled: true, percentages: [18, 20, 25], custom: true },
  partial_payments: { enabled: false, minimum: 100 },
  convenience_fees: {},
  allowed_origins: [],
  notification_email: null,
  link_expiry_days: null,
  invoice_terms: null,
  time_zone: null,
  reminders: withReminderDefaults(undefined),
  refund_tip_and_fee: 'last',
  receipt_layout: 'full',
};

// Settings read by their stored text (issue 13: parsed on every portal read, 1.5 % of its CPU).
// A business's settings change rarely and every request reads the same text, so the parsed copy
// is kept, frozen so that no caller can change what the next one reads. Bounded: the oldest
// text is dropped first.
const parsed = new Map<string, BusinessSettings>();
const PARSED_LIMIT = 200;

export function parseSettings(json: string): BusinessSettings {
  const kept = parsed.get(json);
  if (kept) return kept;
  const stored = JSON.parse(json) as Partial<BusinessSettings>;
  const settings = deepFreeze({
    ...DEFAULT_SETTINGS,
    ...stored,
    branding: { ...DEFAULT_SETTINGS.branding, ...stored.branding },
    reminders: withReminderDefaults(stored.reminders),
  });
  parsed.set(json, settings);
  if (parsed.size > PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  return settings;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
