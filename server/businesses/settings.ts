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

export function parseSettings(json: string): BusinessSettings {
  const stored = JSON.parse(json) as Partial<BusinessSettings>;
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    branding: { ...DEFAULT_SETTINGS.branding, ...stored.branding },
    reminders: withReminderDefaults(stored.reminders),
  };
}
