/**
 * What a token opens, read in one query (issue 13): the link with its business, customer and
 * document, the customer's balance, and whether the customer has any estimate or saved card to
 * show, so that a portal read asks for those only when there can be some. The same single
 * indexed lookup by the token's hash for every token, live or dead.
 */
import {
  BUSINESS_COLUMNS,
  CUSTOMER_COLUMNS,
  ESTIMATE_COLUMNS,
  INVOICE_COLUMNS,
  PAYMENT_LINK_COLUMNS,
  prefixedColumns,
  recordAt,
} from '../db/columns.ts';
import { type Db, isPostgres, type Trx } from '../db/database.ts';
import { plainValues } from '../db/plain-sql.ts';
import type {
  BusinessTable,
  CustomerTable,
  EstimateTable,
  InvoiceStatus,
  InvoiceTable,
  PaymentLinkTable,
} from '../db/schema.ts';
import type { PaymentLink } from './payment-links.ts';
import { hashLinkToken } from './tokens.ts';

/** What the one query also learns about the link's customer. */
export interface PortalLinkFacts {
  /** The customer's balance (the newest ledger entry's running balance). */
  balance: number;
  /** A pending estimate, or an approved one with a deposit: the portal may have some to show. */
  estimates: boolean;
  /** A saved card not removed (of any provider). */
  savedMethods: boolean;
  /**
   * How many invoices the customer has open and what they owe together, where the store keeps it
   * (SQLite: `open_invoice_totals`); undefined where they are counted on read (PostgreSQL).
   */
  openInvoices?: { count: number; owed: number };
}

export interface OpenedLink {
  link: PaymentLink;
  business: BusinessTable;
  customer: CustomerTable;
  invoice: InvoiceTable | null;
  estimate: EstimateTable | null;
  facts: PortalLinkFacts;
}

/**
 * The link's select; `totals` is where the open invoices' count and sum come from: the table
 * SQLite keeps them in, or nothing (PostgreSQL counts them on read).
 */
function openLinkSql(totals: 'stored' | 'counted'): string {
  const stored = totals === 'stored';
  return `
  select ${prefixedColumns('l', PAYMENT_LINK_COLUMNS)},
    ${prefixedColumns('b', BUSINESS_COLUMNS)},
    ${prefixedColumns('c', CUSTOMER_COLUMNS)},
    ${prefixedColumns('i', INVOICE_COLUMNS)},
    ${prefixedColumns('e', ESTIMATE_COLUMNS)},
    (select le.balance_after from ledger_entries le where le.customer_id = l.customer_id
      order by le.seq desc limit 1) as balance,
    case when exists (select 1 from estimates pe where pe.customer_id = l.customer_id
      and (pe.status = 'pending' or (pe.status = 'approved' and pe.deposit_amount > 0)))
      then 1 else 0 end as any_estimates,
    case when exists (select 1 from payment_methods pm where pm.customer_id = l.customer_id
      and pm.removed_at is null) then 1 else 0 end as any_saved_methods,
    ${stored ? 'coalesce(t.invoices, 0), coalesce(t.owed, 0)' : 'null, null'}
  from payment_links l
  join businesses b on b.id = l.business_id
  join customers c on c.id = l.customer_id
  left join invoices i on i.id = l.invoice_id
  left join estimates e on e.id = l.estimate_id
  ${stored ? 'left join open_invoice_totals t on t.customer_id = l.customer_id' : ''}
  where l.token_hash = ?`;
}

const OPEN_LINK = { stored: openLinkSql('stored'), counted: openLinkSql('counted') };

// Where each table's columns start in the row, in the select's order above.
const LINK_AT = 0;
const BUSINESS_AT = LINK_AT + PAYMENT_LINK_COLUMNS.length;
const CUSTOMER_AT = BUSINESS_AT + BUSINESS_COLUMNS.length;
const INVOICE_AT = CUSTOMER_AT + CUSTOMER_COLUMNS.length;
const ESTIMATE_AT = INVOICE_AT + INVOICE_COLUMNS.length;
const FACTS_AT = ESTIMATE_AT + ESTIMATE_COLUMNS.length;

/** The link a token opens, live or not, with all the above; undefined for an unknown token. */
export async function openLinkByToken(
  db: Db | Trx,
  token: string,
): Promise<OpenedLink | undefined> {
  // Read as values and cut by position: 70 columns by name cost more than the lookup itself.
  const select = isPostgres(db) ? OPEN_LINK.counted : OPEN_LINK.stored;
  const [row] = await plainValues(db, select, [hashLinkToken(token)]);
  if (!row) return undefined;
  const invoice = recordAt<InvoiceTable>(row, INVOICE_AT, INVOICE_COLUMNS);
  const estimate = recordAt<EstimateTable>(row, ESTIMATE_AT, ESTIMATE_COLUMNS);
  const link: PaymentLink = {
    ...recordAt<PaymentLinkTable>(row, LINK_AT, PAYMENT_LINK_COLUMNS)!,
    invoice_status: (invoice?.status as InvoiceStatus | undefined) ?? null,
    estimate_valid_until: estimate?.valid_until ?? null,
  };
  const [balance, anyEstimates, anySavedMethods, openCount, openOwed] = row.slice(FACTS_AT);
  return {
    link,
    business: recordAt<BusinessTable>(row, BUSINESS_AT, BUSINESS_COLUMNS)!,
    customer: recordAt<CustomerTable>(row, CUSTOMER_AT, CUSTOMER_COLUMNS)!,
    invoice,
    estimate,
    facts: {
      balance: Number(balance ?? 0),
      estimates: Number(anyEstimates) === 1,
      savedMethods: Number(anySavedMethods) === 1,
      ...(openCount === null
        ? {}
        : { openInvoices: { count: Number(openCount), owed: Number(openOwed) } }),
    },
  };
}
