/**
 * The business's brand colour where it is drawn (pages, emails, PDFs): only a plain hex colour
 * goes into a style attribute or a PDF, and the text on it is whichever of white or near-black
 * reads better, by WCAG contrast.
 */
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
