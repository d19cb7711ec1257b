/**
 * `<pay-portal business="acme-pools">` without a token: the business's "Pay your bill" form,
 * headed by the business's name and colour (GET /v1/access/:slug); the customer's email or
 * number goes to POST /v1/access/:slug, whose answer is the same whether or not they are a
 * customer. Part of the lazy access part, so a page with a token never downloads it; the element
 * hands in its own Lit.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import {
  type AccessFormState,
  type AccessLit,
  looksLikeContact,
  renderAccessForm,
} from './access-form.ts';

export class AccessController {
  brandColor: string | null = null;
  private ready = false;
  private apiBase = '';
  private slug = '';
  private state: AccessFormState = {
    step: 'form',
    error: null,
    contact: '',
    businessName: '',
    locale: 'en',
  };

  constructor(
    private readonly host: ReactiveControllerHost & { focusNext(): void },
    private readonly lit: AccessLit,
  ) {}

  async open(apiBase: string, slug: string): Promise<void> {
    this.apiBase = apiBase;
    this.slug = slug;
    this.ready = false;
    const business = await fetch(`${apiBase}/v1/access/${encodeURIComponent(slug)}`)
      .then((r) => (r.ok ? (r.json() as Promise<{ name: string; brand_color: string }>) : null))
      .catch(() => null);
    this.ready = true;
    this.state = { ...this.state, step: 'form', error: null, businessName: business?.name ?? '' };
    this.brandColor = business?.brand_color ?? null;
    this.host.requestUpdate();
  }

  private set(changes: Partial<AccessFormState>) {
    this.state = { ...this.state, ...changes };
    this.host.requestUpdate();
  }

  private submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!looksLikeContact(this.state.contact)) return this.set({ error: 'invalid' });
    this.set({ step: 'sending', error: null });
    try {
      const response = await fetch(`${this.apiBase}/v1/access/${encodeURIComponent(this.slug)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contact: this.state.contact.trim() }),
      });
      if (response.status === 202) {
        this.set({ step: 'done' });
        this.host.focusNext();
        return;
      }
      const error =
        response.status === 429 ? 'busy' : response.status === 400 ? 'invalid' : 'failed';
      this.set({ step: 'form', error });
    } catch {
      this.set({ step: 'form', error: 'failed' });
    }
  };

  render(skeleton: TemplateResult, locale: string): TemplateResult {
    if (!this.ready) return skeleton;
    this.state.locale = locale;
    return renderAccessForm(this.lit, this.state, {
      input: (contact) => {
        this.state.contact = contact;
      },
      submit: (event) => void this.submit(event),
      again: () => this.set({ step: 'form', contact: '' }),
    });
  }
}
