/**
 * The generated client's types are the server's: client/schema.ts is exactly what openapi-typescript
 * makes of today's OpenAPI document (run `npm run generate:client` after changing a route), and its
 * schemas are the shapes of shared/api/ (checked by `npm run typecheck`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { components, PayPortalEvent, paths } from '../../client/index.ts';
import { clientSchema, serverDocument } from '../../scripts/client-schema.ts';
import type * as staff from '../../shared/api/staff.ts';

type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
/** An intersection (`A & {…}`, as openapi-typescript writes `extend`) as one object type. */
type Flat<T> = { [K in keyof T]: T[K] };

describe('the generated client', () => {
  it('is generated from the server as it is now', async () => {
    const committed = readFileSync(new URL('../../client/schema.ts', import.meta.url), 'utf8');
    const fresh = await clientSchema(await serverDocument());
    // A failure here: the routes changed and `npm run generate:client` was not run.
    expect(committed === fresh, 'client/schema.ts is stale: run npm run generate:client').toBe(
      true,
    );
  }, 30_000);

  it("answers in the shapes of shared/api (the staff page's types)", () => {
    expectTypeOf<Schema<'WebhookEndpoint'>>().toEqualTypeOf<staff.WebhookEndpoint>();
    expectTypeOf<
      Flat<Schema<'WebhookEndpointWithSecret'>>
    >().toEqualTypeOf<staff.WebhookEndpointWithSecret>();
    expectTypeOf<Schema<'Invoice'>>().toEqualTypeOf<staff.Invoice>();
    expectTypeOf<Schema<'Balance'>>().toEqualTypeOf<staff.Balance>();
    expectTypeOf<Schema<'Email'>>().toEqualTypeOf<staff.Email>();
    expectTypeOf<PayPortalEvent<'invoice.paid'>['data']['object']>().toEqualTypeOf<staff.Invoice>();
    expectTypeOf<PayPortalEvent<'invoice.paid'>['type']>().toEqualTypeOf<'invoice.paid'>();
  });

  it('asks in the input shapes: a field the server defaults may be left out of a request', () => {
    type NewCharge = NonNullable<
      paths['/v1/customers/{id}/charges']['post']['requestBody']
    >['content']['application/json'];
    expectTypeOf<{ amount: number; description: string }>().toExtend<NewCharge>();
    expectTypeOf<NewCharge['tax']>().toEqualTypeOf<number | undefined>();
    type NewInvoice = NonNullable<
      paths['/v1/invoices']['post']['requestBody']
    >['content']['application/json'];
    expectTypeOf<NewInvoice['draft']>().toEqualTypeOf<boolean | undefined>();
    // Answers keep what the server always sends: a charge's `tax` is there.
    expectTypeOf<Schema<'LedgerEntry'>['tax']>().toEqualTypeOf<number>();
  });
});
