/**
 * The refund email (issue 11): when staff refund, the customer hears of it through the outbox, in
 * the business's language, with the updated receipt (showing the refund) attached; parsed back
 * from a real SMTP server in the test. Once per refund, never for a refund that failed, never
 * without an address, never with staff's reason.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createInvoice,
  createPaymentLink,
  poolBusiness,
} from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { pdfText, plain } from '../support/pdf-text.ts';
import { openPortal } from '../support/portal-client.ts';
import { useMailbox } from '../support/smtp.ts';

describe.each(testStores)('refund email on $name', (store) => {
  const h = useHarness(store);
  const { deliver } = useMailbox(h);

  /** Dana pays 100.00 with an 18 % tip by Visa (3 % + 30¢ card fee): 121.84. */
  async function paid(options: { locale?: string; email?: string | null } = {}) {
    const staff = await poolBusiness(h, {
      ...(options.locale ? { locale: options.locale } : {}),
      branding: { email: 'hello@bluelagoon.test' },
    });
    const email = options.email === undefined ? 'dana@example.com' : options.email;
    const dana = await createCustomer(staff, { email: email ?? undefined });
    const invoice = await createInvoice(staff, dana.id, 10_000);
    const confirmed = await openPortal(
      h,
      await createPaymentLink(staff, { customer: dana.id }),
    ).pay({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      tip: { percent: 18 },
      method: 'card',
    });
    expect(confirmed.body).toMatchObject({ status: 'succeeded', amount: 12_184 });
    await deliver(); // the receipt and the notice, out of the way
    return { staff, paymentId: confirmed.body.id as string };
  }

  const refundKinds = async (paymentId: string) =>
    (
      await h.db
        .selectFrom('outbox_messages')
        .select(['kind', 'to'])
        .where('payment_id', '=', paymentId)
        .where('kind', '=', 'refund')
        .execute()
    ).map((row) => row.to);

  it('tells the customer what was refunded and where it goes, with the updated receipt', async () => {
    const { staff, paymentId } = await paid();
    const refund = await staff.post(`/v1/payments/${paymentId}/refunds`, {
      amount: 2_500,
      reason: 'Customer overcharged for chemicals',
    });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
    const queued = await staff.get('/v1/outbox');
    expect(queued.body.data.map((m: { kind: string }) => m.kind)).toContain('refund');

    const [mail, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('Your refund from Blue Lagoon Pools: $25.00');
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('dana@example.com');
    expect(mail?.replyTo?.text).toBe('hello@bluelagoon.test');
    const text = mail?.text ?? '';
    expect(text).toContain('Blue Lagoon Pools has refunded $25.00 of your payment R-000001.');
    expect(text).toContain('The money goes back to Visa •••• 4242.');
    expect(text).toContain('Test mode: this payment was made with test keys');
    expect(text).not.toContain('chemicals');
    expect(mail?.html).toContain('has refunded $25.00');
    const [attachment] = mail?.attachments ?? [];
    expect(attachment?.filename).toBe('receipt-R-000001.pdf');
    expect(plain(await pdfText(attachment!.content))).toContain('Refunded -$25.00');

    // A second refund: its own email, which counts both.
    await staff.post(`/v1/payments/${paymentId}/refunds`, { amount: 1_000 });
    const [second] = await deliver();
    expect(second?.subject).toBe('Your refund from Blue Lagoon Pools: $10.00');
    expect(second?.text).toContain('Refunded of this payment so far: $35.00.');
  });

  it('speaks Spanish for a Spanish business', async () => {
    const { staff, paymentId } = await paid({ locale: 'es-US' });
    await staff.post(`/v1/payments/${paymentId}/refunds`, {});
    const [mail] = await deliver();
    expect(mail?.subject).toBe('Su reembolso de Blue Lagoon Pools: $121.84');
    expect(mail?.text).toContain(
      'Blue Lagoon Pools le ha reembolsado $121.84 de su pago R-000001.',
    );
    expect(mail?.text).toContain('El dinero vuelve a Visa •••• 4242.');
  });

  it('sends nothing to a customer with no email, or for a refund refused', async () => {
    const { staff, paymentId } = await paid({ email: null });
    expect((await staff.post(`/v1/payments/${paymentId}/refunds`, { amount: 100 })).status).toBe(
      200,
    );
    expect(await refundKinds(paymentId)).toEqual([]);

    const other = await paid();
    const tooMuch = await other.staff.post(`/v1/payments/${other.paymentId}/refunds`, {
      amount: 99_999,
    });
    expect(tooMuch.status).toBe(422);
    expect(await refundKinds(other.paymentId)).toEqual([]);
  });
});
