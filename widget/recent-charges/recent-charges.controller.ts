/** Loads the last 20 billing line items the first time the customer opens them, and on retry. */
import type { ReactiveControllerHost } from 'lit';
import type { PortalCharge } from '../../shared/api/portal.ts';
import type { PortalApi } from '../api/portal-api.ts';

/** Holds its state and asks the host to redraw; it needs no lifecycle hooks of its own. */
export class RecentChargesController {
  open = false;
  state: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  charges: PortalCharge[] = [];
  private api: PortalApi | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Forgets what was loaded: a new token means another customer's charges. */
  reset(api: PortalApi): void {
    this.api = api;
    this.open = false;
    this.state = 'idle';
    this.charges = [];
  }

  toggle = (): void => {
    this.open = !this.open;
    if (this.open && (this.state === 'idle' || this.state === 'failed')) void this.load();
    this.host.requestUpdate();
  };

  retry = (): void => {
    void this.load();
  };

  private async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.state = 'loading';
    this.host.requestUpdate();
    try {
      const list = await api.charges(20);
      if (api !== this.api) return;
      this.charges = list.data;
      this.state = 'loaded';
    } catch {
      if (api !== this.api) return;
      this.state = 'failed';
    }
    this.host.requestUpdate();
  }
}
