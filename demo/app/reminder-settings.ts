/**
 * The settings of issue 12 on the demo page, a form of its own beside the others: the time zone,
 * the public "Pay your bill" page's slug, and the reminders (offsets from the due date, how many,
 * the channel, the estimate follow-ups and the "not opened yet" nudge). PATCHes /v1/settings.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Settings } from '../../shared/api/staff.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles, settingsFieldStyles } from './styles.ts';

@customElement('demo-reminder-settings')
export class DemoReminderSettings extends LitElement {
  static override styles = [
    demoStyles,
    settingsFieldStyles,
    css`
      form {
        display: grid;
        gap: 12px;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @state() private settings: Settings | null = null;
  @state() private message: string | null = null;
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api.get<Settings>('/v1/settings').then((settings) => {
      this.settings = settings;
    });
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const number = (name: string) => Number(text(name));
    const expiry = text('before_expiry_days');
    try {
      this.settings = await this.api.patch<Settings>('/v1/settings', {
        time_zone: text('time_zone') || null,
        slug: text('slug') || null,
        reminders: {
          channel: text('channel'),
          invoice: {
            enabled: form.has('invoice_enabled'),
            offsets_days: text('offsets')
              .split(/[\s,]+/)
              .filter(Boolean)
              .map(Number),
            max_per_invoice: number('max_per_invoice'),
          },
          estimate: {
            enabled: form.has('estimate_enabled'),
            follow_up_days: number('follow_up_days'),
            before_expiry_days: expiry ? Number(expiry) : null,
          },
          not_opened: { enabled: form.has('not_opened_enabled'), after_days: number('after_days') },
        },
      });
      this.failed = false;
      this.message = 'Reminder settings saved.';
    } catch (error) {
      this.failed = true;
      this.message = (error as Error).message;
    }
  }

  override render() {
    const s = this.settings;
    if (!s) return html`<p class="muted">Loading reminder settings…</p>`;
    const r = s.reminders;
    const page = s.slug ? `${location.origin}/b/${s.slug}` : null;
    return html`<section class="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title">Reminders and the "Pay your bill" page</h2>
      <form @submit=${this.save}>
        <fieldset>
          <legend>Clock and public page</legend>
          <label>Time zone (IANA) <input name="time_zone" .value=${s.time_zone} placeholder="America/Chicago" /></label>
          <label>Page slug <input name="slug" .value=${s.slug ?? ''} placeholder="acme-pools" /></label>
          ${page ? html`<p class="wide muted">Public page: <a href=${page} target="_blank" rel="noopener">${page}</a></p>` : nothing}
        </fieldset>
        <fieldset>
          <legend>Invoice reminders</legend>
          <label class="check"><input type="checkbox" name="invoice_enabled" .checked=${r.invoice.enabled} /> Remind before and after the due date</label>
          <label>Days from due date <input name="offsets" .value=${r.invoice.offsets_days.join(', ')} /></label>
          <label>At most per invoice <input name="max_per_invoice" type="number" min="0" max="20" .value=${String(r.invoice.max_per_invoice)} /></label>
          <label>Send by
            <select name="channel" .value=${r.channel}>
              <option value="email" ?selected=${r.channel === 'email'}>Email</option>
              <option value="sms" ?selected=${r.channel === 'sms'}>Text</option>
              <option value="both" ?selected=${r.channel === 'both'}>Email and text</option>
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>Estimates and unopened links</legend>
          <label class="check"><input type="checkbox" name="estimate_enabled" .checked=${r.estimate.enabled} /> Follow up pending estimates</label>
          <label>Days after sent <input name="follow_up_days" type="number" min="1" max="90" .value=${String(r.estimate.follow_up_days)} /></label>
          <label>Days before expiry <input name="before_expiry_days" type="number" min="1" max="90" .value=${r.estimate.before_expiry_days === null ? '' : String(r.estimate.before_expiry_days)} /></label>
          <label class="check"><input type="checkbox" name="not_opened_enabled" .checked=${r.not_opened.enabled} /> Nudge when a sent link is not opened</label>
          <label>After days <input name="after_days" type="number" min="1" max="60" .value=${String(r.not_opened.after_days)} /></label>
        </fieldset>
        ${this.message ? html`<p class=${this.failed ? 'error' : 'ok'} role="status">${this.message}</p>` : nothing}
        <div><button class="primary" type="submit">Save reminder settings</button></div>
      </form>
    </section>`;
  }
}
