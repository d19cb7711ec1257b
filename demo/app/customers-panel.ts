/** Customers: the list with each balance and its state, a form for a new one, and the chosen one. */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Balance, Customer, List } from '../../shared/api/staff.ts';
import { balanceText, type MoneyContext, stateLabel } from './format.ts';
import './portal-access.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';
import './customer-detail.ts';

/** How often the list reads balances again while the page is seen. */
const REFRESH_MS = 10_000;

@customElement('demo-customers')
export class DemoCustomers extends LitElement {
  static override styles = [
    demoStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(260px, 340px) minmax(0, 1fr);
        gap: 20px;
        align-items: start;
      }
      @media (max-width: 860px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      ul {
        list-style: none;
        margin: 0 0 12px;
        padding: 0;
      }
      li button {
        display: flex;
        width: 100%;
        justify-content: space-between;
        align-items: center;
        gap: 8px;
        text-align: left;
        border: 0;
        border-bottom: 1px solid var(--border);
        border-radius: 0;
        padding: 10px 4px;
        font-weight: 500;
      }
      li button[aria-current='true'] {
        background: #ecfeff;
      }
      .who {
        display: grid;
        min-width: 0;
      }
      .who small {
        color: var(--muted);
        font-weight: 400;
      }
      .figure {
        display: grid;
        justify-items: end;
        gap: 2px;
        font-variant-numeric: tabular-nums;
      }
      .updated {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 8px;
        margin: 8px 0;
      }
      form {
        display: grid;
        gap: 8px;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @state() private customers: Customer[] = [];
  @state() private balances = new Map<string, Balance>();
  @state() private selected: string | null = null;
  @state() private error = '';
  /** What staff typed in the search box; the list shows only the customers it finds. */
  @state() private search = '';
  @state() private updatedAt: Date | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private typing: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    // Balances and states stay true after a payment made elsewhere (issue 15): poll while seen.
    this.timer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.load();
    }, REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    clearTimeout(this.typing);
  }

  private searchFor(text: string): void {
    this.search = text;
    clearTimeout(this.typing);
    this.typing = setTimeout(() => void this.load(), 250);
  }

  private async load(): Promise<void> {
    try {
      const q = this.search.trim();
      const list = await this.api.get<List<Customer>>(
        `/v1/customers?limit=100${q ? `&q=${encodeURIComponent(q)}` : ''}`,
      );
      if (q !== this.search.trim()) return;
      this.customers = list.data;
      const balances = await Promise.all(
        list.data.map((customer) => this.api.get<Balance>(`/v1/customers/${customer.id}/balance`)),
      );
      this.balances = new Map(list.data.map((customer, i) => [customer.id, balances[i]!]));
      this.selected ??= list.data[0]?.id ?? null;
      this.updatedAt = new Date();
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    try {
      const customer = await this.api.post<Customer>('/v1/customers', {
        name: text('name'),
        email: text('email'),
        phone: text('phone'),
        // Empty: the business's language.
        locale: text('locale') ?? null,
        // Empty: the business's time zone; an unknown name comes back as a 422, shown below.
        time_zone: text('time_zone') ?? null,
      });
      form.reset();
      this.error = '';
      this.selected = customer.id;
      await this.load();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  override render() {
    const chosen = this.customers.find((customer) => customer.id === this.selected);
    return html`<div class="layout">
      <section class="card" aria-labelledby="customers-title">
        <h2 id="customers-title">Customers</h2>
        <label
          >Search customers
          <input
            type="search"
            placeholder="Name, email, phone or invoice number"
            .value=${this.search}
            @input=${(event: InputEvent) => this.searchFor((event.target as HTMLInputElement).value)}
        /></label>
        <p class="muted updated" aria-live="off">
          ${
            this.updatedAt
              ? html`Last updated
                  <time datetime=${this.updatedAt.toISOString()}
                    >${this.updatedAt.toLocaleTimeString(this.at.locale)}</time
                  >`
              : 'Loading…'
          }
          <button type="button" @click=${() => this.load()}>Update now</button>
        </p>
        ${
          this.customers.length === 0 && this.search.trim()
            ? html`<p class="muted">No customer matches “${this.search.trim()}”.</p>`
            : nothing
        }
        <ul aria-label="Customers">
          ${this.customers.map((customer) => this.renderCustomer(customer))}
        </ul>
        <h3>New customer</h3>
        <form @submit=${this.create} aria-label="New customer">
          <label>Name <input name="name" required maxlength="200" /></label>
          <label>Email <input name="email" type="email" /></label>
          <label>Phone <input name="phone" type="tel" /></label>
          <label
            >Language
            <select name="locale" title="What reminders, texts and the portal speak to the customer">
              <option value="">Same as the business</option>
              <option value="en">English</option>
              <option value="es">Español</option>
            </select>
          </label>
          <label
            >Time zone
            <input
              name="time_zone"
              list="customer-time-zones"
              placeholder="Same as the business"
              title="Where the customer lives: no reminder texts before 8:00 or from 21:00 there"
            />
            <datalist id="customer-time-zones">
              ${timeZones().map((zone) => html`<option value=${zone}></option>`)}
            </datalist>
          </label>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          <button class="primary" type="submit">Create customer</button>
        </form>
        <demo-portal-access .api=${this.api} .customers=${this.customers}></demo-portal-access>
      </section>
      ${
        chosen
          ? html`<demo-customer-detail
            .api=${this.api}
            .at=${this.at}
            .customer=${chosen}
            @customer-changed=${() => this.load()}
          ></demo-customer-detail>`
          : html`<p class="muted">Create a customer to start.</p>`
      }
    </div>`;
  }

  private renderCustomer(customer: Customer) {
    const balance = this.balances.get(customer.id);
    return html`<li>
      <button
        type="button"
        aria-current=${customer.id === this.selected ? 'true' : 'false'}
        @click=${() => {
          this.selected = customer.id;
        }}
      >
        <span class="who">${customer.name}<small>${customer.email ?? 'no email'}</small></span>
        ${
          balance
            ? html`<span class="figure"
              >${balanceText(balance.amount, balance.state, this.at)}
              <span class="chip ${balance.state}">${stateLabel[balance.state]}</span></span
            >`
            : nothing
        }
      </button>
    </li>`;
  }
}

/** The IANA names this browser knows, for the time zone field's suggestions. */
function timeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}
