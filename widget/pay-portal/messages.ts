/**
 * The customer's language for `<pay-portal>`: English is in the entry, Spanish a part of its own
 * (widget/lazy/lazy.ts) loaded before the account is drawn, so the script a business's page
 * loads stays within its budget (test/size/widget-size.test.ts). A language that cannot load
 * leaves the page in English rather than leaving it unshown.
 */
import type { Messages } from '../i18n/en.ts';
import { addMessages, hasMessages, Localizer, resolveLocale } from '../i18n/localize.ts';
import { loadMessagesEs } from '../lazy/lazy.ts';

const loaders: Record<string, () => Promise<Messages>> = {
  es: async () => (await loadMessagesEs()).es,
};

/** Loads the catalogue of `locale`'s language if it is not here; true once it is. */
export async function loadMessages(locale: string): Promise<boolean> {
  const lang = resolveLocale(locale).split('-')[0]!.toLowerCase();
  if (hasMessages(lang)) return true;
  const load = loaders[lang];
  if (!load) return false;
  try {
    addMessages(lang, await load());
    return true;
  } catch {
    return false;
  }
}

/** The element's Localizer, made again only when the language, currency or catalogue changes. */
export class LocalizerCache {
  private cached: Localizer | null = null;

  /** `requested`: the `locale` attribute, else the browser's language. */
  get(requested: string, currency: string, timeZone?: string): Localizer {
    const locale = resolveLocale(requested);
    const cached = this.cached;
    if (cached?.locale === locale && cached.currency === currency && cached.timeZone === timeZone) {
      return cached;
    }
    this.cached = new Localizer(locale, currency, timeZone);
    return this.cached;
  }

  /** Loads the language's catalogue; the next `get` speaks it. Never fails (English stays). */
  async load(requested: string): Promise<void> {
    if (await loadMessages(requested)) this.cached = null;
  }
}
