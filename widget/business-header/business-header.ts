/** The business's face on the card: logo (or its initial), name, test-mode badge; its contact block. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Portal, PortalBusiness } from '../../shared/api/portal.ts';
import type { Localizer } from '../i18n/localize.ts';
import { safeImageUrl } from './brand.ts';

export function renderBusinessHeader(l: Localizer, portal: Portal): TemplateResult {
  const { business, provider } = portal;
  const logo = safeImageUrl(business.logo_url);
  return html`
    <header class="section header" part="header">
      ${
        logo
          ? html`<img class="logo" part="logo" src=${logo} alt=${business.name} />`
          : html`<span class="logo monogram" part="logo" aria-hidden="true"
              >${[...business.name.trim()][0]?.toUpperCase() ?? ''}</span
            >`
      }
      <div class="business">
        <p class="business-name">${business.name}</p>
        ${provider.test_mode ? html`<span class="badge" part="test-badge">${l.t.testMode}</span>` : nothing}
      </div>
    </header>
  `;
}

/** Address, phone and email, each a plain line; nothing when the business gave none. */
export function renderContact(
  l: Localizer,
  business: PortalBusiness,
): TemplateResult | typeof nothing {
  const { address, phone, email } = business;
  if (!address && !phone && !email) return nothing;
  return html`
    <address class="contact" part="contact">
      ${address ? html`<span>${address}</span>` : nothing}
      ${phone ? html`<a href=${`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label=${l.t.call(phone)}>${phone}</a>` : nothing}
      ${email ? html`<a href=${`mailto:${email}`} aria-label=${l.t.email(email)}>${email}</a>` : nothing}
    </address>
  `;
}
