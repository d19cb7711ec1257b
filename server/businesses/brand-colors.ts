/**
 * The business's brand colour where it is drawn (pages, emails, PDFs): only a plain hex colour
 * goes into a style attribute or a PDF, and the text on it is whichever of white or near-black
 * reads better, by WCAG contrast.
 */
import { AA_TEXT, brandShades, contrast, parseHex, SURFACE } from '../../shared/contrast.ts';

const PAY_PORTAL_BLUE = '#1a56db';

/** The brand colour when it is a plain hex colour (#abc or #aabbcc), else Pay Portal's blue. */
export function brandColor(color: string | null | undefined): string {
  return color && /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(color) ? color : PAY_PORTAL_BLUE;
}

/** White or `ink`, whichever has more contrast on `background` (WCAG relative luminance). */
export function textOn(background: string, ink = '#111111'): string {
  const hex = brandColor(background).slice(1);
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = Number.parseInt(full.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  // Contrast with white is 1.05 / (L + 0.05); with near-black about (L + 0.05) / 0.0556.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0556 ? '#ffffff' : ink;
}

export interface SettingsWarning {
  code: 'brand_color_low_contrast';
  param: string;
  message: string;
}

/**
 * Staff are told when their brand colour cannot be used for text as it is (below 4.5:1 on the
 * page, WCAG 2.2 AA): the portal then shows links and text in a darker shade of it, and on its
 * buttons whichever of white or near-black reads. The colour is still saved; it is a warning.
 */
export function brandColorWarning(color: string): SettingsWarning | null {
  const shades = brandShades(color);
  const rgb = parseHex(color);
  if (!shades || !rgb) return null;
  const ratio = contrast(rgb, parseHex(SURFACE)!);
  if (ratio >= AA_TEXT && shades.fill === shades.text) return null;
  const fixes = [
    ratio < AA_TEXT ? `links and text use ${shades.text}, a darker shade` : null,
    shades.fill !== color.toLowerCase() ? `buttons use ${shades.fill} under white text` : null,
  ].filter(Boolean);
  return {
    code: 'brand_color_low_contrast',
    param: 'branding.brand_color',
    message:
      `${color} cannot be used for text as it is: it reads at ${ratio.toFixed(1)}:1 on a light ` +
      `page, and text needs ${AA_TEXT}:1 (WCAG 2.2 AA). The portal keeps it readable: ` +
      `${fixes.join('; ')}.`,
  };
}
