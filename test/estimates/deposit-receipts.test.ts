/**
 * A deposit's receipt names what it paid: "Deposit for estimate EST-…", in the receipt PDF (read
 * back as text) and in the receipt and notice emails (delivered to a real SMTP server and parsed
 * back); still so once the estimate became an invoice and the deposit was moved onto it.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createPaymentLink } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { pdfText, plain } from '../support/pdf-text.ts';
import { openPortal } from '../support/portal-client.ts';
import { estimateForDana } from '../support/scenarios.ts';
import { useMailbox } from '../support/smtp.ts';

describe.each(testStores)('deposit receipts on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const { deliver } = useMailbox(h);

  /** Dana approves a 4,000.00 estimate and pays its 500.00 deposit by Visa (no card fee). */
  async function depositPaid(settings: Record<string, unknown> = {}) {
    const body = {
      lines: [{ description: 'Resurfacing', quantity: 1, unit_amount: 400_000, tax_rate: 0 }],
      deposit_amount: 50_000,
    };
    const { staff, dana, estimate } = await estimateForDana(h, body, settings);
    const { token } = await createPaymentLink(staff, { customer: dana.id });
    const customer = openPortal(h, token);
    const approved = await customer.approve(estimate.id, { type: 'typed', name: 'Dana Diaz' });
    expect(approved.status).toBe(200);
    const paid = await customer.pay({
      method: 'card',
      estimate_deposit: { estimate: estimate.id },
    });
    expect(paid.body, JSON.stringify(paid.body)).toMatchObject({
      status: 'succeeded',
      amount: 50_000,
    });
    return { staff, token, estimate, payment: paid.body };
  }

  const receiptText = async (token: string, paymentId: string) => {
    const response = await h.request(`/v1/portal/${token}/payments/${paymentId}/receipt.pdf`);
    expect(response.status).toBe(200);
    return plain(await pdfText(new Uint8Array(await response.arrayBuffer())));
  };

  it('labels the deposit with its estimate in the receipt PDF, before and after invoicing', async () => {
    const { staff, token, estimate, payment } = await depositPaid();
    const before = await receiptText(token, payment.id);
    expect(before).toContain(`Deposit for estimate ${estimate.number} $500.00`);
    expect(before).toContain('Total paid $500.00');
    expect(before).not.toContain('Account balance');

    const invoice = await staff.post(`/v1/estimates/${estimate.id}/invoice`, {});
    expect(invoice.status).toBe(200);
    const after = await receiptText(token, payment.id);
    expect(after).toContain(`Deposit for estimate ${estimate.number} $500.00`);
    expect(after).not.toContain(`Invoice ${invoice.body.number}`);
    expect(after).not.toContain('Account balance');
  });

  it('labels it in the receipt and the notice emails', async () => {
    const { estimate, payment } = await depositPaid();
    const mails = await deliver();
    const receipt = mails.find((mail) => mail.subject?.startsWith('Your receipt'));
    const notice = mails.find((mail) => mail.subject?.startsWith('Payment received'));
    const line = `Deposit for estimate ${estimate.number}: $500.00`;
    expect(receipt?.text).toContain(line);
    expect(receipt?.html).toContain(`Deposit for estimate ${estimate.number}`);
    expect(receipt?.text).not.toContain('Account balance');
    expect(notice?.text).toContain(line);
    expect(notice?.text).not.toContain('Account balance');
    const attachment = receipt?.attachments[0];
    expect(plain(await pdfText(attachment!.content))).toContain(
      `Deposit for estimate ${estimate.number}`,
    );
    const outbox = await h.db
      .selectFrom('outbox_messages')
      .select('kind')
      .where('payment_id', '=', payment.id)
      .execute();
    expect(outbox.map((row) => row.kind).sort()).toEqual(['payment_notice', 'receipt']);
  });

  it('says it in Spanish for a Spanish-speaking business', async () => {
    const { token, estimate, payment } = await depositPaid({ locale: 'es-US' });
    const text = await receiptText(token, payment.id);
    expect(text).toContain(`Depósito del presupuesto ${estimate.number}`);
    expect(text).not.toContain('Saldo de la cuenta');
  });
});
