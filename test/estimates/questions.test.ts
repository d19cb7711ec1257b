/**
 * Questions and decision notices reach the business: queued in the outbox with what they tell,
 * delivered by the outbox's SMTP pass to a real SMTP server in the test and parsed back.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  brandedBusiness,
  createCustomer,
  createEstimate,
  createPaymentLink,
} from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { brandedCustomer, estimateForDana } from '../support/scenarios.ts';
import { useMailbox } from '../support/smtp.ts';
import { dataUrl, signaturePng } from './signatures.ts';

const addressOf = (field: unknown) =>
  field && typeof field === 'object' && 'text' in field ? (field as { text: string }).text : '';

describe.each(testStores)('estimate questions and notices on $name', (store) => {
  const h = useHarness(store);
  const { deliver } = useMailbox(h);

  it('takes a question to the business by email; the customer is told it was sent', async () => {
    const { staff, estimate } = await estimateForDana(h);
    const customer = openPortal(h, await createPaymentLink(staff, { estimate: estimate.id }));
    const message = 'Does the price include draining the pool?\nWe have a cover on it too.';

    const asked = await customer.ask(estimate.id, `  ${message}  `);
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      object: 'estimate_question',
      estimate: estimate.id,
      message,
    });
    expect(asked.body.id).toMatch(/^qst_/);

    const [mail, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`Question from Dana Diaz about estimate ${estimate.number}`);
    expect(addressOf(mail?.to)).toBe('office@bluelagoon.test');
    expect(addressOf(mail?.replyTo)).toBe('dana@example.com');
    expect(mail?.from?.text).toContain('Blue Lagoon Pools');
    expect(mail?.text).toContain(message);
    expect(mail?.text).toContain('Reply to this email to answer the customer.');
    expect(mail?.html).toContain('Does the price include draining the pool?');

    const outbox = await staff.get('/v1/outbox');
    expect(outbox.body.data.map((m: { kind: string; state: string }) => [m.kind, m.state])).toEqual(
      [['question', 'sent']],
    );
    const questions = await staff.get(`/v1/estimates/${estimate.id}/questions`);
    expect(questions.body.data).toEqual([
      expect.objectContaining({ id: asked.body.id, message, emailed: true }),
    ]);
  });

  it("sends each decision to the business, in the business's language", async () => {
    const { staff, dana } = await brandedCustomer(h, { locale: 'es-MX' }, { name: 'Dana Díaz' });
    const approved = await createEstimate(staff, dana.id, { deposit_amount: 50_000 });
    const declined = await createEstimate(staff, dana.id);
    const customer = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    expect(
      (
        await customer.approve(approved.id, {
          type: 'drawn',
          image_png: dataUrl(signaturePng()),
          name: 'Dana Díaz',
        })
      ).status,
    ).toBe(200);
    expect((await customer.decline(declined.id, 'Demasiado caro')).status).toBe(200);

    const mails = await deliver();
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      `Aprobó el presupuesto ${approved.number} de Blue Lagoon Pools`,
      `Dana Díaz aprobó el presupuesto ${approved.number}`,
      `Dana Díaz rechazó el presupuesto ${declined.number}`,
    ]);
    const approval = mails.find((mail) => mail.subject?.includes('aprobó'));
    expect(approval?.text).toContain('Firmado por: Dana Díaz · Firma manuscrita');
    // es-MX writes a foreign currency by its code, with a no-break space.
    expect(approval?.text).toContain('Depósito requerido: USD\u00a0500.00');
    const decline = mails.find((mail) => mail.subject?.includes('rechazó'));
    expect(decline?.text).toContain('Motivo: Demasiado caro');
    const [confirmation, ...notices] = [...mails].sort((a, b) =>
      (a.subject ?? '').localeCompare(b.subject ?? ''),
    );
    for (const mail of notices) expect(addressOf(mail.to)).toBe('office@bluelagoon.test');
    // The customer's confirmation, in Spanish, with the signed estimate as a PDF.
    expect(addressOf(confirmation!.to)).toBe('dana@example.com');
    expect(confirmation!.text).toContain('Firmado por: Dana Díaz');
    expect(confirmation!.attachments.map((file) => [file.filename, file.contentType])).toEqual([
      [`estimate-${approved.number}.pdf`, 'application/pdf'],
    ]);
    expect(confirmation!.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps a question for staff when the business has no email at all', async () => {
    const staff = await brandedBusiness(h, {
      notification_email: null,
      branding: { email: null },
    });
    const dana = await createCustomer(staff);
    const estimate = await createEstimate(staff, dana.id);
    const customer = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    expect((await customer.ask(estimate.id, 'When could you start?')).status).toBe(200);
    const questions = await staff.get(`/v1/estimates/${estimate.id}/questions`);
    expect(questions.body.data).toEqual([
      expect.objectContaining({ message: 'When could you start?', emailed: false }),
    ]);
    expect((await staff.get('/v1/outbox')).body.data).toEqual([]);
  });

  it('takes ten questions an hour per estimate, then answers 429 with Retry-After', async () => {
    const { staff, dana, estimate } = await estimateForDana(h);
    const customer = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    for (let i = 1; i <= 10; i += 1) {
      expect((await customer.ask(estimate.id, `Question ${i}`)).status).toBe(200);
    }
    // Another link to the same estimate is held to the same count.
    const other = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    const response = await other.ask(estimate.id, 'One more');
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(response.body.error.code).toBe('rate_limited');
    const empty = await customer.ask(estimate.id, '   ');
    expect([empty.status, empty.body.error.param]).toEqual([400, 'message']);
  });
});
