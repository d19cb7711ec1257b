/**
 * Payment email end to end: a payment recorded through the portal (sandbox) queues a receipt and
 * a notice in the outbox; the delivery pass sends them to a real SMTP server in the test, where
 * they are parsed back; a refusing server leaves them pending with their error until a later try.
 */
import { describe, expect, it } from 'vitest';
import {
  deliverDueEmails,
  MAX_ATTEMPTS,
  smtpTransport,
  startEmailDelivery,
} from '../../server/email/sender.ts';
import { createLogger } from '../../server/http/logger.ts';
import { handleProviderEvent } from '../../server/payments/events.ts';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createInvoice,
  createPaymentLink,
  poolBusiness,
} from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';
import { openPortal } from '../support/portal-client.ts';
import { useMailbox } from '../support/smtp.ts';

describe.each(testStores)('payment email on $name', (store) => {
  const h = useHarness(store);
  const mailbox = useMailbox(h);
  const { deliver } = mailbox;

  /** Dana pays invoice INV-… of 100.00 with an 18 % tip by Visa (3 % + 30¢ card fee). */
  async function paid(
    options: { customerEmail?: string | null; notify?: string | null; locale?: 'es' } = {},
  ) {
    const staff = await poolBusiness(h, {
      notification_email: options.notify === undefined ? 'office@bluelagoon.test' : options.notify,
      branding: { email: 'hello@bluelagoon.test', phone: '+1 555 010 2000' },
    });
    const email = options.customerEmail === undefined ? 'dana@example.com' : options.customerEmail;
    const dana = await createCustomer(staff, {
      email: email ?? undefined,
      ...(options.locale ? { locale: options.locale } : {}),
    });
    const invoice = await createInvoice(staff, dana.id, 10_000);
    const confirmed = await openPortal(
      h,
      await createPaymentLink(staff, { customer: dana.id }),
    ).pay({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      tip: { percent: 18 },
      method: 'card',
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'succeeded', amount: 12_184 });
    return { staff, invoice, paymentId: confirmed.body.id as string };
  }

  const messagesOf = (paymentId: string) =>
    h.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('payment_id', '=', paymentId)
      .orderBy('kind', 'desc')
      .execute();

  it('sends the customer a receipt and the business a notice, parsed back from SMTP', async () => {
    const { staff, invoice, paymentId } = await paid();
    const queued = await staff.get('/v1/outbox');
    expect(queued.body.data.map((m: { kind: string; state: string }) => [m.kind, m.state])).toEqual(
      expect.arrayContaining([
        ['receipt', 'pending'],
        ['payment_notice', 'pending'],
      ]),
    );

    const mails = await deliver();
    const receipt = mails.find((mail) => mail.subject?.startsWith('Your receipt'));
    const notice = mails.find((mail) => mail.subject?.startsWith('Payment received'));

    expect(receipt?.subject).toBe('Your receipt from Blue Lagoon Pools: $121.84');
    expect(receipt?.from?.text).toBe('"Blue Lagoon Pools" <no-reply@pay.example.test>');
    expect(receipt?.to && 'text' in receipt.to ? receipt.to.text : '').toBe('dana@example.com');
    expect(receipt?.replyTo?.text).toBe('hello@bluelagoon.test');
    for (const words of [
      'Receipt number: R-000001',
      `Invoice ${invoice.number}: $100.00`,
      'Tip: $18.00',
      'Convenience fee: $3.84',
      'Total paid: $121.84',
      'Payment method: Visa •••• 4242',
    ]) {
      expect(receipt?.text).toContain(words);
    }
    expect(receipt?.html).toContain('Visa •••• 4242');
    const [attachment] = receipt?.attachments ?? [];
    expect(attachment).toMatchObject({
      filename: 'receipt-R-000001.pdf',
      contentType: 'application/pdf',
    });
    expect(await pdfText(attachment!.content)).toContain('R-000001');

    expect(notice?.subject).toBe('Payment received: Dana Diaz paid $121.84');
    expect(notice?.to && 'text' in notice.to ? notice.to.text : '').toBe('office@bluelagoon.test');
    expect(notice?.text).toContain('Customer email: dana@example.com');
    expect(notice?.text).toContain(`Invoice ${invoice.number}: $100.00`);
    expect(notice?.attachments).toEqual([]);

    const rows = await messagesOf(paymentId);
    expect(rows.map((row) => [row.kind, row.state, row.attempts])).toEqual([
      ['receipt', 'sent', 1],
      ['payment_notice', 'sent', 1],
    ]);
    expect(rows.every((row) => row.sent_at !== null && row.next_attempt_at === null)).toBe(true);
    // Sent is sent: another pass sends nothing again.
    expect(await deliver()).toEqual([]);
  });

  it("writes the receipt in the customer's language, the business's notice in its own", async () => {
    const { paymentId } = await paid({ locale: 'es' });
    const messages = await messagesOf(paymentId);
    const receipt = messages.find((m) => m.kind === 'receipt')!;
    const notice = messages.find((m) => m.kind === 'payment_notice')!;
    expect(receipt.subject).toBe('Su recibo de Blue Lagoon Pools: $121.84');
    expect(receipt.text).toContain('El recibo va adjunto en PDF.');
    expect(notice.subject).toBe('Payment received: Dana Diaz paid $121.84');
  });

  it('queues nothing more when the same success is told again', async () => {
    const { paymentId } = await paid();
    const payment = await h.db
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow();
    const outcome = await handleProviderEvent(h.db, {
      id: `evt_again_${paymentId}`,
      provider: 'sandbox',
      type: 'payment.succeeded',
      providerPaymentId: payment.provider_payment_id!,
      amount: Number(payment.total),
    });
    expect(outcome).toBe('ignored');
    expect(await messagesOf(paymentId)).toHaveLength(2);
  });

  it('sends no receipt without a customer email, and no notice without a notification address', async () => {
    const { paymentId } = await paid({ customerEmail: null, notify: null });
    expect(await messagesOf(paymentId)).toEqual([]);
    const withNotice = await paid({ customerEmail: null });
    expect((await messagesOf(withNotice.paymentId)).map((row) => row.kind)).toEqual([
      'payment_notice',
    ]);
    await deliver();
  });

  it('keeps a refused message pending with its error, and sends it on a later try', async () => {
    const { staff, paymentId } = await paid();
    const start = new Date();
    mailbox.smtp.refusing = true;
    try {
      await deliver(start);
    } finally {
      mailbox.smtp.refusing = false;
    }
    let rows = await messagesOf(paymentId);
    for (const row of rows) {
      expect(row).toMatchObject({ state: 'pending', attempts: 1, sent_at: null });
      expect(row.last_error).toMatch(/451/);
      expect(row.next_attempt_at).toBe(new Date(start.getTime() + 60_000).toISOString());
    }
    // Not due yet: nothing is tried.
    await deliver(new Date(start.getTime() + 30_000));
    expect((await messagesOf(paymentId)).map((row) => row.attempts)).toEqual([1, 1]);

    await deliver(new Date(start.getTime() + 61_000));
    rows = await messagesOf(paymentId);
    expect(rows.map((row) => [row.state, row.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
    // Each message's log tells staff what happened to it (GET /v1/outbox/:id).
    const { log } = (await staff.get(`/v1/outbox/${rows[0]!.id}`)).body;
    expect(log.map((entry: { event: string }) => entry.event)).toEqual([
      'queued',
      'attempt_failed',
      'sent',
    ]);
    expect(log[1].detail).toMatchObject({ attempt: 1, error: expect.stringMatching(/451/) });
  });

  it('counts an unreachable server as a failed try', async () => {
    const { paymentId } = await paid();
    await deliverDueEmails(h.db, {
      // Port 1 on the loopback: nothing listens there.
      transport: smtpTransport('smtp://127.0.0.1:1'),
      publicUrl: h.config.publicUrl,
    });
    const rows = await messagesOf(paymentId);
    expect(rows.map((row) => [row.state, row.attempts])).toEqual([
      ['pending', 1],
      ['pending', 1],
    ]);
    expect(rows[0]?.last_error).toMatch(/ECONNREFUSED|connect/i);
    await deliver(new Date(Date.now() + 61_000));
    expect((await messagesOf(paymentId)).map((row) => row.state)).toEqual(['sent', 'sent']);
  });

  it('gives up after repeated refusals, and staff can send it again', async () => {
    const { staff, paymentId } = await paid();
    let at = new Date();
    mailbox.smtp.refusing = true;
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        await deliver(at);
        const [row] = await messagesOf(paymentId);
        expect(row?.attempts).toBe(attempt);
        if (row?.next_attempt_at) at = new Date(row.next_attempt_at);
      }
    } finally {
      mailbox.smtp.refusing = false;
    }
    const rows = await messagesOf(paymentId);
    expect(rows.map((row) => [row.state, row.next_attempt_at])).toEqual([
      ['failed', null],
      ['failed', null],
    ]);

    const failed = await staff.get('/v1/outbox?state=failed');
    expect(failed.body.data).toHaveLength(2);
    expect(failed.body.data[0]).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
    expect(failed.body.data[0].last_error).toMatch(/451/);

    const retried = await staff.post(`/v1/outbox/${rows[0]!.id}/retry`);
    expect(retried.body).toMatchObject({ state: 'pending' });
    await deliver();
    expect((await messagesOf(paymentId)).map((row) => row.state)).toEqual(['sent', 'failed']);
  });

  it('sends each message once when two delivery passes run at the same time', async () => {
    const { paymentId } = await paid();
    const before = mailbox.smtp.received.length;
    const [one, two] = await Promise.all([mailbox.pass(), mailbox.pass()]);
    expect(one.sent + two.sent).toBe(2);
    expect(mailbox.smtp.received.length - before).toBe(2);
    expect((await messagesOf(paymentId)).map((row) => row.attempts)).toEqual([1, 1]);
  });

  it('delivers on its own once started, and leaves email in the outbox without SMTP_URL', async () => {
    const logger = createLogger('silent');
    const idle = startEmailDelivery({ db: h.db, config: { ...h.config, smtpUrl: null }, logger });
    const { paymentId } = await paid();
    idle.kick();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await messagesOf(paymentId)).map((row) => row.state)).toEqual(['pending', 'pending']);
    await idle.stop();

    const running = startEmailDelivery({
      db: h.db,
      config: { ...h.config, smtpUrl: mailbox.smtp.url },
      logger,
      intervalMs: 20,
    });
    try {
      await expect
        .poll(async () => (await messagesOf(paymentId)).map((row) => row.state), { timeout: 5_000 })
        .toEqual(['sent', 'sent']);
    } finally {
      await running.stop();
    }
  });

  it('shows staff only their own email, with the bodies on request', async () => {
    const { staff, paymentId } = await paid();
    const other = await poolBusiness(h);
    expect((await other.get('/v1/outbox')).body.data).toEqual([]);
    const [row] = await messagesOf(paymentId);
    expect((await other.get(`/v1/outbox/${row!.id}`)).status).toBe(404);
    const shown = await staff.get(`/v1/outbox/${row!.id}`);
    expect(shown.body).toMatchObject({ id: row!.id, object: 'email', kind: 'receipt' });
    expect(shown.body.text).toContain('R-00000');
    expect(shown.body.html).toContain('<table');
    expect((await staff.get('/v1/outbox?state=nonsense')).body.error.param).toBe('state');
    await deliver();
  });
});
