/**
 * The staff API's answers about the business itself: its settings, its outbox (./outbox.ts), and the
 * snippets to embed the element. Type-only, re-exported by staff.ts; test/contract/contract.test.ts
 * checks each against the server's schema or view.
 */
import type { RefundTipAndFee } from '../refund-split.ts';
import type { Branding, ConvenienceFees, PartialPayments, TipOptions } from './common.ts';

export interface Settings {
  object: 'settings';
  business: string;
  name: string;
  currency: string;
  locale: string;
  branding: Branding;
  tips: TipOptions;
  partial_payments: PartialPayments;
  convenience_fees: ConvenienceFees;
  allowed_origins: string[];
  notification_email: string | null;
  /** Days a customer or invoice link lives; null: until regenerated, revoked or voided. */
  link_expiry_days: number | null;
  /** Payment terms shown on every invoice, on screen and in its PDF. */
  invoice_terms: string | null;
  /** IANA zone in effect (chosen, else the locale's region's, else UTC): dates and "due" use it. */
  time_zone: string;
  /** The public "Pay your bill" page is /b/{slug}; null: no page. */
  slug: string | null;
  reminders: ReminderSettings;
  /** How a part refund gives back the tip and fee: only after all else (`last`) or in proportion. */
  refund_tip_and_fee: RefundTipAndFee;
  /** Receipts as a full page (Letter or A4) or an 80 mm strip for a thermal counter printer. */
  receipt_layout: 'full' | 'thermal';
  /** Saved all the same; shown beside the setting (a brand colour text cannot use as it is). */
  warnings: SettingsWarning[];
}

/** When customers are reminded (docs/reminders.md). */
export interface ReminderSettings {
  channel: 'email' | 'sms' | 'both';
  invoice: { enabled: boolean; offsets_days: number[]; max_per_invoice: number };
  estimate: { enabled: boolean; follow_up_days: number; before_expiry_days: number | null };
  not_opened: { enabled: boolean; after_days: number };
}

export interface SettingsWarning {
  code: 'brand_color_low_contrast';
  param: string;
  message: string;
}

// The outbox's shapes (email and texts) live in ./outbox.ts; re-exported here as before.
export type { Email, EmailDetail, EmailKind } from './outbox.ts';

/**
 * `GET /widget/embed.json` (no key; the demo page's "Embed on a website"): the element's files,
 * their `sha384-…` integrity and snippets a business copies. `LINK_TOKEN` stands for the token.
 */
export interface Embed {
  object: 'embed';
  module: EmbedFile;
  script: EmbedFile;
  snippets: {
    script_tag: string;
    script_tag_pinned: string | null;
    module_pinned: string | null;
    iframe: string;
  };
}

export interface EmbedFile {
  /** The content-hashed file, cached for good. */
  url: string;
  /** The same file under its stable name. */
  stable_url: string;
  integrity: string;
}
