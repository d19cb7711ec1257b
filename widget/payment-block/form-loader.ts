/**
 * Loads the provider's payment form the first time the payment block shows (never for a link
 * with nothing to pay), keeps it while the link's account is reloaded, and lets it go for another
 * provider (the card provider's form, or PayPal's when the customer picks PayPal). Loading it
 * is a file of its own (widget/lazy/lazy.ts): neither entry script carries a form.
 */

import { loadPaypalForm, loadSandboxForm, loadSquareForm, loadStripeForm } from '../lazy/lazy.ts';
import type { FormHost, PaymentForm, PaymentFormModule } from '../provider-form/provider-form.ts';

export type FormState = 'idle' | 'loading' | 'ready' | 'failed';

const modules: Record<string, () => Promise<PaymentFormModule>> = {
  sandbox: loadSandboxForm,
  stripe: loadStripeForm,
  square: loadSquareForm,
  paypal: loadPaypalForm,
};

export class FormLoader {
  state: FormState = 'idle';
  form: PaymentForm | null = null;
  private provider = '';

  constructor(
    private readonly host: () => FormHost,
    private readonly changed: () => void,
  ) {}

  private loading: Promise<void> = Promise.resolve();

  /** The form, once it has loaded (null when it could not). */
  async loaded(): Promise<PaymentForm | null> {
    await this.loading;
    return this.form;
  }

  /** Opens the form of `provider` (once; again after a failed load). */
  open(provider: string): Promise<void> {
    if (this.provider === provider && this.state !== 'failed') return this.loading;
    this.loading = this.load(provider);
    return this.loading;
  }

  private async load(provider: string): Promise<void> {
    this.close();
    this.provider = provider;
    this.state = 'loading';
    this.changed();
    try {
      const load = modules[provider];
      if (!load) throw new Error(`no payment form for provider ${provider}`);
      const module = await load();
      if (this.provider !== provider) return;
      this.form = module.createForm(this.host());
      this.state = 'ready';
    } catch {
      if (this.provider === provider) this.state = 'failed';
    }
    this.changed();
  }

  /** Tries a failed load again. */
  retry(): void {
    void this.open(this.provider);
  }

  close(): void {
    this.form?.dispose();
    this.form = null;
    this.provider = '';
    this.state = 'idle';
  }
}
