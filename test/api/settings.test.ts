import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { chargeCustomer, createCustomer } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';

describe.each(testStores)('settings API on $name', (store) => {
  const h = useHarness(store);

  it('shows the defaults of a new business', async () => {
    const staff = await h.business();
    const settings = await staff.get('/v1/settings');
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({
      object: 'settings',
      business: staff.id,
      name: 'Acme Pools',
      currency: 'usd',
      locale: 'en-US',
      branding: { logo_url: null, brand_color: '#1a56db', address: null, phone: null, email: null },
      tips: { enabled: true, percentages: [18, 20, 25], custom: true },
      partial_payments: { enabled: false, minimum: 100 },
      convenience_fees: { card: null, us_bank_account: null, paypal: null },
      allowed_origins: [],
      notification_email: null,
      link_expiry_days: null,
      invoice_terms: null,
      time_zone: 'UTC',
      slug: null,
      reminders: {
        channel: 'email',
        invoice: { enabled: true, offsets_days: [-3, 0, 3, 7, 14], max_per_invoice: 5 },
        estimate: { enabled: true, follow_up_days: 3, before_expiry_days: 2 },
        not_opened: { enabled: true, after_days: 2 },
      },
      refund_tip_and_fee: 'last',
      receipt_layout: 'full',
      warnings: [],
    });
  });

  it('merges nested objects in part and replaces lists whole', async () => {
    const staff = await h.business();
    await staff.patch('/v1/settings', {
      branding: { logo_url: 'https://cdn.acme.test/logo.png', phone: '+1 555 010 2000' },
      tips: { percentages: [15, 20] },
    });
    const merged = await staff.patch('/v1/settings', {
      name: 'Acme Pools & Spas',
      locale: 'es-mx',
      branding: { brand_color: '#0A7F3E' },
      tips: { custom: false },
      partial_payments: { enabled: true },
      convenience_fees: { card: { percent_bps: 300 } },
      allowed_origins: ['https://Shop.Acme.test:443', 'http://localhost:5173'],
      notification_email: 'office@acme.test',
      link_expiry_days: 30,
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      name: 'Acme Pools & Spas',
      locale: 'es-MX',
      branding: {
        logo_url: 'https://cdn.acme.test/logo.png',
        brand_color: '#0a7f3e',
        phone: '+1 555 010 2000',
        address: null,
      },
      tips: { enabled: true, percentages: [15, 20], custom: false },
      partial_payments: { enabled: true, minimum: 100 },
      convenience_fees: {
        card: { percent_bps: 300, fixed: 0 },
        us_bank_account: null,
        paypal: null,
      },
      allowed_origins: ['https://shop.acme.test', 'http://localhost:5173'],
      notification_email: 'office@acme.test',
      link_expiry_days: 30,
    });

    await staff.patch('/v1/settings', {
      convenience_fees: {
        card: { fixed: 30 },
        us_bank_account: { fixed: 100 },
        paypal: { percent_bps: 250 },
      },
    });
    const fees = (await staff.get('/v1/settings')).body.convenience_fees;
    // PayPal's fee is its own method's, set like the others (issue 16; none by default).
    expect(fees).toEqual({
      card: { percent_bps: 300, fixed: 30 },
      us_bank_account: { percent_bps: 0, fixed: 100 },
      paypal: { percent_bps: 250, fixed: 0 },
    });

    const cleared = await staff.patch('/v1/settings', {
      convenience_fees: { card: null, paypal: null },
      branding: { logo_url: null },
      link_expiry_days: null,
      allowed_origins: [],
    });
    expect(cleared.body).toMatchObject({
      convenience_fees: {
        card: null,
        us_bank_account: { percent_bps: 0, fixed: 100 },
        paypal: null,
      },
      branding: { logo_url: null, brand_color: '#0a7f3e' },
      link_expiry_days: null,
      allowed_origins: [],
      tips: { percentages: [15, 20] },
    });
    expect((await staff.get('/v1/settings')).body).toEqual(cleared.body);
  });

  it('refuses invalid settings with the param path and changes nothing', async () => {
    const staff = await h.business();
    const before = (await staff.get('/v1/settings')).body;
    const cases: [object, string][] = [
      [{ name: '  ' }, 'name'],
      [{ currency: 'dollars' }, 'currency'],
      [{ currency: 'xyz' }, 'currency'],
      [{ locale: 'en_US' }, 'locale'],
      [{ branding: { brand_color: 'red' } }, 'branding.brand_color'],
      [{ branding: { brand_color: '#12345' } }, 'branding.brand_color'],
      [{ branding: { logo_url: 'http://cdn.acme.test/logo.png' } }, 'branding.logo_url'],
      [{ branding: { logo_url: 'not a url' } }, 'branding.logo_url'],
      [{ branding: { email: 'office' } }, 'branding.email'],
      [{ tips: { percentages: [] } }, 'tips.percentages'],
      [{ tips: { percentages: [5, 10, 15, 20, 25, 30, 35] } }, 'tips.percentages'],
      [{ tips: { percentages: [10, 10] } }, 'tips.percentages'],
      [{ tips: { percentages: [10, 0] } }, 'tips.percentages[1]'],
      [{ tips: { percentages: [101] } }, 'tips.percentages[0]'],
      [{ tips: { percentages: [12.5] } }, 'tips.percentages[0]'],
      [{ tips: { enabled: 'yes' } }, 'tips.enabled'],
      [{ partial_payments: { minimum: 0 } }, 'partial_payments.minimum'],
      [{ convenience_fees: { card: { percent_bps: 1001 } } }, 'convenience_fees.card.percent_bps'],
      [{ convenience_fees: { card: { fixed: -1 } } }, 'convenience_fees.card.fixed'],
      [{ convenience_fees: { cash: { fixed: 1 } } }, 'convenience_fees.cash'],
      [{ allowed_origins: ['https://shop.acme.test/pay'] }, 'allowed_origins[0]'],
      [{ allowed_origins: ['https://a.test', 'ftp://b.test'] }, 'allowed_origins[1]'],
      [{ allowed_origins: ['shop.acme.test'] }, 'allowed_origins[0]'],
      [{ allowed_origins: 'https://a.test' }, 'allowed_origins'],
      [{ notification_email: 'nobody' }, 'notification_email'],
      [{ link_expiry_days: 0 }, 'link_expiry_days'],
      [{ link_expiry_days: 3651 }, 'link_expiry_days'],
      [{ refund_tip_and_fee: 'never' }, 'refund_tip_and_fee'],
      [{ tip: { enabled: false } }, 'tip'],
      [{ tips: { colour: 'red' } }, 'tips.colour'],
      // A valid change beside an invalid one is not applied either.
      [{ name: 'Renamed', tips: { percentages: [10, 10] } }, 'tips.percentages'],
    ];
    for (const [patch, param] of cases) {
      const refused = await staff.patch('/v1/settings', patch);
      expect({ status: refused.status, param: refused.body.error?.param }).toEqual({
        status: 400,
        param,
      });
      expect(refused.body.error.type).toBe('invalid_request_error');
    }
    expect((await staff.get('/v1/settings')).body).toEqual(before);
  });

  it('changes the currency only while no money has been recorded', async () => {
    const staff = await h.business();
    const changed = await staff.patch('/v1/settings', { currency: 'EUR' });
    expect(changed.body.currency).toBe('eur');
    const dana = await createCustomer(staff, { name: 'Dana' });
    await chargeCustomer(staff, dana.id, { amount: 1000, description: 'Visit' });

    const refused = await staff.patch('/v1/settings', { currency: 'jpy', name: 'Acme KK' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'currency_locked', param: 'currency' });
    expect((await staff.get('/v1/settings')).body).toMatchObject({
      currency: 'eur',
      name: 'Acme Pools',
    });
    const same = await staff.patch('/v1/settings', { currency: 'EUR', name: 'Acme SARL' });
    expect(same.body).toMatchObject({ currency: 'eur', name: 'Acme SARL' });
  });

  it("keeps each business's settings to itself and needs a key", async () => {
    const acme = await h.business();
    const rival = await h.business({ name: 'Rival Pools' });
    await rival.patch('/v1/settings', { tips: { enabled: false }, name: 'Rival Spas' });
    expect((await acme.get('/v1/settings')).body).toMatchObject({
      business: acme.id,
      name: 'Acme Pools',
      tips: { enabled: true },
    });
    for (const method of ['GET', 'PATCH']) {
      const anonymous = await h.request('/v1/settings', {
        method,
        headers: { 'content-type': 'application/json' },
        ...(method === 'PATCH' ? { body: '{"name":"Hijacked"}' } : {}),
      });
      expect(anonymous.status).toBe(401);
    }
    expect((await acme.get('/v1/settings')).body.name).toBe('Acme Pools');
  });

  it('documents the settings routes in /openapi.json', async () => {
    const doc = await (await h.request('/openapi.json')).json();
    expect(doc.paths['/v1/settings'].patch.requestBody).toBeDefined();
    expect(doc.components.schemas.SettingsPatch.properties).toHaveProperty('convenience_fees');
  });
});
