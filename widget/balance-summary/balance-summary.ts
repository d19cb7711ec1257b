/**
 * The balance, in the three states of the design, worded exactly as it words them:
 * zero "You're all set! You have no outstanding balance.", credit "Account credit: $12.50",
 * outstanding the amount due. On an invoice link whose invoice is paid: "Invoice INV-0004 is
 * paid", never a word about the rest of the account.
 */
import { html, type TemplateResult } from 'lit';
import type { Portal } from '../../shared/api/portal.ts';
import type { Localizer } from '../i18n/localize.ts';

export function renderBalanceSummary(
  l: Localizer,
  portal: Portal,
  extra: TemplateResult | string = '',
): TemplateResult {
  const { t } = l;
  const { amount, state } = portal.balance;
  let body: TemplateResult;
  if (state === 'outstanding') {
    body = html`<h2 class="due" tabindex="-1" data-focus>
      <span class="due-label">${t.amountDue}</span>
      <span class="due-amount amount">${l.money(amount)}</span>
    </h2>`;
  } else if (state === 'credit') {
    body = html`<h2 tabindex="-1" data-focus>${t.credit(l.money(-amount))}</h2>
      <p class="muted">${t.creditNote}</p>`;
  } else if (portal.link.kind === 'invoice' && portal.invoices[0]) {
    // An invoice link speaks for its invoice, never for the account (issue 11).
    body = html`<h2 tabindex="-1" data-focus>${t.invoicePaidTitle(portal.invoices[0].number)}</h2>
      <p>${t.invoicePaidBody}</p>`;
  } else {
    body = html`<h2 tabindex="-1" data-focus>${t.zeroTitle}</h2>
      <p>${t.zeroBody}</p>`;
  }
  return html`
    <section class="section balance" part="balance" data-state=${state}>
      <p class="greeting">${t.greeting(portal.customer.name)}</p>
      <div class="balance-body">${body}</div>
      ${extra}
    </section>
  `;
}
