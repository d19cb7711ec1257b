/**
 * The business's brand colour, and the text colour that reads on it (white or near-black,
 * whichever contrasts more: WCAG 2.2 relative luminance). Only `#rgb`/`#rrggbb` colours pass.
 */
export function brandColors(
  color: string | null | undefined,
): { brand: string; onBrand: string } | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color ?? '')?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((at) => channel(Number.parseInt(full.slice(at, at + 2), 16)));
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const onWhite = 1.05 / (luminance + 0.05);
  const onDark = (luminance + 0.05) / 0.0555; // #111827
  return { brand: `#${full}`, onBrand: onWhite >= onDark ? '#ffffff' : '#111827' };
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Only web addresses become an image source. */
export function safeImageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The business's colours as custom properties on the card, set through the CSSOM rather than a
 * style attribute so that a page whose CSP forbids inline styles still shows them.
 */
export function applyBrand(card: HTMLElement, color: string | null | undefined): void {
  const colors = brandColors(color);
  if (colors) {
    card.style.setProperty('--_business-brand', colors.brand);
    card.style.setProperty('--_business-on-brand', colors.onBrand);
  } else {
    card.style.removeProperty('--_business-brand');
    card.style.removeProperty('--_business-on-brand');
  }
}
