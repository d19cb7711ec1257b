/**
 * One customer's language and one business's currency: messages, money and dates through `Intl`,
 * and amounts typed the way the customer writes numbers ("88,25" in Spanish is 88.25).
 */
import { formatMoney, minorUnitDigits, parseMoney } from '../../shared/money.ts';
import { en, type Messages } from './en.ts';

/**
 * English is in the entry; other languages are parts loaded when a page asks for them
 * (widget/pay-portal/messages.ts), so a page pays in bytes for one language only. English's
 * later words (en-later.ts) join it when the views that use them load (`addEnglish`): no view
 * that uses one draws before.
 */
const catalogues: Record<string, Messages> = { en: en as Messages };

/** Adds a language's catalogue, once loaded. */
export function addMessages(lang: string, messages: Messages): void {
  catalogues[lang] = messages;
}

/** Adds English words that came with a lazy view; the Localizers made already speak them too. */
export function addEnglish(words: Partial<Messages>): void {
  Object.assign(en, words);
}

/** Whether a language's catalogue is here (English always is). */
export function hasMessages(lang: string): boolean {
  return lang in catalogues;
}

/** The language tag to use: a valid one as given, else English. */
export function resolveLocale(requested: string | null | undefined): string {
  try {
    return Intl.getCanonicalLocales(requested || 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export class Localizer {
  readonly t: Messages;
  readonly lang: string;
  private readonly decimal: string;

  constructor(
    readonly locale: string,
    readonly currency: string,
    /** The business's zone for moments; the browser's when the portal did not say. */
    readonly timeZone?: string,
  ) {
    this.lang = locale.split('-')[0]!.toLowerCase();
    this.t = catalogues[this.lang] ?? catalogues.en!;
    const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
    this.decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  }

  money(amount: number): string {
    return formatMoney(amount, this.currency, this.locale);
  }

  /** A calendar date (YYYY-MM-DD) or a timestamp, in the customer's words, never shifted a day. */
  date(value: string): string {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value;
    const date = new Date(day);
    if (Number.isNaN(date.getTime())) return value;
    return new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'medium',
      timeZone: day === value ? this.timeZone : 'UTC',
    }).format(date);
  }

  /** Minor units as the customer would type them: 8825 → "88.25" (en) or "88,25" (es). */
  amountInput(amount: number): string {
    const digits = minorUnitDigits(this.currency);
    if (digits === 0) return String(amount);
    const scale = 10 ** digits;
    const fraction = String(amount % scale).padStart(digits, '0');
    return `${Math.floor(amount / scale)}${this.decimal}${fraction}`;
  }

  /** What the customer typed, in minor units, or null when it is not an amount. */
  parseAmount(text: string): number | null {
    let normalized = text.replace(/[\s\u00a0]/g, '');
    if (this.decimal === ',') normalized = normalized.replace(/\./g, '').replace(',', '.');
    return parseMoney(normalized, this.currency);
  }

  /** The currency's symbol in this locale ("$", "US$", "¥"). */
  symbol(): string {
    return (
      new Intl.NumberFormat(this.locale, {
        style: 'currency',
        currency: this.currency.toUpperCase(),
      })
        .formatToParts(0)
        .find((part) => part.type === 'currency')?.value ?? this.currency.toUpperCase()
    );
  }

  /** Basis points as a percentage: 300 → "3%" (en), "3 %" (es). */
  percent(basisPoints: number): string {
    return new Intl.NumberFormat(this.locale, {
      style: 'percent',
      maximumFractionDigits: 2,
    }).format(basisPoints / 10_000);
  }

  /** Card brand as people write it: "visa" → "Visa". */
  brand(brand: string): string {
    const known: Record<string, string> = {
      amex: 'American Express',
      mastercard: 'Mastercard',
      diners: 'Diners Club',
      jcb: 'JCB',
      unionpay: 'UnionPay',
    };
    return known[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
  }
}
