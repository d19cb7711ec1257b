/**
 * What an estimate says, as the customer reads it: lines, subtotal, tax, total, the deposit due
 * on approval and the terms. A template module: the element passes its formatter and words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PortalEstimate } from '../../shared/api/portal.ts';
import type { EstimateMessages } from './estimate-strings.ts';

export interface Formats {
  money(amount: number): string;
  date(day: string): string;
  rate(basisPoints: number): string;
  count(quantity: number): string;
}

export function renderSummary(
  t: EstimateMessages,
  f: Formats,
  estimate: PortalEstimate,
): TemplateResult {
  const depositPaid = estimate.status === 'approved' && estimate.deposit_due === 0;
  return html`
    <table part="lines">
      <thead>
        <tr>
          <th scope="col">${t.description}</th>
          <th scope="col" class="num">${t.amount}</th>
        </tr>
      </thead>
      <tbody>
        ${estimate.lines.map(
          (line) => html`<tr>
            <td>
              ${line.description}
              <span class="line-detail"
                >${t.lineDetail(f.count(line.quantity), f.money(line.unit_amount))}${
                  line.tax_rate ? ` · ${t.lineTax(f.rate(line.tax_rate), f.money(line.tax))}` : ''
                }</span
              >
            </td>
            <td class="num amount">${f.money(line.amount)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <dl class="totals" part="totals">
      <dt>${t.subtotal}</dt>
      <dd class="amount">${f.money(estimate.subtotal)}</dd>
      <dt>${t.tax}</dt>
      <dd class="amount">${f.money(estimate.tax)}</dd>
      <dt class="grand">${t.total}</dt>
      <dd class="grand amount">${f.money(estimate.total)}</dd>
    </dl>
    ${
      estimate.deposit_amount > 0
        ? html`<p class="deposit ${depositPaid ? 'paid' : ''}" part="deposit">
            <span>${depositPaid ? t.depositPaid : t.deposit}</span
            ><span class="amount">${f.money(estimate.deposit_amount)}</span>
          </p>`
        : nothing
    }
    ${
      estimate.terms
        ? html`<div part="terms">
            <p class="muted"><strong>${t.terms}</strong></p>
            <p class="terms">${estimate.terms}</p>
          </div>`
        : nothing
    }
  `;
}
