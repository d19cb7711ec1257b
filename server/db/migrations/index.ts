/** Every migration, by name; a new one is a new file added here. */
import type { Migration } from 'kysely';
import * as ledger from './2026_11_22_0001_ledger.ts';
import * as payments from './2026_11_22_0002_payments.ts';
import * as outbox from './2026_11_22_0003_outbox.ts';
import * as estimateDecisions from './2026_11_22_0004_estimate_decisions.ts';
import * as providerChanges from './2026_12_04_0001_provider_changes.ts';
import * as disputes from './2026_12_04_0002_disputes.ts';
import * as refundReasons from './2026_12_04_0003_refund_reasons.ts';
import * as invoiceQuestions from './2026_12_04_0005_invoice_questions.ts';
import * as webhooks from './2026_12_05_0201_webhooks.ts';
import * as texts from './2026_12_05_0301_texts.ts';
import * as reminders from './2026_12_05_0401_reminders.ts';
import * as disputeVersions from './2026_12_06_0201_dispute_versions.ts';
import * as customerLocale from './2026_12_06_0501_customer_locale.ts';
import * as invoiceDiscounts from './2026_12_06_0601_invoice_discounts.ts';
import * as businessLogos from './2026_12_06_0602_business_logos.ts';
import * as entryAddedByName from './2026_12_06_0701_entry_added_by_name.ts';
import * as customerTimeZone from './2026_12_06_0801_customer_time_zone.ts';
import * as invoiceBalances from './2026_12_07_0101_invoice_balances.ts';
import * as invoiceEntryAmounts from './2026_12_07_0102_invoice_entry_amounts.ts';
import * as openInvoiceTotals from './2026_12_08_0101_open_invoice_totals.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_22_0001_ledger': ledger,
  '2026_11_22_0002_payments': payments,
  '2026_11_22_0003_outbox': outbox,
  '2026_11_22_0004_estimate_decisions': estimateDecisions,
  '2026_12_04_0001_provider_changes': providerChanges,
  '2026_12_04_0002_disputes': disputes,
  '2026_12_04_0003_refund_reasons': refundReasons,
  '2026_12_04_0005_invoice_questions': invoiceQuestions,
  '2026_12_05_0201_webhooks': webhooks,
  '2026_12_05_0301_texts': texts,
  '2026_12_05_0401_reminders': reminders,
  '2026_12_06_0201_dispute_versions': disputeVersions,
  '2026_12_06_0501_customer_locale': customerLocale,
  '2026_12_06_0601_invoice_discounts': invoiceDiscounts,
  '2026_12_06_0602_business_logos': businessLogos,
  '2026_12_06_0701_entry_added_by_name': entryAddedByName,
  '2026_12_06_0801_customer_time_zone': customerTimeZone,
  '2026_12_07_0101_invoice_balances': invoiceBalances,
  '2026_12_07_0102_invoice_entry_amounts': invoiceEntryAmounts,
  '2026_12_08_0101_open_invoice_totals': openInvoiceTotals,
};
