/**
 * One of the element's views that is a lazy part (widget/pay-portal/view-parts.ts): loaded once,
 * on the entry's Lit, its styles added to the element's shadow root and its English words to the
 * catalogue when it comes; a failed load
 * may be tried again. The element draws a placeholder meanwhile.
 */
import { type CSSResult, type ReactiveElement, supportsAdoptingStyleSheets } from 'lit';
import type { Messages } from '../i18n/en.ts';
import { addEnglish } from '../i18n/localize.ts';
import { lendLit } from '../lazy/lend-lit.ts';

export type ViewState = 'idle' | 'loading' | 'ready' | 'failed';

/** What a view part exports beside its template: its styles and the English words it uses. */
export interface ViewPart {
  styles: CSSResult[];
  messages: Partial<Messages>;
}

export class LazyView<Part extends ViewPart> {
  state: ViewState = 'idle';
  part: Part | null = null;
  private loading: Promise<Part | null> | null = null;

  constructor(
    private readonly host: ReactiveElement,
    private readonly load: () => Promise<Part>,
  ) {}

  /** Loads the part (once; again after a failed load); null when it could not. */
  open(): Promise<Part | null> {
    if (this.loading) return this.loading;
    this.state = 'loading';
    lendLit();
    this.loading = this.load().then(
      (part) => {
        adopt(this.host.renderRoot, part.styles);
        addEnglish(part.messages);
        this.part = part;
        this.state = 'ready';
        this.host.requestUpdate();
        return part;
      },
      () => {
        this.loading = null;
        this.state = 'failed';
        this.host.requestUpdate();
        return null;
      },
    );
    return this.loading;
  }
}

/** Adds a part's styles after the element's own, as Lit adds those (a sheet, or a `<style>`). */
function adopt(root: HTMLElement | DocumentFragment, styles: CSSResult[]): void {
  if (!(root instanceof ShadowRoot)) return;
  if (supportsAdoptingStyleSheets) {
    root.adoptedStyleSheets = [
      ...root.adoptedStyleSheets,
      ...styles.map((style) => style.styleSheet!).filter(Boolean),
    ];
    return;
  }
  for (const style of styles) {
    const element = document.createElement('style');
    element.textContent = style.cssText;
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    if (nonce) element.setAttribute('nonce', nonce);
    root.append(element);
  }
}
