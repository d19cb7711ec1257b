import { describe, expect, it } from 'vitest';
import { AA_TEXT, brandShades, contrast, parseHex, SURFACE } from './contrast.ts';

const ratio = (a: string, b: string) => contrast(parseHex(a)!, parseHex(b)!);

describe('brand shades', () => {
  it('computes WCAG contrast ratios', () => {
    expect(ratio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(ratio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(ratio('#1a56db', '#ffffff')).toBeCloseTo(6.18, 1);
  });

  it('keeps a dark brand as it is, with white on it', () => {
    expect(brandShades('#1e3a8a')).toEqual({ fill: '#1e3a8a', onFill: '#ffffff', text: '#1e3a8a' });
    expect(brandShades('#1a56db')).toEqual({ fill: '#1a56db', onFill: '#ffffff', text: '#1a56db' });
  });

  it('puts near-black on a light yellow and darkens it for text on the page', () => {
    const shades = brandShades('#facc15')!;
    expect(shades.fill).toBe('#facc15');
    expect(shades.onFill).toBe('#111827');
    expect(ratio(shades.text, SURFACE)).toBeGreaterThanOrEqual(AA_TEXT);
    expect(ratio(shades.text, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(shades.text).not.toBe('#facc15');
  });

  it('darkens a mid colour no text reads on', () => {
    // Neither white (4.1) nor near-black (4.3) reaches 4.5:1 on #d9467a.
    expect(Math.max(ratio('#d9467a', '#ffffff'), ratio('#d9467a', '#111827'))).toBeLessThan(
      AA_TEXT,
    );
    const shades = brandShades('#d9467a')!;
    expect(shades.onFill).toBe('#ffffff');
    expect(ratio(shades.fill, shades.onFill)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('holds for every grey and a sweep of hues', () => {
    for (let v = 0; v < 256; v += 5) {
      for (const color of [
        [v, v, v],
        [v, 255 - v, 128],
        [255, v, 0],
        [0, v, 255],
      ]) {
        const hex = `#${color.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
        const shades = brandShades(hex)!;
        expect(ratio(shades.fill, shades.onFill), hex).toBeGreaterThanOrEqual(AA_TEXT);
        expect(ratio(shades.text, SURFACE), hex).toBeGreaterThanOrEqual(AA_TEXT);
      }
    }
  });

  it('refuses what is not a hex colour', () => {
    expect(brandShades('red')).toBeNull();
    expect(brandShades('#12345')).toBeNull();
    expect(brandShades(null)).toBeNull();
  });
});
