/** The event catalog is written down where integrators read it: docs and the OpenAPI document. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../server/events/catalog.ts';
import { testStores } from '../support/databases.ts';
import { useHarness } from '../support/harness.ts';

describe('the event catalog', () => {
  const h = useHarness(testStores[0]!);

  it('lists every event type in docs/webhooks.md', () => {
    const docs = readFileSync(new URL('../../docs/webhooks.md', import.meta.url), 'utf8');
    for (const type of EVENT_TYPES) expect(docs, type).toContain(`| \`${type}\` |`);
  });

  it("is the OpenAPI 3.1 document's webhooks section, each body the event with its object", async () => {
    const doc = await (await h.request('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENT_TYPES].sort());
    const paid = doc.webhooks['invoice.paid'].post;
    expect(paid.parameters.map((p: { name: string }) => p.name)).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
    const body = paid.requestBody.content['application/json'].schema;
    expect(body.$ref).toBe('#/components/schemas/InvoicePaidEvent');
    const schema = doc.components.schemas.InvoicePaidEvent;
    expect(schema.properties.type).toMatchObject({ type: 'string', enum: ['invoice.paid'] });
    expect(schema.properties.data.properties.object.$ref).toBe('#/components/schemas/Invoice');
  });
});
