/**
 * Colour contrast after WCAG 2.2 (relative luminance, contrast ratio), and the shades of a brand
 * colour that stay readable (issue 11: "brand colours of any lightness stay readable"): text on
 * the brand (white or near-black, whichever reads, the brand darkened when neither reaches AA)
 * and the brand as text on the page (darkened until it reaches AA on the lightest surface).
 * Shared by the element (its colours) and the server (the settings' warning). Hex colours only.
 */

/** WCAG 2.2 AA for body text. */
export const AA_TEXT = 4.5;
export const NEAR_BLACK = '#111827';
/** The lightest surface brand-coloured text sits on in the element (`--pay-portal-surface`). */
export const SURFACE = '#f9fafb';

type Rgb = [number, number, number];

/** `#abc` or `#aabbcc` as 0–255 channels; null for anything else. */
export function parseHex(color: string | null | undefined): Rgb | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color ?? '')?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16)) as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const linear = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `color` mixed toward black in small steps until `ok` holds (black always ends it). */
function darken(color: Rgb, ok: (shade: Rgb) => boolean): Rgb {
  for (let step = 0; step <= 20; step += 1) {
    // Rounded as it will be written, so the check holds for the colour shown.
    const shade = color.map((channel) => Math.round(channel * (1 - step / 20))) as Rgb;
    if (ok(shade)) return shade;
  }
  return [0, 0, 0];
}

export interface BrandShades {
  /** Buttons and badges: the brand itself, or a darker shade when no text reads on it. */
  fill: string;
  /** Text on `fill`: white or near-black. */
  onFill: string;
  /** The brand as text and links on the page: itself, or a darker shade reaching AA. */
  text: string;
}

/** The readable shades of a brand colour; null when it is not a hex colour. */
export function brandShades(color: string | null | undefined): BrandShades | null {
  const brand = parseHex(color);
  if (!brand) return null;
  const white: Rgb = [255, 255, 255];
  const ink = parseHex(NEAR_BLACK)!;
  const onWhite = contrast(brand, white);
  const onInk = contrast(brand, ink);
  let fill = brand;
  let onFill = onWhite >= onInk ? white : ink;
  // Around a luminance of 0.2 neither white nor near-black reaches 4.5:1 (at best about 4.2):
  // the fill darkens under white text.
  if (Math.max(onWhite, onInk) < AA_TEXT) {
    fill = darken(brand, (shade) => contrast(shade, white) >= AA_TEXT);
    onFill = white;
  }
  const surface = parseHex(SURFACE)!;
  const text = darken(brand, (shade) => contrast(shade, surface) >= AA_TEXT);
  return { fill: toHex(fill), onFill: toHex(onFill), text: toHex(text) };
}
