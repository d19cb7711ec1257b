/**
 * "Ask a question" on an invoice: the question goes to the business by email (the outbox) in
 * the transaction that keeps it, and staff see it in the invoice's activity. At most
 * QUESTIONS_PER_HOUR an invoice, as for estimates: enough for a conversation, too few to flood
 * a mailbox.
 */
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import type { InvoiceQuestionTable, InvoiceTable } from '../db/schema.ts';
import type { Client } from '../http/client-address.ts';
import { hourAgo, QUESTIONS_PER_HOUR, refuseOverHourlyLimit } from '../http/rate-limit.ts';
import type { PortalScope } from '../links/access.ts';
import { enqueueInvoiceQuestion } from './question-email.ts';

export async function askAboutInvoice(
  trx: Trx,
  scope: PortalScope,
  invoice: InvoiceTable,
  message: string,
  client: Client,
): Promise<InvoiceQuestionTable> {
  const recent = await trx
    .selectFrom('invoice_questions')
    .select('created_at')
    .where('invoice_id', '=', invoice.id)
    .where('created_at', '>', hourAgo())
    .orderBy('created_at', 'asc')
    .execute();
  refuseOverHourlyLimit(recent, QUESTIONS_PER_HOUR);
  const email = await enqueueInvoiceQuestion(
    trx,
    { business: scope.business, customer: scope.customer, invoice },
    message,
  );
  const question: InvoiceQuestionTable = {
    id: newId('qst'),
    business_id: invoice.business_id,
    invoice_id: invoice.id,
    payment_link_id: scope.link.id,
    message,
    client_address: client.address,
    user_agent: client.userAgent?.slice(0, 512) ?? null,
    email_id: email?.id ?? null,
    created_at: now(),
  };
  await trx.insertInto('invoice_questions').values(question).execute();
  return question;
}

export async function listInvoiceQuestions(db: Db | Trx, invoiceId: string) {
  return db
    .selectFrom('invoice_questions')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}
