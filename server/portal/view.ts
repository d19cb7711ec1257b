/** `GET /v1/portal/:token`: everything the element needs to draw the portal, in one answer. */
import { businessTimeZone } from '../businesses/businesses.ts';
import { customerLanguage, customerLocale } from '../businesses/customer-locale.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { ListedInvoice } from '../invoices/open-page.ts';
import { isOpenInvoice } from '../invoices/owed.ts';
import { balanceState } from '../ledger/entries.ts';
import type { PortalScope } from '../links/access.ts';
import { linkExpires } from '../links/payment-links.ts';
import { portalMoneyFirstPage } from '../payments/payable.ts';
import { paypalTakes, venmoOffered } from '../payments/paypal/paypal-money.ts';
import { providerMethods } from '../payments/providers.ts';
import { listSavedPaymentMethods, reachesSavedCards } from '../payments/saved-methods.ts';
import { portalEstimates } from './estimates.ts';
import { overdueCounter } from './overdue.ts';

export async function portalView(db: Db, config: Config, scope: PortalScope) {
  const { business, settings, link } = scope;
  const timeZone = businessTimeZone(business, settings);
  const overdue = overdueCounter(timeZone);
  const [money, estimates, savedMethods] = await Promise.all([
    portalMoneyFirstPage(db, scope),
    // Read with the link: whether there can be any to show (issue 13: no query for none).
    scope.facts?.estimates === false && scope.link.kind === 'customer'
      ? []
      : portalEstimates(db, scope),
    reachesSavedCards(scope) && scope.facts?.savedMethods !== false
      ? listSavedPaymentMethods(db, scope.customer.id, config.paymentProvider)
      : [],
  ]);
  return {
    object: 'portal' as const,
    link: { kind: link.kind, expires: linkExpires(link) },
    business: {
      name: business.name,
      logo_url: settings.branding.logo_url,
      brand_color: settings.branding.brand_color,
      address: settings.branding.address,
      phone: settings.branding.phone,
      email: settings.branding.email,
    },
    customer: {
      name: scope.customer.name,
      phone: scope.customer.phone,
      locale: customerLanguage(scope.customer.locale),
    },
    currency: business.currency,
    // The customer's language when staff gave one (issue 12), in the business's region.
    locale: customerLocale(business.locale, scope.customer.locale),
    time_zone: timeZone,
    balance: { amount: money.balance, state: balanceState(money.balance) },
    balance_due: money.balance_due,
    // The first FIRST_INVOICES; the rest through GET …/invoices (./invoice-pages.ts).
    invoices: money.invoices.map((invoice) => invoiceView(invoice, scope.token, overdue)),
    invoices_summary: money.summary,
    estimates,
    tip_options: settings.tips,
    partial_payments: settings.partial_payments,
    payment_methods: providerMethods(config, business.currency).map(({ type, provider }) => ({
      type,
      fee: settings.convenience_fees[type] ?? null,
      provider,
    })),
    provider: providerView(config),
    providers: [
      providerView(config),
      ...(config.paypal && paypalTakes(business.currency)
        ? [
            {
              name: 'paypal' as const,
              client_id: config.paypal.clientId,
              currency: business.currency.toUpperCase(),
              venmo: venmoOffered(business.currency),
              test_mode: config.paypal.environment === 'sandbox',
            },
          ]
        : []),
    ],
    saved_payment_methods: savedMethods,
  };
}

/** An open invoice as the portal lists it; `overdue` counts days on the business's clock. */
export function invoiceView(
  invoice: ListedInvoice,
  token: string,
  overdue: (dueDate: string | null) => number,
) {
  return {
    id: invoice.id,
    number: invoice.number,
    date: invoice.created_at.slice(0, 10),
    due_date: invoice.due_date,
    status: invoice.status,
    total: invoice.total,
    amount_due: invoice.amount_due,
    days_overdue:
      isOpenInvoice(invoice.status) && invoice.amount_due > 0 ? overdue(invoice.due_date) : 0,
    pdf_url: `/v1/portal/${token}/invoices/${invoice.id}.pdf`,
  };
}

function providerView(config: Config) {
  if (config.paymentProvider === 'stripe') {
    const key = config.stripe.publishableKey ?? '';
    return { name: 'stripe' as const, publishable_key: key, test_mode: key.startsWith('pk_test_') };
  }
  if (config.paymentProvider === 'square') {
    return {
      name: 'square' as const,
      application_id: config.square.applicationId ?? '',
      location_id: config.square.locationId ?? '',
      // Square's sandbox application ids start `sandbox-sq0idb-`.
      test_mode: config.square.environment === 'sandbox',
    };
  }
  return { name: 'sandbox' as const, test_mode: true };
}
