/**
 * Every column of the tables one hot query reads whole through joins (issue 13: a link, its
 * business, customer and document in one query). SQL has no "all columns of b, prefixed", so the
 * lists are written out; the type checks below fail when a table gains a column (schema/) that a
 * list lacks, so a column added by a migration is never silently missing from a portal read.
 */
import type {
  BusinessTable,
  CustomerTable,
  EstimateTable,
  InvoiceTable,
  PaymentLinkTable,
} from './schema.ts';

type Complete<Table, List extends readonly (keyof Table)[]> =
  Exclude<keyof Table, List[number]> extends never
    ? List
    : { missing: Exclude<keyof Table, List[number]> };

function columns<Table>() {
  return <const List extends readonly (keyof Table & string)[]>(list: Complete<Table, List>) =>
    list as List;
}

export const BUSINESS_COLUMNS = columns<BusinessTable>()([
  'id',
  'name',
  'currency',
  'locale',
  'settings',
  'api_key_hash',
  'invoice_counter',
  'estimate_counter',
  'created_at',
  'slug',
]);

export const CUSTOMER_COLUMNS = columns<CustomerTable>()([
  'id',
  'business_id',
  'name',
  'email',
  'phone',
  'external_id',
  'address',
  'locale',
  'time_zone',
  'created_at',
  'updated_at',
]);

export const PAYMENT_LINK_COLUMNS = columns<PaymentLinkTable>()([
  'id',
  'business_id',
  'customer_id',
  'kind',
  'invoice_id',
  'estimate_id',
  'token_hash',
  'token_sealed',
  'status',
  'expires_at',
  'created_at',
  'updated_at',
]);

export const INVOICE_COLUMNS = columns<InvoiceTable>()([
  'id',
  'business_id',
  'customer_id',
  'number',
  'status',
  'currency',
  'subtotal',
  'tax',
  'total',
  'discount_type',
  'discount_rate',
  'discount_amount',
  'discount_description',
  'due_date',
  'notes',
  'created_at',
  'updated_at',
  'voided_at',
  'balance',
]);

export const ESTIMATE_COLUMNS = columns<EstimateTable>()([
  'id',
  'business_id',
  'customer_id',
  'number',
  'status',
  'currency',
  'subtotal',
  'tax',
  'total',
  'valid_until',
  'deposit_percent',
  'deposit_amount',
  'terms',
  'created_at',
  'updated_at',
]);

/** `b."id" as "b.id", b."name" as "b.name", …`: one table's columns under its alias. */
export function prefixedColumns(alias: string, list: readonly string[]): string {
  return list.map((column) => `${alias}."${column}" as "${alias}.${column}"`).join(', ');
}

/**
 * The record of `list` whose columns start at `start` in a row of values read with
 * prefixedColumns() (./plain-sql.ts `plainValues`), or null when outer-joined away. Every list
 * above starts with `id`, which is null only then.
 */
export function recordAt<Row>(
  values: readonly unknown[],
  start: number,
  list: readonly string[],
): Row | null {
  if (values[start] === null || values[start] === undefined) return null;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < list.length; i += 1) out[list[i]!] = values[start + i];
  return out as Row;
}
