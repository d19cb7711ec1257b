/**
 * `<pay-portal business="acme-pools">` without a token: the business's "Pay your bill" form (a
 * lazy part, widget/pay-portal-access/), headed by the business's name and colour
 * (GET /v1/access/:slug); the customer's email or number goes to POST /v1/access/:slug, whose
 * answer is the same whether or not they are a customer. A token in the page's URL fragment
 * (`#token=…`) opens the portal instead, so a "Pay your bill" page can be a link's target.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { loadAccessForm } from '../lazy/lazy.ts';
import type { AccessFormState } from '../pay-portal-access/access-form.ts';

/** The token in the page's URL fragment (`#token=…`), or ''. */
export function tokenFromHash(hash = globalThis.location?.hash ?? ''): string {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
  return /^[\w-]{16,200}$/.test(token) ? token : '';
}

type Part = Awaited<ReturnType<typeof loadAccessForm>>;

export class AccessController {
  brandColor: string | null = null;
  private part: Part | null = null;
  private apiBase = '';
  private slug = '';
  private state: AccessFormState = {
    step: 'form',
    error: null,
    contact: '',
    businessName: '',
    locale: 'en',
  };

  constructor(private readonly host: ReactiveControllerHost & { focusNext(): void }) {}

  async open(apiBase: string, slug: string): Promise<void> {
    this.apiBase = apiBase;
    this.slug = slug;
    this.part = null;
    const [part, business] = await Promise.all([
      loadAccessForm(),
      fetch(`${apiBase}/v1/access/${encodeURIComponent(slug)}`)
        .then((r) => (r.ok ? (r.json() as Promise<{ name: string; brand_color: string }>) : null))
        .catch(() => null),
    ]);
    this.part = part;
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
    if (!this.part?.looksLikeContact(this.state.contact)) return this.set({ error: 'invalid' });
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
    if (!this.part) return skeleton;
    this.state.locale = locale;
    return this.part.renderAccessForm({ html, nothing }, this.state, {
      input: (contact) => {
        this.state.contact = contact;
      },
      submit: (event) => void this.submit(event),
      again: () => this.set({ step: 'form', contact: '' }),
    });
  }
}
