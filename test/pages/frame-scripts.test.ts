/**
 * The frame-height scripts (issue 11) as the server serves them: the hosted page loads
 * /widget/frame-height.js with the origins it may post to, no inline script; both scripts are
 * JavaScript that business pages on other origins may load; the iframe snippet carries the
 * resizer.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { billedCustomer } from '../support/scenarios.ts';

describe.each(testStores)('frame height scripts on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it('loads frame-height.js on the hosted page with the allowed origins', async () => {
    const { staff, link } = await billedCustomer(h);
    await staff.patch('/v1/settings', {
      allowed_origins: ['https://www.bluelagoon.example', 'https://pay.bluelagoon.example'],
    });
    const html = await (await h.request(`/p/${link.token}`)).text();
    expect(html).toContain(
      '<script src="/widget/frame-height.js" data-origins="https://www.bluelagoon.example https://pay.bluelagoon.example"></script>',
    );
    expect(html).toContain('.framed body{min-height:0}');
  });

  it('serves both scripts as JavaScript any page may load', async () => {
    for (const name of ['frame-height.js', 'frame-resize.js']) {
      const response = await h.request(`/widget/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(await response.text()).toContain("'pay-portal:height'");
    }
  });
});
