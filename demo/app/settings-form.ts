/**
 * The settings form's fields as staff fill them, turned into the `PATCH /v1/settings` body, and
 * every mistake said in words beside its field (issue 15: "The card fee can be at most 10 %",
 * never a raw schema path). Checks the browser can make are made here first; the server's
 * answer (its `param`) is placed on the same field with the same words.
 */
import type { ConvenienceFee, Settings } from '../../shared/api/staff.ts';
import { type MoneyContext, typedMoney } from './format.ts';

export type FieldErrors = Map<string, string>;

/** Words for a field's mistake, whatever the server's message said. */
const WORDS: Record<string, string> = {
  name: 'Type the business name.',
  currency: 'A three-letter currency code, such as USD.',
  locale: 'A language and region, such as en-US or es-MX.',
  brand_color: 'A colour as #rrggbb.',
  logo_url: 'The logo must be an https:// address, such as https://example.com/logo.png.',
  address: 'At most 500 characters.',
  phone: 'A phone number, such as +1 555 010 2000.',
  email: 'An email address, such as office@example.com.',
  tip_percentages: 'One to six whole percentages from 1 to 100, such as 15, 20, 25, none repeated.',
  partial_minimum: 'The minimum must be more than zero, such as 1.00.',
  card_percent: 'The card fee can be at most 10 %.',
  card_fixed: 'Type the fixed card fee as an amount, such as 0.30.',
  bank_percent: 'The bank account fee can be at most 10 %.',
  paypal_percent: 'The PayPal fee can be at most 10 %.',
  paypal_fixed: 'Type the fixed PayPal fee as an amount, such as 0.30.',
  bank_fixed: 'Type the fixed bank account fee as an amount, such as 0.30.',
  allowed_origins:
    'Each line must be a site address such as https://www.example.com, without a path.',
  notification_email: 'An email address, such as office@example.com.',
  link_expiry_days: 'Links can live 1 to 3,650 days; leave it empty for links that do not expire.',
  invoice_terms: 'At most 2,000 characters.',
};

/** The form field a server `param` names: `convenience_fees.card.percent_bps` → `card_percent`. */
export function fieldOfParam(param: string | null): string {
  if (!param) return 'form';
  const [head, rest] = [param.split(/[.[]/)[0]!, param.slice(param.split(/[.[]/)[0]!.length)];
  if (head === 'branding') return rest.slice(1);
  if (head === 'tips') return 'tip_percentages';
  if (head === 'partial_payments') return 'partial_minimum';
  if (head === 'convenience_fees') {
    const prefix = rest.includes('us_bank_account')
      ? 'bank'
      : rest.includes('paypal')
        ? 'paypal'
        : 'card';
    return `${prefix}_${rest.endsWith('fixed') ? 'fixed' : 'percent'}`;
  }
  return head;
}

/** What to say beside a field the server refused; a list's line is named ("Line 2: …"). */
export function wordsForServerError(param: string | null, code: string, message: string): string {
  const field = fieldOfParam(param);
  const words = code === 'parameter_invalid' ? WORDS[field] : undefined;
  if (!words) return message.replace(/^[\w.[\]]+: /, '');
  const line = field === 'allowed_origins' ? param?.match(/\[(\d+)\]/) : null;
  return line ? `Line ${Number(line[1]) + 1}: ${words}` : words;
}

export interface ReadSettings {
  patch: Record<string, unknown>;
  errors: FieldErrors;
}

export function readSettingsForm(data: FormData, settings: Settings): ReadSettings {
  const errors: FieldErrors = new Map();
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const nullable = (name: string) => text(name) || null;
  const on = (name: string) => data.get(name) === 'on';
  const at: MoneyContext = {
    currency: text('currency') || settings.currency,
    locale: settings.locale,
  };
  const amount = (name: string) => {
    const value = typedMoney(text(name) || '0', at);
    if (value === null) errors.set(name, WORDS[name]!);
    return value ?? 0;
  };
  const fee = (prefix: 'card' | 'bank' | 'paypal'): ConvenienceFee | null => {
    const percentText = text(`${prefix}_percent`) || '0';
    const percent = Number(percentText.replace(',', '.'));
    if (!/^\d+([.,]\d{1,2})?$/.test(percentText) || percent > 10) {
      errors.set(`${prefix}_percent`, WORDS[`${prefix}_percent`]!);
    }
    const fixed = amount(`${prefix}_fixed`);
    const percent_bps = Math.round(percent * 100);
    return percent_bps === 0 && fixed === 0 ? null : { percent_bps, fixed };
  };
  const percentages = text('tip_percentages')
    .split(/[\s,]+/)
    .filter(Boolean);
  if (
    percentages.length === 0 ||
    percentages.length > 6 ||
    percentages.some((p) => !/^\d{1,3}$/.test(p) || Number(p) < 1 || Number(p) > 100) ||
    new Set(percentages.map(Number)).size !== percentages.length
  ) {
    errors.set('tip_percentages', WORDS.tip_percentages!);
  }
  const minimum = amount('partial_minimum');
  if (minimum < 1 && !errors.has('partial_minimum')) {
    errors.set('partial_minimum', WORDS.partial_minimum!);
  }
  const expiry = text('link_expiry_days');
  if (expiry && (!/^\d+$/.test(expiry) || Number(expiry) < 1 || Number(expiry) > 3650)) {
    errors.set('link_expiry_days', WORDS.link_expiry_days!);
  }
  if (!text('name')) errors.set('name', WORDS.name!);
  const patch: Record<string, unknown> = {
    name: text('name'),
    locale: text('locale') || settings.locale,
    branding: {
      logo_url: nullable('logo_url'),
      brand_color: text('brand_color'),
      address: nullable('address'),
      phone: nullable('phone'),
      email: nullable('email'),
    },
    tips: {
      enabled: on('tips_enabled'),
      percentages: percentages.map(Number),
      custom: on('tips_custom'),
    },
    partial_payments: { enabled: on('partial_enabled'), minimum },
    convenience_fees: { card: fee('card'), us_bank_account: fee('bank'), paypal: fee('paypal') },
    allowed_origins: text('allowed_origins').split(/\s+/).filter(Boolean),
    notification_email: nullable('notification_email'),
    link_expiry_days: expiry ? Number(expiry) : null,
    invoice_terms: nullable('invoice_terms'),
    refund_tip_and_fee: text('refund_tip_and_fee') || settings.refund_tip_and_fee,
    receipt_layout: text('receipt_layout') || settings.receipt_layout,
  };
  // The currency is sent only when changed: once money is recorded the server refuses any change.
  const currency = text('currency').toLowerCase();
  if (currency && currency !== settings.currency) patch.currency = currency;
  return { patch, errors };
}
