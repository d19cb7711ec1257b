/** Customers of a business: data access. */
import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { keysetPage, type Page } from '../db/pagination.ts';
import type { CustomerTable } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { customerLanguage } from './customer-locale.ts';
import { customerZoneName } from './customer-time-zone.ts';

export interface CustomerAddress {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  country?: string | null;
}

export interface CustomerFields {
  name: string;
  email?: string | null;
  phone?: string | null;
  external_id?: string | null;
  address?: CustomerAddress | null;
  /** 'en' or 'es'; null: the business's language (./customer-locale.ts). */
  locale?: string | null;
  /** IANA zone name; null: the business's (./customer-time-zone.ts). Unknown: 422, nothing kept. */
  time_zone?: string | null;
}

export async function createCustomer(db: Db, businessId: string, fields: CustomerFields) {
  const at = now();
  const timeZone = customerZoneName(fields.time_zone);
  const customer: CustomerTable = {
    id: newId('cus'),
    business_id: businessId,
    name: fields.name,
    email: fields.email ?? null,
    phone: fields.phone ?? null,
    external_id: fields.external_id ?? null,
    address: fields.address ? JSON.stringify(fields.address) : null,
    locale: fields.locale ?? null,
    time_zone: timeZone,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('customers').values(customer).execute();
  return customer;
}

/** The business's customer, or a 404 that says nothing of other businesses' customers. */
export async function getCustomer(db: Db | Trx, businessId: string, id: string, param = 'id') {
  const customer = await db
    .selectFrom('customers')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!customer) throw notFound('customer', param);
  return customer;
}

/**
 * Newest first; `limit + 1` rows so the caller can tell whether more follow. `q` finds customers
 * whose name, email or phone contains it, or who have an invoice numbered so (issue 15: "search
 * customers by name, email, phone or invoice number"), ignoring case.
 */
export async function listCustomers(
  db: Db,
  businessId: string,
  page: Page & { q?: string | undefined },
) {
  let query = db.selectFrom('customers').selectAll().where('business_id', '=', businessId);
  if (page.q) {
    const pattern = `%${page.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = (column: string) =>
      sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        like('customers.name'),
        like('customers.email'),
        like('customers.phone'),
        eb.exists(
          eb
            .selectFrom('invoices')
            .select('invoices.id')
            .whereRef('invoices.customer_id', '=', 'customers.id')
            .where(like('invoices.number')),
        ),
      ]),
    );
  }
  return keysetPage(query, page, {
    cursor: (id) => getCustomer(db, businessId, id, 'starting_after'),
  });
}

export async function updateCustomer(
  db: Db,
  businessId: string,
  id: string,
  fields: Partial<CustomerFields>,
) {
  const timeZone = fields.time_zone === undefined ? undefined : customerZoneName(fields.time_zone);
  const current = await getCustomer(db, businessId, id);
  const changes: Partial<CustomerTable> = { updated_at: now() };
  if (fields.name !== undefined) changes.name = fields.name;
  if (fields.email !== undefined) changes.email = fields.email;
  if (fields.phone !== undefined) changes.phone = fields.phone;
  if (fields.external_id !== undefined) changes.external_id = fields.external_id;
  if (fields.locale !== undefined) changes.locale = fields.locale;
  if (timeZone !== undefined) changes.time_zone = timeZone;
  if (fields.address !== undefined) {
    changes.address = fields.address ? JSON.stringify(fields.address) : null;
  }
  await db.updateTable('customers').set(changes).where('id', '=', current.id).execute();
  return { ...current, ...changes };
}

export function customerView(customer: CustomerTable) {
  return {
    id: customer.id,
    object: 'customer' as const,
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    external_id: customer.external_id,
    address: customer.address ? (JSON.parse(customer.address) as CustomerAddress) : null,
    locale: customerLanguage(customer.locale),
    time_zone: customer.time_zone,
    created: customer.created_at,
  };
}
