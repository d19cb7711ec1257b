/**
 * Loads the customer's payments for the history view. A server without the payments route yet
 * (404 `route_missing`) has, as far as the customer can tell, no payments: an empty history.
 */
import type { ReactiveControllerHost } from 'lit';
import type { PortalPayment } from '../../shared/api/portal.ts';
import { type PortalApi, PortalApiError } from '../api/portal-api.ts';

/** Holds its state and asks the host to redraw; it needs no lifecycle hooks of its own. */
export class HistoryController {
  state: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  payments: PortalPayment[] = [];
  private api: PortalApi | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  reset(api: PortalApi): void {
    this.api = api;
    this.state = 'idle';
    this.payments = [];
  }

  load = async (): Promise<void> => {
    const api = this.api;
    if (!api) return;
    this.state = 'loading';
    this.host.requestUpdate();
    try {
      const list = await api.payments();
      if (api !== this.api) return;
      this.payments = list.data;
      this.state = 'loaded';
    } catch (error) {
      if (api !== this.api) return;
      const missingRoute = error instanceof PortalApiError && error.code === 'route_missing';
      this.payments = [];
      this.state = missingRoute ? 'loaded' : 'failed';
    }
    this.host.requestUpdate();
  };
}
