/**
 * The invoice as a document, as the customer reads it (and prints it): who it is from and to,
 * the dates, every line with quantity and unit price, subtotal, discount, tax by rate, total, what was
 * applied (payments with their receipts, credits, refunds) and the amount due, notes and terms.
 * At narrow widths the quantity and unit price stack under the description (a container query,
 * pay-portal-invoice.styles.ts). A template module: the element passes its formats and words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type {
  InvoiceApplied,
  PortalBusiness,
  PortalInvoiceDocument,
  PostalAddress,
} from '../../shared/api/portal.ts';
import type { InvoiceMessages } from './invoice-strings.ts';

export interface Formats {
  money(amount: number): string;
  date(day: string): string;
  rate(basisPoints: number): string;
  count(quantity: number): string;
}

export interface DocumentContext {
  t: InvoiceMessages;
  f: Formats;
  business: PortalBusiness | null;
  resolve(path: string): string;
}

export function renderStatus(t: InvoiceMessages, invoice: PortalInvoiceDocument) {
  if (invoice.status === 'paid') return html`<span class="badge paid">${t.paid}</span>`;
  if (invoice.status === 'void') return html`<span class="badge">${t.void}</span>`;
  if (invoice.days_overdue > 0) {
    return html`<span class="badge overdue">${t.overdue(invoice.days_overdue)}</span>`;
  }
  return nothing;
}

export function renderDocument(
  { t, f, business, resolve }: DocumentContext,
  invoice: PortalInvoiceDocument,
): TemplateResult {
  return html`
    <dl class="dates">
      <div><dt>${t.issued}</dt><dd>${f.date(invoice.date)}</dd></div>
      ${invoice.due_date ? html`<div><dt>${t.due}</dt><dd>${f.date(invoice.due_date)}</dd></div>` : nothing}
    </dl>
    <div class="parties">
      ${
        business
          ? html`<div class="party" part="from">
              <p class="label">${t.from}</p>
              <p class="strong">${business.name}</p>
              ${business.address ? html`<p class="pre">${business.address}</p>` : nothing}
              ${business.phone ? html`<p>${business.phone}</p>` : nothing}
              ${business.email ? html`<p>${business.email}</p>` : nothing}
            </div>`
          : nothing
      }
      <div class="party" part="bill-to">
        <p class="label">${t.billTo}</p>
        <p class="strong">${invoice.customer.name}</p>
        ${addressLines(invoice.customer.address).map((line) => html`<p>${line}</p>`)}
        ${invoice.customer.email ? html`<p>${invoice.customer.email}</p>` : nothing}
      </div>
    </div>
    <table class="lines" part="lines">
      <thead>
        <tr>
          <th scope="col">${t.description}</th>
          <th scope="col" class="num wide">${t.quantity}</th>
          <th scope="col" class="num wide">${t.unitPrice}</th>
          <th scope="col" class="num">${t.amount}</th>
        </tr>
      </thead>
      <tbody>
        ${invoice.lines.map(
          (line) => html`<tr>
            <td>
              ${line.description}
              <span class="line-detail narrow"
                >${t.lineDetail(f.count(line.quantity), f.money(line.unit_amount))}</span
              >
            </td>
            <td class="num wide">${f.count(line.quantity)}</td>
            <td class="num wide amount">${f.money(line.unit_amount)}</td>
            <td class="num amount">${f.money(line.amount)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <dl class="totals" part="totals">
      <dt>${t.subtotal}</dt>
      <dd class="amount">${f.money(invoice.subtotal)}</dd>
      ${
        invoice.discount
          ? html`<dt data-discount>${t.discount(discountDetail(f, invoice.discount))}</dt>
              <dd class="amount">${f.money(-invoice.discount.amount)}</dd>`
          : nothing
      }
      ${invoice.taxes.map(
        (tax) => html`<dt>${t.taxAt(f.rate(tax.rate), f.money(tax.taxable))}</dt>
          <dd class="amount">${f.money(tax.amount)}</dd>`,
      )}
      <dt class="grand">${t.total}</dt>
      <dd class="grand amount">${f.money(invoice.total)}</dd>
      ${invoice.applied.map((applied) => renderApplied(t, f, applied, resolve))}
      <dt class="due">${t.amountDue}</dt>
      <dd class="due amount" data-amount-due>${f.money(invoice.amount_due)}</dd>
    </dl>
    ${
      invoice.notes
        ? html`<div part="notes"><p class="label">${t.notes}</p><p class="pre">${invoice.notes}</p></div>`
        : nothing
    }
    ${
      invoice.terms
        ? html`<div part="terms"><p class="label">${t.terms}</p><p class="pre">${invoice.terms}</p></div>`
        : nothing
    }
  `;
}

function renderApplied(
  t: InvoiceMessages,
  f: Formats,
  applied: InvoiceApplied,
  resolve: (path: string) => string,
): TemplateResult {
  const date = f.date(applied.date);
  const method = applied.method === 'card' ? t.card : applied.method ? t.bank : '';
  const label =
    applied.kind === 'payment'
      ? t.payment(date, method)
      : applied.kind === 'credit'
        ? t.credit(date)
        : applied.kind === 'refund'
          ? t.refund(date)
          : t.adjustment(date);
  const number = applied.receipt_number;
  return html`<dt class="applied">
      ${label}
      ${
        number && applied.receipt_url
          ? html`<a
              class="receipt"
              href=${resolve(applied.receipt_url)}
              target="_blank"
              rel="noopener"
              aria-label=${t.receiptLabel(number)}
              >${t.receipt(number)}</a
            >`
          : number
            ? html`<span class="receipt">${t.receipt(number)}</span>`
            : nothing
      }
    </dt>
    <dd class="amount">${f.money(-applied.amount)}</dd>`;
}

function discountDetail(
  f: Formats,
  discount: NonNullable<PortalInvoiceDocument['discount']>,
): string {
  const rate = discount.rate === null ? '' : f.rate(discount.rate);
  return [discount.description, rate].filter(Boolean).join(', ');
}

function addressLines(address: PostalAddress | null): string[] {
  if (!address) return [];
  const cityLine = [address.city, [address.state, address.postal_code].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [address.line1, address.line2, cityLine, address.country].filter((line): line is string =>
    Boolean(line),
  );
}
