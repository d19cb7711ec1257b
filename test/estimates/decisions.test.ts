/**
 * Approving (typed and drawn signatures), declining and the rules around them, through the portal
 * API as the element calls it, and what staff then see through the staff API.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  createCustomer,
  createEstimate,
  createInvoice,
  createPaymentLink,
  expireEstimate,
} from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { openPortal, PHONE_BROWSER } from '../support/portal-client.ts';
import { brandedCustomer, estimateForDana } from '../support/scenarios.ts';
import { dataUrl, hugePng, signaturePng } from './signatures.ts';

const LINK_INVALID = {
  error: {
    type: 'invalid_request_error',
    code: 'link_invalid',
    message: 'This payment link is not valid. It may have expired or been replaced.',
    param: null,
  },
};

describe.each(testStores)('estimate decisions on $name', (store) => {
  const h = useHarness(store);

  it('approves with a typed name: kept with time, address and user agent; deposit asked; business told', async () => {
    const { staff, dana, estimate } = await estimateForDana(h, { deposit_percent: 25 });
    const { token: customerLink } = await createPaymentLink(staff, { customer: dana.id });

    const approved = await openPortal(h, customerLink, '198.51.100.23').approve(estimate.id, {
      type: 'typed',
      name: '  Dana Diaz ',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({
      object: 'estimate_decision',
      estimate: estimate.id,
      status: 'approved',
      signature: { type: 'typed', name: 'Dana Diaz' },
      reason: null,
      // 25 % of 541 800 (480 000 + 8.25 % tax, and 12 × 18.50).
      deposit_required: { amount: 135_450, currency: 'usd' },
    });
    expect(estimate.total).toBe(541_800);

    const seen = await staff.get(`/v1/estimates/${estimate.id}`);
    expect(seen.body).toMatchObject({
      status: 'approved',
      deposit_paid: 0,
      invoice: null,
      decision: {
        decision: 'approved',
        decided_at: approved.body.decided_at,
        signature: { type: 'typed', name: 'Dana Diaz', image_url: null },
        reason: null,
        client_address: '198.51.100.23',
        user_agent: PHONE_BROWSER,
      },
    });
    expect(Date.now() - Date.parse(seen.body.decision.decided_at)).toBeLessThan(60_000);

    const mail = await h.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('business_id', '=', staff.id)
      .execute();
    expect(mail.map((m) => [m.kind, m.to, m.reply_to, m.subject])).toEqual([
      [
        'estimate_decision',
        'office@bluelagoon.test',
        'dana@example.com',
        `Dana Diaz approved estimate ${estimate.number}`,
      ],
      // The customer's own confirmation, with the signed estimate attached when it is sent.
      [
        'estimate_approved',
        'dana@example.com',
        'hello@bluelagoon.test',
        `You approved estimate ${estimate.number} from Blue Lagoon Pools`,
      ],
    ]);
    expect(mail[0]!.text).toContain('Signed by: Dana Diaz');
    expect(mail[0]!.text).toContain('Deposit required: $1,354.50');
  });

  it('approves with a drawn signature through an estimate link: the PNG comes back byte for byte', async () => {
    const { staff, dana, estimate } = await estimateForDana(h);
    const { token } = await createPaymentLink(staff, { estimate: estimate.id });
    const png = signaturePng();

    const approved = await openPortal(h, token).approve(estimate.id, {
      type: 'drawn',
      image_png: dataUrl(png),
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({
      signature: { type: 'drawn', name: null },
      deposit_required: null,
    });

    const seen = await staff.get(`/v1/estimates/${estimate.id}`);
    expect(seen.body.decision.signature).toEqual({
      type: 'drawn',
      name: null,
      image_url: `/v1/estimates/${estimate.id}/signature.png`,
    });
    const image = await h.request(seen.body.decision.signature.image_url, {
      headers: { authorization: `Bearer ${staff.apiKey}` },
    });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    // Not to anyone without the key, nor to another business.
    expect((await h.request(seen.body.decision.signature.image_url)).status).toBe(401);
    const other = await h.business({ name: 'Rival Pools' });
    expect((await other.get(`/v1/estimates/${estimate.id}/signature.png`)).status).toBe(404);

    // A drawn signature may carry a printed name too.
    const second = await createEstimate(staff, dana.id);
    const named = await openPortal(
      h,
      await createPaymentLink(staff, { customer: dana.id }),
    ).approve(second.id, { type: 'drawn', image_png: dataUrl(png), name: 'Dana Diaz' });
    expect(named.body.signature).toEqual({ type: 'drawn', name: 'Dana Diaz' });
  });

  it('refuses drawn signatures that are not a PNG, too large or blank, and writes nothing', async () => {
    const { staff, dana, estimate } = await estimateForDana(h);
    const customer = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    const refusals: [unknown, number, string][] = [
      [{ type: 'drawn', image_png: 'data:image/jpeg;base64,/9j/4AAQ' }, 422, 'signature_invalid'],
      [
        { type: 'drawn', image_png: 'data:image/png;base64,bm90IGEgcG5n' },
        422,
        'signature_invalid',
      ],
      [{ type: 'drawn', image_png: 'data:image/png;base64,%%%' }, 422, 'signature_invalid'],
      [{ type: 'drawn', image_png: dataUrl(signaturePng(300, 100, true)) }, 422, 'signature_blank'],
      [{ type: 'drawn', image_png: dataUrl(hugePng()) }, 400, 'body_too_large'],
      [{ type: 'drawn', image_png: 'x'.repeat(280_000) }, 422, 'signature_invalid'],
      [{ type: 'typed', name: '   ' }, 400, 'parameter_invalid'],
      [{ type: 'stamp', name: 'Dana' }, 400, 'parameter_invalid'],
    ];
    for (const [signature, status, code] of refusals) {
      const refused = await customer.approve(estimate.id, signature);
      expect([refused.status, refused.body.error.code]).toEqual([status, code]);
      expect(refused.body.error.param).toMatch(/^signature/);
    }
    // Just over 200 KB of PNG, in a body the limit lets through: refused by size.
    const big = Buffer.concat([signaturePng(), Buffer.alloc(205 * 1024 - signaturePng().length)]);
    const tooLarge = await customer.approve(estimate.id, {
      type: 'drawn',
      image_png: dataUrl(big),
    });
    expect([tooLarge.status, tooLarge.body.error]).toEqual([
      422,
      {
        type: 'invalid_request_error',
        code: 'signature_too_large',
        message: 'A drawn signature may be at most 200 KB.',
        param: 'signature.image_png',
      },
    ]);
    const seen = await staff.get(`/v1/estimates/${estimate.id}`);
    expect([seen.body.status, seen.body.decision]).toEqual(['pending', null]);
    const mail = await h.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('business_id', '=', staff.id)
      .execute();
    expect(mail).toEqual([]);
  });

  it('declines with a reason; a decided estimate cannot be decided again', async () => {
    const { staff, dana, estimate } = await estimateForDana(h);
    const customer = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));

    const declined = await customer.decline(estimate.id, 'We went with a vinyl liner instead.');
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      signature: null,
      reason: 'We went with a vinyl liner instead.',
      deposit_required: null,
    });
    for (const again of [
      await customer.decline(estimate.id),
      await customer.approve(estimate.id, { type: 'typed', name: 'Dana Diaz' }),
    ]) {
      expect([again.status, again.body.error.code]).toEqual([409, 'estimate_already_decided']);
    }
    const seen = await staff.get(`/v1/estimates/${estimate.id}`);
    expect(seen.body).toMatchObject({
      status: 'declined',
      decision: { decision: 'declined', reason: 'We went with a vinyl liner instead.' },
    });
    const [notice] = await h.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('business_id', '=', staff.id)
      .execute();
    expect(notice!.subject).toBe(`Dana Diaz declined estimate ${estimate.number}`);
    expect(notice!.text).toContain('Reason: We went with a vinyl liner instead.');

    // Without a reason the decline stands all the same.
    const other = await createEstimate(staff, dana.id);
    const plain = await customer.decline(other.id);
    expect([plain.status, plain.body.reason]).toEqual([200, null]);
  });

  it('refuses an expired estimate: 409 on a customer link, the dead-link 404 on its own link', async () => {
    const { staff, dana, estimate } = await estimateForDana(h, { deposit_amount: 10_000 });
    const { token: customerToken } = await createPaymentLink(staff, { customer: dana.id });
    const { token: estimateToken } = await createPaymentLink(staff, { estimate: estimate.id });
    await expireEstimate(h, estimate.id);

    const customer = openPortal(h, customerToken);
    for (const refused of [
      await customer.approve(estimate.id, { type: 'typed', name: 'Dana Diaz' }),
      await customer.decline(estimate.id, 'Too late anyway'),
    ]) {
      expect([refused.status, refused.body.error.code]).toEqual([409, 'estimate_expired']);
    }
    const own = openPortal(h, estimateToken);
    const dead = await own.approve(estimate.id, { type: 'typed', name: 'Dana Diaz' });
    expect([dead.status, dead.body]).toEqual([404, LINK_INVALID]);
    expect((await h.request(`/v1/portal/${estimateToken}`)).status).toBe(404);
    // A question about it still reaches the business (to ask for a new estimate).
    expect((await customer.ask(estimate.id, 'Could you renew this?')).status).toBe(200);
    expect((await staff.get(`/v1/estimates/${estimate.id}`)).body.status).toBe('pending');
  });

  it('reaches only the estimates of the link: not through an invoice link, another estimate or customer', async () => {
    const { staff, dana } = await brandedCustomer(h);
    const lee = await createCustomer(staff, { name: 'Lee Park', email: 'lee@example.com' });
    const danas = await createEstimate(staff, dana.id);
    const danasOther = await createEstimate(staff, dana.id);
    const lees = await createEstimate(staff, lee.id);
    const invoice = await createInvoice(staff, dana.id, {
      unit_amount: 5000,
      description: 'Visit',
    });
    const sign = { type: 'typed', name: 'Dana Diaz' };
    const viaInvoice = openPortal(h, await createPaymentLink(staff, { invoice: invoice.id }));
    const viaEstimate = openPortal(h, await createPaymentLink(staff, { estimate: danas.id }));
    const viaDana = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    const { estimate: stranger } = await estimateForDana(h);
    for (const [portal, id] of [
      [viaInvoice, danas.id],
      [viaEstimate, danasOther.id],
      [viaDana, lees.id],
      [viaDana, stranger.id],
    ] as const) {
      const refused = await portal.approve(id, sign);
      expect([refused.status, refused.body.error.code, refused.body.error.param]).toEqual([
        404,
        'resource_missing',
        'id',
      ]);
      expect((await portal.ask(id, 'Hello?')).status).toBe(404);
    }
    for (const id of [danas.id, danasOther.id, lees.id]) {
      expect((await staff.get(`/v1/estimates/${id}`)).body.status).toBe('pending');
    }
  });

  it('validates before it looks: a malformed estimate id is a 400 for live and dead links alike', async () => {
    const { staff, dana } = await brandedCustomer(h);
    const { token } = await createPaymentLink(staff, { customer: dana.id });
    for (const portal of [openPortal(h, token), openPortal(h, 'no-such-token')]) {
      const refused = await portal.decline('inv_123', 'x');
      expect([refused.status, refused.body.error.param]).toEqual([400, 'id']);
    }
  });
});
