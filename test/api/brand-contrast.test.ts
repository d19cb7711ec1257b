/**
 * Brand colours of any lightness (issue 11): settings warn when the colour cannot be used for text
 * as it is, and name the readable shade the portal uses instead; the colour is saved all the same.
 */
import { describe, expect, it } from 'vitest';
import { contrast, parseHex } from '../../shared/contrast.ts';
import { testStores } from '../support/databases.ts';
import { poolBusiness } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';

describe.each(testStores)('brand colour warnings on $name', (store) => {
  const h = useHarness(store);

  it('warns of a light yellow, and names the shade the portal uses', async () => {
    const staff = await poolBusiness(h);
    const saved = await staff.patch('/v1/settings', { branding: { brand_color: '#FACC15' } });
    expect(saved.status).toBe(200);
    expect(saved.body.branding.brand_color).toBe('#facc15');
    const [warning, ...more] = saved.body.warnings;
    expect(more).toEqual([]);
    expect(warning).toMatchObject({
      code: 'brand_color_low_contrast',
      param: 'branding.brand_color',
    });
    expect(warning.message).toMatch(
      /^#facc15 cannot be used for text as it is: it reads at 1\.\d:1 on a light page, and text needs 4\.5:1 \(WCAG 2\.2 AA\)\. The portal keeps it readable: links and text use (#[0-9a-f]{6}), a darker shade\.$/,
    );
    const shade = /use (#[0-9a-f]{6})/.exec(warning.message)![1]!;
    expect(contrast(parseHex(shade)!, parseHex('#ffffff')!)).toBeGreaterThanOrEqual(4.5);
    // Read again, the warning is still there: it belongs to the colour, not to the change.
    expect((await staff.get('/v1/settings')).body.warnings).toHaveLength(1);
  });

  it('says nothing of the default blue or a dark navy', async () => {
    const staff = await poolBusiness(h);
    expect((await staff.get('/v1/settings')).body.warnings).toEqual([]);
    const navy = await staff.patch('/v1/settings', { branding: { brand_color: '#1e3a8a' } });
    expect(navy.body.warnings).toEqual([]);
  });

  it('warns of a mid colour no text reads on, naming the darker button', async () => {
    const staff = await poolBusiness(h);
    const saved = await staff.patch('/v1/settings', { branding: { brand_color: '#d9467a' } });
    expect(saved.body.warnings[0].message).toMatch(/buttons use #[0-9a-f]{6} under white text\.$/);
  });
});
