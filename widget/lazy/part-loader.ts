/**
 * Loads a lazy part that defines a custom element (the invoice view, the estimate view) the
 * first time it is wanted, lending it the entry's Lit; a failed load may be tried again.
 */
import { lendLit } from './lend-lit.ts';

export type PartState = 'idle' | 'loading' | 'ready' | 'failed';

export class PartLoader {
  state: PartState;

  constructor(
    tag: string,
    private readonly load: () => Promise<unknown>,
    private readonly changed: () => void,
  ) {
    this.state = customElements.get(tag) ? 'ready' : 'idle';
  }

  /** Loads the part once (again after a failed load). */
  async open(): Promise<void> {
    if (this.state === 'ready' || this.state === 'loading') return;
    this.state = 'loading';
    this.changed();
    try {
      lendLit();
      await this.load();
      this.state = 'ready';
    } catch {
      this.state = 'failed';
    }
    this.changed();
  }
}
