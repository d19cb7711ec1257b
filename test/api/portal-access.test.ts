/**
 * The way back in: the public form (POST /v1/access/:slug) answers the same, in about the same
 * time, for a known and an unknown email, and sends exactly one fresh link to the known one; its
 * limits; the page /b/:slug; staff's "Send portal access" for one customer or many.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS_ANSWER_MS } from '../../server/routes/access.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, made } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { useMailbox } from '../support/smtp.ts';

describe.each(testStores)('portal access on $name', (store) => {
  const h = useHarness(store);
  const mailbox = useMailbox(h);
  let slugs = 0;

  async function businessWithPage() {
    const staff = await h.business({ name: 'Acme Pools' });
    const slug = `acme-${store.name}-${++slugs}-${Date.now().toString(36)}`;
    made('slug', await staff.patch('/v1/settings', { slug }));
    return { staff, slug };
  }

  const ask = (slug: string, contact: string, address = '198.51.100.4') =>
    h.request(
      `/v1/access/${slug}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contact }),
      },
      address,
    );

  it('answers a known and an unknown email alike, and sends one link to the known one', async () => {
    const { staff, slug } = await businessWithPage();
    await createCustomer(staff, { name: 'Dana Diaz', email: 'Dana@Example.com' });

    const timed = async (contact: string, address: string) => {
      const started = performance.now();
      const response = await ask(slug, contact, address);
      return {
        ms: performance.now() - started,
        status: response.status,
        body: await response.text(),
      };
    };
    const known = await timed('  dana@example.COM ', '198.51.100.10');
    const unknown = await timed('nobody@example.com', '198.51.100.11');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.ms).toBeGreaterThanOrEqual(ACCESS_ANSWER_MS - 5);
    expect(unknown.ms).toBeGreaterThanOrEqual(ACCESS_ANSWER_MS - 5);

    const mails = await mailbox.deliver();
    expect(mails.map((mail) => JSON.stringify(mail.to))).toEqual([
      expect.stringMatching(/dana@example\.com/i),
    ]);
    expect(mails[0]!.subject).toBe('Your account with Acme Pools');
    const url = /https:\/\/pay\.example\.test\/p\/\S+/.exec(mails[0]!.text ?? '')![0];
    const opened = await h.request(`/v1/portal/${url.split('/p/')[1]}`);
    expect(opened.status).toBe(200);
    // In the link's activity, as staff see it.
    const links = made('links', await staff.get('/v1/payment_links')).data;
    expect(links).toHaveLength(1);
    expect(
      (await staff.get(`/v1/payment_links/${links[0].id}/events`)).body.data.map(
        (e: { type: string }) => e.type,
      ),
    ).toEqual(['created', 'sent']);
  });

  it('limits asks per email and per client address, and refuses what is neither', async () => {
    const { staff, slug } = await businessWithPage();
    await createCustomer(staff, { email: 'lee@example.com' });
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await ask(slug, 'lee@example.com', `198.51.100.${20 + i}`)).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect((await mailbox.deliver()).length).toBe(3);

    const bad = await ask(slug, 'not a contact', '198.51.100.30');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'contact_invalid', param: 'contact' });
    expect((await ask('no-such-business', 'lee@example.com', '198.51.100.31')).status).toBe(404);
  }, 30_000);

  it('serves /b/:slug with the element in its form mode, and 404 for an unknown slug', async () => {
    const { slug } = await businessWithPage();
    const page = await h.request(`/b/${slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<pay-portal business="${slug}"`);
    expect((await h.request('/b/nobody-here')).status).toBe(404);
    const business = await h.request(`/v1/access/${slug}`);
    expect(await business.json()).toMatchObject({ object: 'business_page', name: 'Acme Pools' });
  });

  it('lets staff send portal access to selected customers, skipping and reporting those without email', async () => {
    const { staff } = await businessWithPage();
    const dana = await createCustomer(staff, { email: 'dana@example.com' });
    const lee = await createCustomer(staff, { name: 'Lee', phone: '+1 555 010 2000' });
    const sent = await staff.post('/v1/customers/portal_access', { customers: [dana.id, lee.id] });
    expect(sent.status).toBe(200);
    expect(
      sent.body.data.map((r: { customer: string; status: string; reason: string | null }) => [
        r.customer,
        r.status,
        r.reason,
      ]),
    ).toEqual([
      [dana.id, 'queued', null],
      [lee.id, 'skipped', 'no_email'],
    ]);
    const one = await staff.post(`/v1/customers/${dana.id}/portal_access`, {});
    expect(one.body).toMatchObject({ status: 'queued', to: 'dana@example.com' });
    // No consent to texts: skipped, and no new link made for nothing.
    const linksBefore = made('links', await staff.get('/v1/payment_links')).data.length;
    const refused = await staff.post(`/v1/customers/${lee.id}/portal_access`, { channel: 'sms' });
    expect(refused.body).toMatchObject({ status: 'skipped', reason: 'no_consent' });
    expect(made('links', await staff.get('/v1/payment_links')).data).toHaveLength(linksBefore);
    const consent = await staff.post(`/v1/customers/${lee.id}/sms_consents`, {
      phone: '+1 555 010 2000',
      source: 'Signed service agreement, 2026-12-01',
    });
    expect(consent.status).toBe(201);
    const texted = await staff.post(`/v1/customers/${lee.id}/portal_access`, { channel: 'sms' });
    expect(texted.body).toMatchObject({ status: 'queued', channel: 'sms', to: '+15550102000' });
    const messages = made('outbox', await staff.get('/v1/outbox?kind=portal_access')).data;
    expect(messages).toHaveLength(3);
    const text = made('text', await staff.get(`/v1/outbox/${texted.body.message}`));
    expect(text.body).toContain('/p/');
    expect(text.body).toContain('Reply STOP to opt out');
    expect(
      (await staff.post('/v1/customers/portal_access', { customers: ['cus_nope'] })).status,
    ).toBe(404);
  });
});
