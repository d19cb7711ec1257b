/**
 * The language a customer is written to in (issue 12: reminders "in the customer's language").
 * A customer may be given one of the languages the product speaks (`en`, `es`); without one they
 * get the business's. The locale a message is written with keeps the business's region, so money
 * and dates still look as they do where the business is: a Spanish customer of an `en-US`
 * business reads `es-US` ("15 de diciembre de 2026", "US$ 120.00" as Intl writes it).
 */

export const CUSTOMER_LANGUAGES = ['en', 'es'] as const;
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];

/** A stored language as the API shows it: one the product speaks, else null (the business's). */
export function customerLanguage(stored: string | null): CustomerLanguage | null {
  return CUSTOMER_LANGUAGES.find((language) => language === stored) ?? null;
}

/** The BCP 47 tag to write to this customer in: the business's, in the customer's language. */
export function customerLocale(businessLocale: string, customerLanguage: string | null): string {
  if (!customerLanguage) return businessLocale;
  const [language, ...rest] = businessLocale.split('-');
  if (language?.toLowerCase() === customerLanguage) return businessLocale;
  const region = rest.find((part) => /^([A-Za-z]{2}|[0-9]{3})$/.test(part));
  return region ? `${customerLanguage}-${region.toUpperCase()}` : customerLanguage;
}

/** The business as a message to one customer sees it: its locale in the customer's language. */
export function forCustomer<Business extends { locale: string }>(
  business: Business,
  customer: { locale: string | null } | null | undefined,
): Business {
  const locale = customerLocale(business.locale, customer?.locale ?? null);
  return locale === business.locale ? business : { ...business, locale };
}
