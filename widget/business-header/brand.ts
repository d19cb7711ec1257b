import { brandShades } from '../../shared/contrast.ts';

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
 * style attribute so that a page whose CSP forbids inline styles still shows them. Every shade
 * reads at WCAG AA whatever the business picked (shared/contrast.ts): the fill of buttons with
 * the text on it, and the brand as text and links (`--_business-brand-text`).
 */
export function applyBrand(card: HTMLElement, color: string | null | undefined): void {
  const shades = brandShades(color);
  const set = (name: string, value: string | undefined) =>
    value ? card.style.setProperty(name, value) : card.style.removeProperty(name);
  set('--_business-brand', shades?.fill);
  set('--_business-on-brand', shades?.onFill);
  set('--_business-brand-text', shades?.text);
}
