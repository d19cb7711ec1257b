/**
 * A confirmation that fails before the provider takes the payment puts it back to waiting for the
 * customer; its holds must lapse again, or that one abandoned attempt blocks the invoice for good.
 */
import { describe, expect, it } from 'vitest';
import { businessSettings } from '../../server/businesses/businesses.ts';
import type { PortalScope } from '../../server/links/access.ts';
import { findLinkByToken } from '../../server/links/payment-links.ts';
import { confirmSandboxPayment } from '../../server/payments/confirm.ts';
import { handleProviderEvent } from '../../server/payments/events.ts';
import { HOLD_MINUTES } from '../../server/payments/holds.ts';
import { SandboxProvider } from '../../server/payments/sandbox.ts';
import type { SandboxInstrument } from '../../server/payments/sandbox-instruments.ts';
import { testStores } from '../support/databases.ts';
import { poolBusiness } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { openPortal, VISA } from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';

/** A sandbox whose first confirmation fails before it touches its book (a network hiccup). */
class HiccupSandbox extends SandboxProvider {
  private failed = false;
  override async confirm(id: string, instrument: SandboxInstrument) {
    if (!this.failed) {
      this.failed = true;
      throw new Error('hiccup');
    }
    return super.confirm(id, instrument);
  }
}

describe.each(testStores)('holds after a failed confirmation on $name', (store) => {
  const h = useHarness(store);

  it('lapse again, so the invoice can be paid by a later attempt once they do', async () => {
    const staff = await poolBusiness(h, { convenience_fees: { card: null } });
    const {
      invoice,
      link: { token },
    } = await owingCustomer(staff, 10_000);
    const created = await openPortal(h, token).create({
      invoices: [{ id: invoice.id, amount: 10_000 }],
      method: 'card',
    });
    expect(created.status).toBe(200);

    const link = (await findLinkByToken(h.db, token))!;
    const business = await h.db
      .selectFrom('businesses')
      .selectAll()
      .where('id', '=', link.business_id)
      .executeTakeFirstOrThrow();
    const scope = {
      token,
      link,
      business,
      settings: businessSettings(business),
      customer: await h.db
        .selectFrom('customers')
        .selectAll()
        .where('id', '=', link.customer_id)
        .executeTakeFirstOrThrow(),
      invoice: null,
      estimate: null,
    } satisfies PortalScope;
    const provider = new HiccupSandbox(h.db, (event) => handleProviderEvent(h.db, event), {
      production: false,
    });
    await expect(
      confirmSandboxPayment(h.db, provider, scope, created.body.id, { sandbox: VISA }),
    ).rejects.toThrow('hiccup');

    const holds = await h.db
      .selectFrom('payment_holds')
      .select('expires_at')
      .where('payment_id', '=', created.body.id)
      .execute();
    expect(holds).toHaveLength(1);
    const lapses = Date.parse(holds[0]!.expires_at!);
    expect(lapses).toBeGreaterThan(Date.now());
    expect(lapses).toBeLessThanOrEqual(Date.now() + HOLD_MINUTES * 60_000);
    // And the same payment can still be confirmed by the customer.
    const again = await confirmSandboxPayment(h.db, provider, scope, created.body.id, {
      sandbox: VISA,
    });
    expect(again.status).toBe('succeeded');
  });
});
