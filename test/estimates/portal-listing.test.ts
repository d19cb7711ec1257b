/**
 * Which estimates `GET /v1/portal/:token` lists, and what each says about its deposit: a customer
 * link keeps an approved estimate while its deposit is still to pay (so a reload does not lose
 * it), and lets it go once the deposit is paid or the estimate became an invoice; a refund of the
 * deposit brings it back. Each estimate carries `deposit_due`, the customer's `decision` (without
 * the signature) and the `pdf_url` of its PDF.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  createEstimate,
  createInvoice,
  createPaymentLink,
  expireEstimate,
} from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal, VISA } from '../support/portal-client.ts';
import { brandedCustomer, estimateForDana } from '../support/scenarios.ts';
import { dataUrl, signaturePng } from './signatures.ts';

interface Listed {
  id: string;
  status: string;
  deposit_amount: number;
  deposit_due: number;
  decision: { status: string; decided_at: string } | null;
  pdf_url: string;
}

describe.each(testStores)('estimates listed in the portal on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  const listed = async (token: string): Promise<Listed[]> => {
    const response = await h.request(`/v1/portal/${token}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { estimates: Listed[] }).estimates;
  };
  const typed = { type: 'typed', name: 'Dana Diaz' };

  it('keeps an approved estimate on the customer link until its deposit is paid', async () => {
    const { staff, dana } = await brandedCustomer(h);
    const withDeposit = await createEstimate(staff, dana.id, { deposit_amount: 50_000 });
    const noDeposit = await createEstimate(staff, dana.id);
    const declined = await createEstimate(staff, dana.id, { deposit_percent: 10 });
    const waiting = await createEstimate(staff, dana.id, { deposit_percent: 25 });
    const { token } = await createPaymentLink(staff, { customer: dana.id });
    const customer = openPortal(h, token);

    const before = await listed(token);
    expect(before.map((estimate) => estimate.id)).toEqual([
      withDeposit.id,
      noDeposit.id,
      declined.id,
      waiting.id,
    ]);
    expect(before[0]).toMatchObject({
      status: 'pending',
      deposit_amount: 50_000,
      deposit_due: 50_000,
      decision: null,
      pdf_url: `/v1/portal/${token}/estimates/${withDeposit.id}.pdf`,
    });

    const approved = await customer.approve(withDeposit.id, typed);
    expect(approved.status).toBe(200);
    expect((await customer.approve(noDeposit.id, typed)).status).toBe(200);
    expect((await customer.decline(declined.id, 'Too dear')).status).toBe(200);

    // A reload: the approved estimate with a deposit to pay is still there, the others are gone.
    const after = await listed(token);
    expect(after.map((estimate) => estimate.id)).toEqual([withDeposit.id, waiting.id]);
    expect(after[0]).toMatchObject({
      status: 'approved',
      deposit_due: 50_000,
      decision: { status: 'approved', decided_at: approved.body.decided_at },
    });
    expect(JSON.stringify(after[0])).not.toMatch(/signature|client_address|user_agent/);

    const paid = await openPortal(h, token).pay({
      method: 'card',
      estimate_deposit: { estimate: withDeposit.id },
    });
    expect(paid.body).toMatchObject({ status: 'succeeded', subtotal: 50_000 });
    expect((await listed(token)).map((estimate) => estimate.id)).toEqual([waiting.id]);

    // Half of the deposit refunded: half is due again, and the estimate is listed again.
    const refund = await staff.post(`/v1/payments/${paid.body.id}/refunds`, { amount: 25_000 });
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);
    const refunded = await listed(token);
    expect(refunded.map((estimate) => estimate.id)).toEqual([withDeposit.id, waiting.id]);
    expect(refunded[0]).toMatchObject({ status: 'approved', deposit_due: 25_000 });
  });

  it('lets an approved estimate go once it is an invoice, whatever its deposit', async () => {
    const { staff, dana, estimate } = await estimateForDana(h, { deposit_amount: 40_000 });
    const { token } = await createPaymentLink(staff, { customer: dana.id });
    const drawn = { type: 'drawn', image_png: dataUrl(signaturePng()) };
    expect((await openPortal(h, token).approve(estimate.id, drawn)).status).toBe(200);
    expect((await listed(token)).map((listedOne) => listedOne.id)).toEqual([estimate.id]);

    const invoice = await staff.post(`/v1/estimates/${estimate.id}/invoice`, {});
    expect(invoice.status, JSON.stringify(invoice.body)).toBe(200);
    expect(await listed(token)).toEqual([]);
    // The customer pays the invoice now, not the deposit.
    const deposit = await openPortal(h, token).create({
      method: 'card',
      estimate_deposit: { estimate: estimate.id },
    });
    expect(deposit.body.error.code).toBe('estimate_invoiced');
  });

  it('still lists an approved estimate past its valid-until day while its deposit is due', async () => {
    const { staff, dana, estimate } = await estimateForDana(h, { deposit_amount: 10_000 });
    const { token } = await createPaymentLink(staff, { customer: dana.id });
    expect((await openPortal(h, token).approve(estimate.id, typed)).status).toBe(200);
    await expireEstimate(h, estimate.id);
    expect(await listed(token)).toMatchObject([
      { id: estimate.id, status: 'approved', deposit_due: 10_000 },
    ]);
    const pay = await openPortal(h, token).pay({
      method: 'card',
      estimate_deposit: { estimate: estimate.id },
    });
    expect(pay.body.status).toBe('succeeded');
  });

  it('shows an estimate link its estimate through every step, deposit due down to 0', async () => {
    const { staff, estimate } = await estimateForDana(h, { deposit_amount: 30_000 });
    const { token } = await createPaymentLink(staff, { estimate: estimate.id });

    expect(await listed(token)).toMatchObject([
      { id: estimate.id, status: 'pending', deposit_due: 30_000, decision: null },
    ]);
    const approved = await openPortal(h, token).approve(estimate.id, typed);
    expect(await listed(token)).toMatchObject([
      {
        status: 'approved',
        deposit_due: 30_000,
        decision: { status: 'approved', decided_at: approved.body.decided_at },
      },
    ]);
    const paid = await openPortal(h, token).pay(
      { method: 'card', estimate_deposit: { estimate: estimate.id } },
      VISA,
    );
    expect(paid.body.status).toBe('succeeded');
    expect(await listed(token)).toMatchObject([
      { id: estimate.id, status: 'approved', deposit_due: 0 },
    ]);

    const pdf = await h.request((await listed(token))[0]!.pdf_url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('says a declined estimate asks no deposit, and an invoice link lists no estimate', async () => {
    const { staff, dana, estimate } = await estimateForDana(h, { deposit_amount: 30_000 });
    const { token } = await createPaymentLink(staff, { estimate: estimate.id });
    const declined = await openPortal(h, token).decline(estimate.id, 'We chose another pool');
    expect(await listed(token)).toMatchObject([
      {
        status: 'declined',
        deposit_due: 0,
        decision: { status: 'declined', decided_at: declined.body.decided_at },
      },
    ]);

    const invoice = await createInvoice(staff, dana.id, 9_000);
    expect(await listed((await createPaymentLink(staff, { invoice: invoice.id })).token)).toEqual(
      [],
    );
  });
});
